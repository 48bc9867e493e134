/**
 * A student plays the United States in the 60-day draft, in real Chromium: picks it under
 * "I play", runs until the US must act, presses the side that fell short, brokers the extension
 * at day 60, lets the next one lapse, and reaches the end (and, in another run, offers a withdrawn
 * guarantee again) — every choice logged as theirs, the
 * model's odds beside each lever, and axe (WCAG 2.2 AA) finding nothing on the decision.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, WCAG22_AA } from './lab-support.ts';
import { collectConsole, endPageSession, screenshot, startPageSession, type PageSession } from './support.ts';

let consoleProblems: string[] = [];
let desk: PageSession;
let page: Page;
let context: BrowserContext;
let url: string;

beforeAll(async () => {
  desk = await startPageSession('mediator', '');
  ({ page, context, url, consoleProblems } = desk);
});

afterAll(async () => {
  await endPageSession(desk);
});

const choices = () => page.getByRole('list', { name: 'Your response' });
const decisionText = () => page.getByTestId('decision-text').innerText();
const logText = () => page.getByTestId('log').innerText();

/** Runs the models until it is the US's move (the choices show) or the run ends; true when it is the US's move. */
async function runToMyMove(): Promise<boolean> {
  if (await choices().isVisible()) return true;
  if (await page.getByTestId('outcome').isVisible()) return false;
  await page.getByRole('button', { name: /^Run to my next move/ }).click();
  await Promise.race([choices().waitFor(), page.getByTestId('outcome').waitFor()]);
  return choices().isVisible();
}

