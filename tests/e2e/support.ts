/**
 * Shared e2e plumbing: the app served by Vite's dev server on a free port, Debian's Chromium
 * driven by playwright-core, console errors and warnings collected per page, screenshots saved
 * under test-results/screenshots.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export async function startApp(): Promise<{ server: ViteDevServer; url: string }> {
  const port = await freePort();
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    clearScreen: false,
    // A fresh dependency cache, as on a fresh clone (and apart from any dev server running here).
    cacheDir: mkdtempSync(join(tmpdir(), 'parley-vite-')),
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  return { server, url: `http://127.0.0.1:${port}/` };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Console errors and warnings (and uncaught page errors) seen on a page, as text. */
export function collectConsole(page: Page, into: string[], label: string): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') into.push(`[${label}] console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => into.push(`[${label}] page error: ${error.message}`));
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * The app and Chromium for one e2e file whose tests open their own contexts: started before its
 * tests, closed after them. Read `url` and `browser` inside the tests.
 */
export function appForFile(): { readonly url: string; readonly browser: Browser } {
  let app: { server: ViteDevServer; url: string } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.server.close();
  });
  return {
    get url() {
      return app!.url;
    },
    get browser() {
      return browser!;
    },
  };
}

/** What an e2e file that drives one page works with: the app, Chromium, a context and its page, and the console's complaints. */
export interface PageSession {
  server: ViteDevServer;
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  consoleProblems: string[];
}

/** Starts the app and Chromium and opens one page at `path` (after the app's address), collecting its console. */
export async function startPageSession(label: string, path: string, viewport = { width: 1280, height: 800 }): Promise<PageSession> {
  const { server, url } = await startApp();
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleProblems: string[] = [];
  collectConsole(page, consoleProblems, label);
  await page.goto(url + path);
  return { server, url, browser, context, page, consoleProblems };
}

export async function endPageSession(session: PageSession | undefined): Promise<void> {
  await session?.context.close();
  await session?.browser.close();
  await session?.server.close();
}
