/**
 * src/batch/explore is pure: no clock, no unseeded randomness, no console, process or Node
 * modules; it imports only its own files, the batch errors and seedrandom.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = 'src/batch/explore';
const FORBIDDEN: [string, RegExp][] = [
  ['Math.random', /\bMath\s*\.\s*random\b/],
  ['Date.now', /\bDate\s*\.\s*now\b/],
  ['new Date(', /\bnew\s+Date\s*\(/],
  ['performance.now', /\bperformance\s*\.\s*now\b/],
  ['console.', /\bconsole\s*\./],
  ['process.', /\bprocess\s*\./],
  ['require(', /\brequire\s*\(/],
];
const code = (file: string) =>
  readFileSync(`${DIR}/${file}`, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

describe('src/batch/explore purity', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  it('has an index', () => expect(files).toContain('index.ts'));
  for (const file of files) {
    it(`${file} is pure and imports only what it may`, () => {
      const source = code(file);
      for (const [name, pattern] of FORBIDDEN) expect(pattern.test(source), `${file} uses ${name}`).toBe(false);
      for (const [, specifier] of source.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)) {
        const ok = (specifier!.startsWith('./') && !specifier!.includes('/', 2)) || specifier === '../errors.ts' || specifier === 'seedrandom';
        expect(ok, `${file} imports ${specifier}`).toBe(true);
      }
    });
  }
});
