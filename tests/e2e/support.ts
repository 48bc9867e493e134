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

/** The app served, Chromium launched and one 1280×800 page that collects console problems. */
export interface Desk {
  server: ViteDevServer;
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function startDesk(label: string, consoleProblems: string[]): Promise<Desk> {
  const { server, url } = await startApp();
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  collectConsole(page, consoleProblems, label);
  return {
    server,
    url,
    browser,
    context,
    page,
    async close() {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
}
