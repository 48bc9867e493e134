/**
 * Layers import one way — ui, cli → batch → engine → scenario — and a lower layer only through its
 * index.ts (README, "Layout"). Checked for every file under src/, static and dynamic imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS = ['scenario', 'engine', 'batch', 'cli', 'ui'] as const;
type Layer = (typeof LAYERS)[number];
/** What each layer may import, besides itself. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  scenario: [],
  engine: ['scenario'],
  batch: ['engine', 'scenario'],
  cli: ['batch', 'engine', 'scenario'],
  ui: ['batch', 'engine', 'scenario'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : /\.(ts|tsx|cjs|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/**
 * A layer's public faces: its index.ts, and for scenario also core.ts (the layer without the YAML
 * loader, which keeps the app's first page small); for engine also talks-extras.ts (what the talks'
 * readers need and a run does not, kept off the first page).
 */
const FACES: Partial<Record<Layer, readonly string[]>> = { scenario: ['index.ts', 'core.ts'], engine: ['index.ts', 'talks-extras.ts'] };

const layerOf = (path: string): Layer | undefined => LAYERS.find((layer) => path.startsWith(`src/${layer}/`));

/** Relative import specifiers of a file: `from '…'`, `import('…')`, `require('…')`. */
export function relativeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
}

/** Problems with one import of `file` (paths relative to the project root). */
export function layerProblem(file: string, specifier: string): string | undefined {
  const from = layerOf(file);
  const target = normalize(join(dirname(file), specifier));
  const to = layerOf(target);
  if (from === undefined || to === undefined || from === to) return undefined;
  if (!MAY_IMPORT[from].includes(to)) return `${file} (${from}) imports ${target} (${to}): ${from} may import only ${MAY_IMPORT[from].join(', ') || 'itself'}`;
  if (!(FACES[to] ?? ['index.ts']).some((face) => target === `src/${to}/${face}`)) return `${file} imports ${target}: import another layer through src/${to}/index.ts`;
  return undefined;
}

describe('layers', () => {
  const files = filesUnder('src');

  it('finds files in every layer', () => {
    for (const layer of LAYERS) expect(files.some((f) => layerOf(f) === layer), layer).toBe(true);
  });

  for (const layer of LAYERS) {
    it(`src/${layer} imports only ${MAY_IMPORT[layer].join(', ') || 'itself'}, through their index`, () => {
      const problems = files
        .filter((f) => layerOf(f) === layer)
        .flatMap((file) => relativeImports(readFileSync(file, 'utf8')).map((s) => layerProblem(file, s)))
        .filter((p) => p !== undefined);
      expect(problems).toEqual([]);
    });
  }

  it('the checker itself flags an upward import, a deep import, and a dynamic one', () => {
    expect(layerProblem('src/engine/run.ts', '../batch/index.ts')).toMatch(/engine may import only scenario/);
    expect(layerProblem('src/ui/App.tsx', '../engine/simulation.ts')).toMatch(/through src\/engine\/index.ts/);
    expect(relativeImports("const m = await import('../cli/main.ts');\n// import('../x.ts')")).toEqual(['../cli/main.ts']);
    expect(layerProblem('src/batch/explore/sobol.ts', '../../engine/index.ts')).toBeUndefined();
    expect(layerProblem('src/engine/run.ts', '../scenario/core.ts')).toBeUndefined();
    expect(layerProblem('src/engine/run.ts', '../scenario/load.ts')).toMatch(/through src\/scenario\/index.ts/);
    expect(relativeImports("/* from '../ui/x.ts' */ import { a } from './a.ts';")).toEqual(['./a.ts']);
  });
});
