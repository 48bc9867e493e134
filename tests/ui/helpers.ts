import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCatalog } from '../../src/ui/logic/catalog-build.ts';
import type { CatalogEntry } from '../../src/ui/logic/catalog.ts';
import type { Scenario } from '../../src/scenario/index.ts';

const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');

/** The bundled scenarios, read from disk the way Vite bundles them. */
export function diskCatalog(): CatalogEntry[] {
  const files: Record<string, string> = {};
  for (const name of readdirSync(SCENARIOS)) if (name.endsWith('.yaml')) files[`../../../scenarios/${name}`] = readFileSync(join(SCENARIOS, name), 'utf8');
  return buildCatalog(files);
}

export function flagship(): Scenario {
  const entry = buildCatalog({ 'doha-60-day-draft.yaml': readFileSync(join(SCENARIOS, 'doha-60-day-draft.yaml'), 'utf8') })[0]!;
  if (!entry.ok) throw new Error('the flagship scenario does not load');
  return entry.scenario;
}
