/** The briefings of the open scenario's parties and its reflection questions: its own, or (for a bundled scenario) loaded on first use. */
import { useEffect, useState } from 'react';
import type { ReflectionItem, Scenario } from '../../scenario/core.ts';
import { bundledCatalog } from './bundled.ts';
import { ownBriefings, type BriefingsByParty } from './briefings.ts';

const NONE: BriefingsByParty = {};

async function bundledBriefings(scenario: Scenario): Promise<BriefingsByParty> {
  const entry = bundledCatalog().find((e) => e.ok && e.scenario === scenario);
  if (!entry) return NONE;
  const all = (await import('virtual:parley-briefings')).default;
  return all[entry.file] ?? NONE;
}

/** undefined while a bundled scenario's briefings load; then party id → briefing (empty when there are none). */
export function useBriefings(scenario: Scenario): BriefingsByParty | undefined {
  const own = ownBriefings(scenario);
  const [loaded, setLoaded] = useState<{ scenario: Scenario; briefings: BriefingsByParty }>();
  useEffect(() => {
    if (own) return;
    let live = true;
    void bundledBriefings(scenario).then((briefings) => {
      if (live) setLoaded({ scenario, briefings });
    });
    return () => {
      live = false;
    };
  }, [scenario, own]);
  if (own) return own;
  return loaded?.scenario === scenario ? loaded.briefings : undefined;
}

/** The bundled scenario's reflection questions, which the catalog leaves out. */
export async function bundledReflection(scenario: Scenario): Promise<readonly ReflectionItem[]> {
  if (scenario.reflection.length > 0) return scenario.reflection;
  const entry = bundledCatalog().find((e) => e.ok && e.scenario === scenario);
  if (!entry) return [];
  return (await import('virtual:parley-briefings')).reflection[entry.file] ?? [];
}
