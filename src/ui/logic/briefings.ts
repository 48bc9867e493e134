/**
 * Party briefings and reflection questions are text for people, and the bundled scenarios' texts
 * weigh more than the first page can carry: the build leaves them out of the catalog
 * (vite.config.ts) and serves them as a module of their own, which the run page loads when it
 * shows a briefing and the debrief when it shows its questions (use-briefings.ts).
 */
import type { Briefing, ReflectionItem, Scenario } from '../../scenario/core.ts';
import type { CatalogEntry } from './catalog.ts';

/** party id → its briefing. */
export type BriefingsByParty = Readonly<Record<string, Briefing>>;

/** The briefings a scenario carries itself (a draft from the editor, or a scenario read in a test); undefined when it has none. */
export function ownBriefings(scenario: Scenario): BriefingsByParty | undefined {
  const out: Record<string, Briefing> = {};
  for (const [id, party] of Object.entries(scenario.parties)) if (party.briefing) out[id] = party.briefing;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The catalog with its parties' briefings and its reflection questions taken out, and those by file name. */
export function splitBriefings(catalog: readonly CatalogEntry[]): { catalog: CatalogEntry[]; briefings: Record<string, BriefingsByParty>; reflection: Record<string, readonly ReflectionItem[]> } {
  const briefings: Record<string, BriefingsByParty> = {};
  const reflection: Record<string, readonly ReflectionItem[]> = {};
  const stripped = catalog.map((entry): CatalogEntry => {
    if (!entry.ok) return entry;
    const own = ownBriefings(entry.scenario);
    if (!own && entry.scenario.reflection.length === 0) return entry;
    if (own) briefings[entry.file] = own;
    if (entry.scenario.reflection.length > 0) reflection[entry.file] = entry.scenario.reflection;
    const parties = Object.fromEntries(Object.entries(entry.scenario.parties).map(([id, { briefing: _b, ...party }]) => [id, party]));
    return { ...entry, scenario: { ...entry.scenario, parties, reflection: [] } };
  });
  return { catalog: stripped, briefings, reflection };
}
