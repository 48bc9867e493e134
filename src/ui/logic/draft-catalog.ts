/** Drafts as a source of scenarios for the stepper and the lab, beside the bundled files. */
import { loadScenario, type Scenario } from '../../scenario/index.ts';
import type { CatalogEntry } from './catalog.ts';
import { draftScenarioId, readDraft, type DraftStorage } from './draft-store.ts';

/** The catalog entry of a draft that loads: its scenario under the draft's own id, with its text. */
export function draftEntry(name: string, text: string, scenario: Scenario): CatalogEntry {
  return { file: `${name}.yaml`, ok: true, scenario: { ...scenario, id: draftScenarioId(name), title: `${scenario.title} (draft ${name})` }, text, draft: true };
}

/** The stored draft a stepper or lab address names (`#/run/draft-<name>…`, `#/lab/draft-<name>`), if it loads. */
export function draftEntryForHash(storage: DraftStorage, hash: string): CatalogEntry | undefined {
  const match = /^#\/(?:run|lab)\/draft-([a-z0-9-]+)/.exec(hash);
  if (!match) return undefined;
  const name = match[1]!;
  const text = readDraft(storage, name);
  if (text === undefined) return undefined;
  const loaded = loadScenario(text, `${name}.yaml`);
  return loaded.ok ? draftEntry(name, text, loaded.scenario) : undefined;
}
