/**
 * The writer's studio (#/edit) in real Chromium: diagnostics from the CLI's loader at the right
 * line with its hint, the preview following a fix, drafts surviving a reload and a storage that
 * refuses, a bundled scenario imported, changed and batch-run, a draft opened in the stepper,
 * the time to diagnostics and long tasks while typing (reported, not asserted), and an axe check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForFile, collectConsole, ROOT, screenshot } from './support.ts';

const app = appForFile();
const consoleProblems: string[] = [];

/** Storage that throws while `window.__refuseStorage` is true; long tasks collected in `window.__longTasks`. */
const INIT = () => {
  const w = window as unknown as { __refuseStorage: boolean; __longTasks: { start: number; duration: number }[] };
  w.__refuseStorage = false;
  w.__longTasks = [];
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    if (w.__refuseStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function newEditor(label: string, hash = '#/edit'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  await page.goto(app.url + hash);
  await page.locator('.cm-content').waitFor({ timeout: 30_000 });
  await verdict(page, /loads/);
  return { context, page };
}

/** Waits for the problems panel to say `text`. */
async function verdict(page: Page, text: RegExp): Promise<void> {
  await page.getByTestId('editor-problems').getByRole('status').filter({ hasText: text }).waitFor({ timeout: 30_000 });
}

/** Puts the cursor at the end of line `line` (CodeMirror's go-to-line). */
async function goToLineEnd(page: Page, line: number): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Alt+g');
  const field = page.locator('.cm-panel input[name=line]');
  await field.fill(String(line));
  await field.press('Enter');
  await page.keyboard.press('End');
}

const lineNumber = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const TEMPLATE = readFileSync(join(ROOT, 'scenarios/template.yaml'), 'utf8');

describe('the scenario editor', () => {
  it('opens the draft in the stepper, and again after a reload', async () => {
    const { context, page } = await newEditor('editor open in stepper');
    try {
      await page.getByRole('button', { name: 'Open in the stepper' }).click();
      await page.waitForURL(/#\/run\/draft-my-truce/, { timeout: 30_000 });
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'A short truce' }).waitFor({ timeout: 30_000 });
      await page.reload();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'A short truce' }).waitFor({ timeout: 30_000 });
      expect(page.url()).toMatch(/#\/run\/draft-my-truce/);
    } finally {
      await context.close();
    }
  });

  it('puts an unknown party on its line with the hint, updates the preview after the fix, and keeps the draft over a reload', async () => {
    const { context, page } = await newEditor('editor diagnostics');
    try {
      const line = lineNumber(TEMPLATE, '    party: side-b');
      await goToLineEnd(page, line);
      await page.keyboard.press('Backspace');
      await page.keyboard.type('x');
      await verdict(page, /problem/);
      const problem = page.getByTestId('editor-problems').locator(`li[data-line="${line}"]`).first();
      await expect(problem.textContent()).resolves.toContain('unknown party `side-x`');
      await expect(problem.textContent()).resolves.toContain('hint: there is a party named `side-a`');
      await expect(page.locator('.cm-lint-marker-error').count()).resolves.toBeGreaterThan(0);
      await page.getByTestId('preview-stale').waitFor();
      await screenshot(page, 'editor-unknown-party');

      await page.keyboard.press('Backspace');
      await page.keyboard.type('b');
      await verdict(page, /loads/);
      await page.getByTestId('preview-stale').waitFor({ state: 'detached' });
      await page.getByTestId('editor-batch-table').waitFor({ timeout: 30_000 });
      await page.getByTestId('editor-preview').getByTestId('timeline').waitFor();

      await goToLineEnd(page, lineNumber(TEMPLATE, 'title: A short truce'));
      await page.keyboard.type(' EDITED-BEFORE-RELOAD');
      await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.textContent?.includes('saved'));
      await page.reload();
      await page.locator('.cm-content').waitFor();
      await expect(page.locator('.cm-content').textContent()).resolves.toContain('EDITED-BEFORE-RELOAD');
      expect(page.url()).toMatch(/#\/edit\/my-truce/);
    } finally {
      await context.close();
    }
  });

  it('imports a bundled scenario, changes a parameter and runs the quick batch', async () => {
    const { context, page } = await newEditor('editor import');
    try {
      await page.getByLabel('New draft from').selectOption('doha-60-day-draft.yaml');
      await page.getByRole('button', { name: 'New draft', exact: true }).click();
      await page.waitForURL(/#\/edit\/doha-60-day-draft/);
      await verdict(page, /loads/);
      const doha = readFileSync(join(ROOT, 'scenarios/doha-60-day-draft.yaml'), 'utf8');
      const defaultLine = lineNumber(doha, '  reciprocity:') + 1;
      const [, indent, value] = /^(\s*default:\s*)([\d.]+)/.exec(doha.split('\n')[defaultLine - 1]!)!;
      await goToLineEnd(page, defaultLine);
      await page.keyboard.press('Home');
      // Home goes to the first non-blank character of the line.
      for (let i = 0; i < indent!.trimStart().length; i++) await page.keyboard.press('ArrowRight');
      for (let i = 0; i < value!.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('0.3');
      await verdict(page, /loads/);
      await page.getByRole('button', { name: 'Run the quick batch' }).click();
      const table = page.getByTestId('editor-batch-table');
      await table.waitFor({ timeout: 60_000 });
      await expect(table.getAttribute('data-runs')).resolves.toBe('200');
      await screenshot(page, 'editor-import-batch', true);

    } finally {
      await context.close();
    }
  }, 120_000);

  it('warns when the browser refuses to store the draft, keeps the edit on the page, and saves it once storage works again', async () => {
    const { context, page } = await newEditor('editor storage');
    try {
      await page.evaluate(() => ((window as unknown as { __refuseStorage: boolean }).__refuseStorage = true));
      await goToLineEnd(page, lineNumber(TEMPLATE, 'title: A short truce'));
      await page.keyboard.type(' KEPT-THROUGH-FAILURE');
      await page.getByTestId('save-warning').waitFor();
      await expect(page.locator('.cm-content').textContent()).resolves.toContain('KEPT-THROUGH-FAILURE');
      await screenshot(page, 'editor-storage-refused');
      await page.evaluate(() => ((window as unknown as { __refuseStorage: boolean }).__refuseStorage = false));
      await page.getByTestId('save-warning').waitFor({ state: 'detached', timeout: 10_000 });
      await page.reload();
      await page.locator('.cm-content').waitFor();
      await expect(page.locator('.cm-content').textContent()).resolves.toContain('KEPT-THROUGH-FAILURE');
    } finally {
      await context.close();
    }
  });

  it('measures the time to diagnostics and long tasks while typing in the largest bundled scenario (reported)', async () => {
    const { context, page } = await newEditor('editor typing');
    try {
      await page.getByLabel('New draft from').selectOption('doha-60-day-draft.yaml');
      await page.getByRole('button', { name: 'New draft', exact: true }).click();
      await page.waitForURL(/#\/edit\/doha-60-day-draft/);
      await verdict(page, /loads/);
      await page.waitForTimeout(1500);
      await goToLineEnd(page, lineNumber(readFileSync(join(ROOT, 'scenarios/doha-60-day-draft.yaml'), 'utf8'), 'title:'));
      const started = await page.evaluate(() => performance.now());
      await page.keyboard.type(' and more words typed at a steady pace', { delay: 40 });
      const lastKey = await page.evaluate(() => performance.now());
      await page.waitForFunction((after) => performance.getEntriesByName('parley-checked').some((e) => e.startTime > after), lastKey, { timeout: 10_000 });
      const measured = await page.evaluate(
        ([from, last]) => ({
          toDiagnostics: Math.min(...performance.getEntriesByName('parley-checked').filter((e) => e.startTime > last!).map((e) => e.startTime)) - last!,
          longTasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= from!).map((t) => Math.round(t.duration)),
        }),
        [started, lastKey],
      );
      console.log(`editor typing (doha-60-day-draft.yaml): diagnostics ${Math.round(measured.toDiagnostics)} ms after the last keystroke; long tasks while typing: ${JSON.stringify(measured.longTasks)}`);
      expect(measured.toDiagnostics).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('passes an axe check', async () => {
    const { context, page } = await newEditor('editor axe');
    try {
      await page.getByTestId('editor-batch-table').waitFor({ timeout: 30_000 });
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document.body);
        return result.violations.map((v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.map((n) => (n as { target: unknown }).target))}`);
      });
      expect(violations).toEqual([]);
      expect(consoleProblems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
