/**
 * Party briefings, reflection questions and source quotes and notes are text for people, and the bundled scenarios' texts
 * weigh more than the first page can carry: the build leaves them out of the catalog
 * (vite.config.ts) and serves them as a module of their own, which the run page loads when it
 * shows a briefing, the debrief when it shows its questions (use-briefings.ts), and every page
 * soon after it starts, for the quotes (source-quotes.ts).
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

/** Scenario id → source id → the quote and the writer's note of that named source. */
export type QuotesByScenario = Record<string, Record<string, { quote?: string; note?: string }>>;

/**
 * The catalog with its parties' briefings, its reflection questions and its named sources' quotes
 * and notes taken out; the briefings and questions by file name, the quotes and notes by scenario id.
 */
export function splitBriefings(catalog: readonly CatalogEntry[]): { catalog: CatalogEntry[]; briefings: Record<string, BriefingsByParty>; reflection: Record<string, readonly ReflectionItem[]>; quotes: QuotesByScenario } {
  const briefings: Record<string, BriefingsByParty> = {};
  const reflection: Record<string, readonly ReflectionItem[]> = {};
  const quotes: QuotesByScenario = {};
  const stripped = catalog.map((entry): CatalogEntry => {
    if (!entry.ok) return entry;
    const own = ownBriefings(entry.scenario);
    if (own) briefings[entry.file] = own;
    if (entry.scenario.reflection.length > 0) reflection[entry.file] = entry.scenario.reflection;
    const sources = Object.fromEntries(
      Object.entries(entry.scenario.sources).map(([id, { quote, note, ...source }]) => {
        if (quote !== undefined || note !== undefined) (quotes[entry.scenario.id] ??= {})[id] = { ...(quote !== undefined ? { quote } : {}), ...(note !== undefined ? { note } : {}) };
        return [id, source];
      }),
    );
    const parties = Object.fromEntries(Object.entries(entry.scenario.parties).map(([id, { briefing: _b, ...party }]) => [id, party]));
    return { ...entry, scenario: { ...entry.scenario, parties, sources, reflection: [] } };
  });
  return { catalog: stripped, briefings, reflection, quotes };
}
