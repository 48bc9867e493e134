/** Shared helpers for the engine tests: load bundled scenarios from disk (tests may touch fs). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems, loadScenario, type Scenario } from '../../src/scenario/index.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SCENARIOS_DIR = join(ROOT, 'scenarios');
export const DOHA_FILE = 'doha-60-day-draft.yaml';

/** Loads a scenario file, failing loudly with its problems when it does not validate. */
export function loadFile(path: string, label = path): Scenario {
  const result = loadScenario(readFileSync(path, 'utf8'), label);
  if (!result.ok) throw new Error(`${label} does not validate:\n${formatProblems(result.problems)}`);
  return result.scenario;
}

export function loadBundled(file: string): Scenario {
  return loadFile(join(SCENARIOS_DIR, file), `scenarios/${file}`);
}

export function loadFixture(file: string): Scenario {
  return loadFile(join(ROOT, 'tests/fixtures', file), `tests/fixtures/${file}`);
}

/** The bundled scenario files (`scenarios/*.yaml`), sorted. */
export function bundledScenarioFiles(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
}
