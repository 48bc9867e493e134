/**
 * src/batch is pure apart from its Node pool: no clock, randomness, console, process, file system
 * or Node modules outside node-pool.ts; and it imports other layers only through their index.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeOf, IMPURE } from './pure-code.ts';

const DIR = 'src/batch';
const NODE_SPECIFIC = new Set(['node-pool.ts', 'node-pool-worker.cjs']);
const FORBIDDEN: readonly [string, RegExp][] = [...IMPURE, ['a Node module', /\bfrom\s*['"]node:|\bimport\s*\(\s*['"]node:/]];

const code = (file: string) => codeOf(`${DIR}/${file}`);

describe('src/batch layering', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  it('has the files this test expects', () => expect(files).toContain('index.ts'));
  for (const file of files.filter((f) => !NODE_SPECIFIC.has(f))) {
    it(`${file} is pure`, () => {
      const source = code(file);
      for (const [name, pattern] of FORBIDDEN) expect(pattern.test(source), `${file} uses ${name}`).toBe(false);
    });
  }
  for (const file of files) {
    it(`${file} imports other layers only through their index`, () => {
      const specifiers = [...code(file).matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const s of specifiers) {
        const ok = s.startsWith('./') || s === '../engine/index.ts' || s === '../scenario/index.ts' || s === 'yaml' || s === 'zod' || s === 'node:worker_threads';
        expect(ok, `${file} imports ${s}`).toBe(true);
        if (s === 'node:worker_threads') expect(NODE_SPECIFIC.has(file)).toBe(true);
      }
    });
  }
});
