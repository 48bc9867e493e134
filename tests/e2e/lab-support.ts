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

/** Axe's violations on the page (rule id and the first offending elements); the tests expect none. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
}
