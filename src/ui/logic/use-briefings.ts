/** The briefings of the open scenario's parties: its own, or (for a bundled scenario) loaded on first use. */
import { useEffect, useState } from 'react';
import type { Scenario } from '../../scenario/core.ts';
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
