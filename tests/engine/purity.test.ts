/**
 * The core is pure: nothing in src/engine or src/scenario reads the clock or Math.random, touches
 * the console, the file system, the DOM or the process, or evaluates code. (Comments may mention
 * these names; code may not.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'Math.random', pattern: /\bMath\s*\.\s*random\b/ },
  { name: 'Date.now', pattern: /\bDate\s*\.\s*now\b/ },
  { name: 'new Date(', pattern: /\bnew\s+Date\s*\(/ },
  { name: 'console.', pattern: /\bconsole\s*\./ },
  { name: "from 'node:", pattern: /\bfrom\s*['"]node:/ },
  { name: "from 'fs'", pattern: /\bfrom\s*['"](fs|fs\/promises|path|os|child_process|worker_threads)['"]/ },
  { name: 'import(…node builtin…)', pattern: /\bimport\s*\(\s*['"](node:|fs['"/])/ },
  { name: 'require(', pattern: /\brequire\s*\(/ },
  { name: 'document.', pattern: /\bdocument\s*\./ },
  { name: 'window.', pattern: /\bwindow\s*\./ },
  { name: 'process.', pattern: /\bprocess\s*\./ },
  { name: 'eval(', pattern: /\beval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\b/ },
  { name: 'performance.now', pattern: /\bperformance\s*\.\s*now\b/ },
  { name: 'crypto.getRandomValues', pattern: /\bcrypto\s*\.\s*(getRandomValues|randomUUID)\b/ },
];

/** Blanks out comments (keeping line breaks, so line numbers stay right); strings are kept. */
function stripComments(source: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    out += c;
    i++;
  }
  return out;
}

function offences(source: string): string[] {
  const code = stripComments(source).split('\n');
  const found: string[] = [];
  code.forEach((line, n) => {
    for (const { name, pattern } of FORBIDDEN) if (pattern.test(line)) found.push(`${n + 1}: ${name}: ${line.trim()}`);
  });
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

const files = ['src/engine', 'src/scenario'].flatMap((dir) => tsFiles(join(ROOT, dir)));

describe('the pure core', () => {
  it('has files to check', () => {
    expect(files.some((f) => f.endsWith('src/engine/simulation.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('src/scenario/load.ts'))).toBe(true);
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(`${relative(ROOT, file)} uses no clock, randomness, console, fs, DOM, process or eval`, () => {
      expect(offences(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});

describe('the purity scanner itself', () => {
  it('finds each forbidden use in code', () => {
    const samples = [
      'const x = Math.random();',
      'const t = Date.now();',
      'const d = new Date();',
      'console.log(1);',
      "import { readFileSync } from 'node:fs';",
      "import fs from 'fs';",
      'const w = window.innerWidth;',
      'document.title = "x";',
      'process.exit(1);',
      'eval("1");',
      'const f = new Function("return 1");',
    ];
    for (const sample of samples) expect(offences(sample), sample).toHaveLength(1);
  });

  it('ignores comments but not strings that close before code', () => {
    expect(offences('// never Math.random or Date.now here\n/* console.log */ const a = 1;')).toEqual([]);
    expect(offences('const s = "// not a comment"; console.log(s);')).toHaveLength(1);
    expect(offences("const u = 'https://example.org'; const r = Math.random();")).toHaveLength(1);
  });
});
