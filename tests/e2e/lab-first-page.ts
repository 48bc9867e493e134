/**
 * The first page's weight: the production build (`vite build`) and what its index.html loads before
 * any lazy import — the HTML, the entry script and the scripts it imports statically, and their CSS —
 * each gzipped (zlib's default level, as Vite reports it). Used by the budget test and `npm run bench:lab`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { freePort, ROOT } from './support.ts';

/** The budget for the first page, in bytes (1 kB = 1,000 bytes). */
export const FIRST_PAGE_BUDGET = 203_000;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

export interface FirstPage {
  /** Gzipped bytes of each file loaded up front, by its name in the build. */
  files: Record<string, number>;
  gzipBytes: number;
}

/** `vite build` of the app into a fresh folder, as production (React's production build, bundled worker). */
export async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'parley-build-'));
  // Under vitest NODE_ENV is `test`, which would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/** What the built index.html loads before any lazy import, gzipped. */
export function firstPageOf(outDir: string): FirstPage {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files: Record<string, number> = {};
  const add = (file: string) => void (files[file] ??= gzipSync(readFileSync(join(outDir, file))).length);
  const visit = (key: string) => {
    const chunk = manifest[key]!;
    if (chunk.file in files) return;
    add(chunk.file);
    for (const css of chunk.css ?? []) add(css);
    for (const next of chunk.imports ?? []) visit(next);
  };
  add('index.html');
  visit('index.html');
  return { files, gzipBytes: Object.values(files).reduce((a, b) => a + b, 0) };
}

export async function measureFirstPage(): Promise<FirstPage> {
  const outDir = await buildApp();
  try {
    return firstPageOf(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The production build served by `vite preview` on a free port, as users get the app; `close` removes the build. */
export async function previewApp(): Promise<{ url: string; outDir: string; close(): Promise<void> }> {
  const outDir = await buildApp();
  const port = await freePort();
  const server = await preview({ root: outDir, configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return {
    url: `http://127.0.0.1:${port}/`,
    outDir,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
