/**
 * The analyst's side of the browser in real Chromium: the quick batch's Stop button, and the lab
 * (sweeps in Web Workers, charts, downloads, any run in the stepper).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsole, launchChromium, startApp } from './support.ts';

let server: ViteDevServer;
let url: string;
let browser: Browser;
const consoleProblems: string[] = [];

beforeAll(async () => {
  ({ server, url } = await startApp());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(context: BrowserContext, label: string, address: string): Promise<Page> {
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  await page.goto(address);
  return page;
}

describe('quick batch: Stop', () => {
  it('stops the batch, and does not start it again, when clicked with the mouse or pressed with Enter', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await openPage(context, 'quick batch stop', `${url}#/run/doha-60-day-draft?seed=1&at=0`);
      await page.getByTestId('decision-text').waitFor({ timeout: 30_000 });
      const panel = page.getByRole('region', { name: /Quick batch/ });
      await panel.locator('summary').click();
      await panel.getByRole('radio', { name: '5,000' }).check();
      const progress = panel.getByTestId('quick-batch-progress');

      for (const how of ['mouse', 'Enter'] as const) {
        await panel.getByRole('button', { name: 'Run 5,000 seeds' }).click();
        await progress.waitFor();
        const stop = panel.getByRole('button', { name: 'Stop' });
        if (how === 'mouse') {
          const box = (await stop.boundingBox())!;
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        } else {
          await stop.focus();
          await page.keyboard.press('Enter');
        }
        // Stopped, and still stopped a moment later (a restarted batch would show its progress again).
        await progress.waitFor({ state: 'detached', timeout: 2_000 });
        await page.waitForTimeout(600);
        expect(await progress.count(), `after Stop by ${how}`).toBe(0);
        expect(await panel.getByTestId('quick-batch-results').count()).toBe(0);
        // The keyboard user lands on the Run button again.
        const run = panel.getByRole('button', { name: 'Run 5,000 seeds' });
        expect(await run.evaluate((el) => el === document.activeElement)).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the console', () => {
  it('stays free of errors and warnings throughout', () => {
    expect(consoleProblems).toEqual([]);
  });
});