describe('playing the US mediator in the 60-day draft', () => {
  it('lists the US (and the other mediators) under “I play”', async () => {
    // Seed 7: Israel falls short on day 7, and the truce reaches day 60 with every captive home.
    await page.goto(`${url}#/run/doha-60-day-draft?seed=7&at=0`);
    await page.getByTestId('decision-text').waitFor({ timeout: 30_000 });
    const options = await page.getByLabel('I play').locator('option').allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(['Hamas', 'Israel', 'Qatar (mediator)', 'Egypt (mediator)', 'United States (guarantor)']));
    await page.getByLabel('I play').selectOption('us');
    expect(page.url()).toMatch(/play=us/);
  });

  it('stops when a side falls short: Press or Hold back, with the model’s odds', async () => {
    expect(await runToMyMove()).toBe(true);
    expect(await decisionText()).toMatch(/: does United States press (Hamas|Israel) \(pressure \+0\.30\)\?$/);
    expect(await page.locator('.decision-meta').innerText()).toMatch(/press the side that fell short, or hold back/);
    const list = choices();
    expect(await list.getByRole('button').allInnerTexts()).toEqual([expect.stringMatching(/^Press/), expect.stringMatching(/^Hold back/)]);
    expect(await page.getByTestId('p-comply').innerText()).toBe('model 100%');
    expect(await page.getByTestId('p-refuse').innerText()).toBe('model 0%');
    expect(await page.getByRole('button', { name: /^Next decision/ }).isDisabled()).toBe(true);
    expect(await axeViolations(page, WCAG22_AA)).toEqual([]);
    await screenshot(page, 'mediator-press-1280x800');
    await list.getByRole('button', { name: /^Press/ }).click();
    await page.getByTestId('log').locator('li[data-type="party.reacted"]', { hasText: /United States presses/ }).first().waitFor();
    expect(await logText()).toMatch(/United States presses (Hamas|Israel)[^\n]*\(your choice\)/);
  });

  it('at day 60 brokers the extension (the model’s odds: the rule’s 50%), then lets the next lapse, and reaches the end', async () => {
    let brokered = 0;
    let lapsed = 0;
    let pressed = 1;
    for (let i = 0; i < 20 && (await runToMyMove()); i++) {
      const list = choices();
      if (await list.getByRole('button', { name: /^Broker extension/ }).isVisible()) {
        expect(await page.getByTestId('p-comply').innerText()).toBe('model 50%');
        if (brokered === 0) {
          expect(await decisionText()).toMatch(/does United States broker an extension of 7 days\?/);
          expect(await axeViolations(page, WCAG22_AA)).toEqual([]);
          await screenshot(page, 'mediator-broker-1280x800');
          await list.getByRole('button', { name: /^Broker extension/ }).click();
          await page.getByTestId('log').locator('li[data-type="phase.extended"]').first().waitFor();
          brokered += 1;
        } else {
          await list.getByRole('button', { name: /^Let it lapse/ }).click();
          await page.getByTestId('log').locator('li[data-type="mediator.acted"]').first().waitFor();
          lapsed += 1;
        }
      } else if (await list.getByRole('button', { name: /^Keep guarantee/ }).isVisible()) {
        await list.getByRole('button', { name: /^Keep guarantee/ }).click();
      } else {
        await list.getByRole('button', { name: /^Press/ }).click();
        pressed += 1;
      }
    }
    await page.getByTestId('outcome').waitFor();
    expect(brokered).toBe(1);
    expect(lapsed).toBe(1);
    expect(pressed).toBeGreaterThanOrEqual(1);
    const log = await logText();
    expect(log).toMatch(/extended by 7 days, to day 67: United States brokered it\.[^\n]*\(your choice\)/);
    expect(log).toMatch(/United States let the 60-day truce end without brokering an extension\.[^\n]*\(your choice\)/);
    expect(await page.getByTestId('outcome').innerText()).toMatch(/day 67/);
    expect(await axeViolations(page, WCAG22_AA)).toEqual([]);
    await screenshot(page, 'mediator-end-1280x800', true);
  }, 180_000);

  it('the shared link reopens the same run with the US played', async () => {
    const shared = await page.getByTestId('share-url').inputValue();
    expect(shared).toMatch(/play=us/);
    expect(shared).toMatch(/c=\d+:comply.*\d+:refuse/);
    const before = await logText();
    const other = await context.newPage();
    collectConsole(other, consoleProblems, 'shared');
    await other.goto(shared);
    await other.getByTestId('outcome').waitFor({ timeout: 30_000 });
    expect(await other.getByTestId('log').innerText()).toBe(before);
    expect(await other.getByLabel('I play').inputValue()).toBe('us');
    await other.close();
  });

  it('offers a withdrawn guarantee again (seed 65: the US withdraws on day 31, Hamas complies on day 50)', async () => {
    await page.goto(`${url}#/run/doha-60-day-draft?seed=65&play=us&at=0`);
    await page.getByTestId('decision-text').waitFor({ timeout: 30_000 });
    const list = choices();
    for (let i = 0; i < 20 && (await runToMyMove()); i++) {
      if (await list.getByRole('button', { name: /^Offer guarantee again/ }).isVisible()) break;
      const withdraw = list.getByRole('button', { name: /^Withdraw/ });
      await ((await withdraw.isVisible()) ? withdraw : list.getByRole('button', { name: /^Press/ })).click();
    }
    expect(await decisionText()).toMatch(/guarantee to Hamas is not in force, and Hamas has complied since it was withdrawn: does United States offer it again/);
    expect(await page.locator('.decision-meta').innerText()).toMatch(/offer the withdrawn guarantee again, or stay out/);
    expect(await list.getByRole('button').allInnerTexts()).toEqual([expect.stringMatching(/^Offer guarantee again/), expect.stringMatching(/^Stay out/)]);
    expect(await page.getByTestId('p-comply').innerText()).toBe('model 0%');
    expect(await page.getByTestId('p-refuse').innerText()).toBe('model 100%');
    expect(await axeViolations(page, WCAG22_AA)).toEqual([]);
    await screenshot(page, 'mediator-reoffer-1280x800');
    await list.getByRole('button', { name: /^Offer guarantee again/ }).click();
    await page.getByTestId('log').locator('li[data-type="guarantee.offered"]').first().waitFor();
    expect(await logText()).toMatch(/United States offered its guarantee to Hamas again: Hamas's grievance falls to \d\.\d\d\.[^\n]*\(your choice\)/);
    await screenshot(page, 'mediator-reoffered-1280x800');
  }, 180_000);

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
