/**
 * Golden trace hashes: every bundled scenario × seeds 1–5, the sha256 of JSON.stringify(runOnce(...)).
 * A change to the engine or a scenario that changes any run shows up here. When the change is
 * intended, regenerate with:  UPDATE_GOLDEN=1 npx vitest run tests/engine/golden.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, runOnce } from '../../src/engine/index.ts';
import { bundledScenarioFiles, loadBundled, ROOT } from './helpers.ts';

const GOLDEN_FILE = join(ROOT, 'tests/golden/traces.json');
const SEEDS = ['1', '2', '3', '4', '5'];
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const HOW_TO_UPDATE = 'UPDATE_GOLDEN=1 npx vitest run tests/engine/golden.test.ts';

type Golden = Record<string, Record<string, string>>;

const golden: Golden = existsSync(GOLDEN_FILE) ? (JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden) : {};
const files = bundledScenarioFiles();
const computed: Golden = {};

function hashesOf(file: string): Record<string, string> {
  const model = compile(loadBundled(file));
  const out: Record<string, string> = {};
  for (const seed of SEEDS) out[seed] = createHash('sha256').update(JSON.stringify(runOnce(model, { seed }))).digest('hex');
  return out;
}

describe('golden trace hashes', () => {
  it('there are bundled scenarios', () => {
    expect(files).toContain('doha-60-day-draft.yaml');
  });

  for (const file of files) {
    it(`scenarios/${file} × seeds ${SEEDS.join(',')}`, () => {
      computed[file] = hashesOf(file);
      if (UPDATE) return;
      const expected = golden[file];
      if (!expected) throw new Error(`tests/golden/traces.json has no entry for scenarios/${file}; if the scenario is new, run: ${HOW_TO_UPDATE}`);
      for (const seed of SEEDS) {
        if (!expected[seed]) throw new Error(`tests/golden/traces.json has no hash for scenarios/${file} seed ${seed}; run: ${HOW_TO_UPDATE}`);
      }
      expect(computed[file], `runs of scenarios/${file} changed; if that is intended, run: ${HOW_TO_UPDATE}`).toEqual(expected);
    });
  }

  it('has no entries for scenarios that no longer exist', () => {
    if (UPDATE) return;
    const stale = Object.keys(golden).filter((file) => !files.includes(file));
    expect(stale, `stale golden entries; run: ${HOW_TO_UPDATE}`).toEqual([]);
  });

  it('the hash is of the whole result, so it is stable within a process', () => {
    const [file] = files;
    expect(hashesOf(file!)).toEqual(hashesOf(file!));
  });

  afterAll(() => {
    if (!UPDATE) return;
    const sorted: Golden = {};
    for (const file of Object.keys(computed).sort()) sorted[file] = computed[file]!;
    writeFileSync(GOLDEN_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  });
});
