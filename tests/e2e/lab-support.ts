/** What the lab's e2e files share: opening the lab on the 60-day draft, and axe-core's verdict on a page. */
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { collectConsole } from './support.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function openLab(context: BrowserContext, url: string, label: string, consoleProblems: string[]): Promise<Page> {
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  await page.goto(`${url}#/lab/doha-60-day-draft`);
  await page.getByRole('heading', { name: /^Lab/ }).waitFor({ timeout: 30_000 });
  return page;
}

/** The axe tags of WCAG 2.2 levels A and AA (2.0, 2.1 and 2.2 criteria). */
export const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Axe's violations on the page (rule id and the first offending elements); the tests expect none.
 * `tags`: only the rules with these tags (e.g. WCAG22_AA); all of axe's default rules without.
 */
export async function axeViolations(page: Page, tags?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (only) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context?: Document, options?: object): Promise<Result> } }).axe;
    const result = only ? await axe.run(document, { runOnly: { type: 'tag', values: only } }) : await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }, tags ? [...tags] : undefined);
}
