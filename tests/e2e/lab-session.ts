/** What the lab's e2e files set up alike: the dev server and Chromium for the file, a download's text, and the console check at the end. */
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startApp } from './support.ts';

export interface LabSession {
  url: string;
  browser: Browser;
  consoleProblems: string[];
}

/** The app on Vite's dev server and a Chromium for this file (ready once `beforeAll` has run), and a last test that the console stayed clean. */
export function labSession(): LabSession {
  const session = { url: '', browser: undefined as unknown as Browser, consoleProblems: [] as string[] };
  let server: ViteDevServer | undefined;
  beforeAll(async () => {
    const app = await startApp();
    server = app.server;
    session.url = app.url;
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await server?.close();
  });
  return session;
}

/** The console check, run after the file's other tests. */
export function consoleStaysClean(problems: readonly string[]): void {
  describe('the console', () => {
    it('stays free of errors and warnings throughout', () => {
      expect(problems).toEqual([]);
    });
  });
}

/** The text of the file a click on `button` downloads. */
export async function downloaded(page: Page, button: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await download.path())!, 'utf8');
}
