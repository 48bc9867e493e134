/**
 * src/batch/explore is pure: no clock, no unseeded randomness, no console, process or Node
 * modules; it imports only its own files, the batch errors and seedrandom.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeOf, IMPURE as FORBIDDEN } from '../pure-code.ts';

const DIR = 'src/batch/explore';
const code = (file: string) => codeOf(`${DIR}/${file}`);

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
