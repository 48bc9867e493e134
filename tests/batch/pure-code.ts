/** What the pure parts of src/batch may not use, and a file's code without its comments. */
import { readFileSync } from 'node:fs';

export const IMPURE: readonly [string, RegExp][] = [
  ['Math.random', /\bMath\s*\.\s*random\b/],
  ['Date.now', /\bDate\s*\.\s*now\b/],
  ['new Date(', /\bnew\s+Date\s*\(/],
  ['performance.now', /\bperformance\s*\.\s*now\b/],
  ['console.', /\bconsole\s*\./],
  ['process.', /\bprocess\s*\./],
  ['require(', /\brequire\s*\(/],
];

export const codeOf = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
