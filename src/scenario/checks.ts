/**
 * Checks beyond shape: references, cycles, days inside their phase, probabilities, counts and
 * whether the stocks can meet what is promised. Every problem is reported, not just the first.
 * Each section's checks live in checks/; each obligation kind's own checks in its kind module.
 */
import { checkHistory } from './history.ts';
import { checkReservedIds } from './reserved-ids.ts';
import { checkObligations } from './checks/obligations.ts';
import { checkIncidents, checkParameters, checkParties, checkPlaces } from './checks/parties.ts';
import { checkPhases } from './checks/phases.ts';
import { references, type Reporter } from './checks/references.ts';
import { checkAfterCycles, checkTruceSize } from './checks/size.ts';
import { checkStockSufficiency } from './checks/stocks.ts';
import { checkTargets } from './checks/targets.ts';
import type { Scenario } from './schema.ts';
import { checkTalks } from './talks-checks.ts';

export type { Reporter } from './checks/references.ts';
export { RESERVED_PHASE_IDS } from './checks/phases.ts';

export function checkScenario(s: Scenario, report: Reporter): void {
  const refs = references(s, report);
  refs.source(['source'], s.source);
  checkParameters(s, report, refs);
  checkParties(s, report, refs);
  checkPlaces(s, refs);
  checkPhases(s, report, refs);
  checkObligations(s, report, refs);
  checkAfterCycles(s, report);
  checkStockSufficiency(s, report);
  checkTruceSize(s, report);
  checkIncidents(s, report, refs);
  refs.value(['settings', 'reciprocity'], s.settings.reciprocity, 'probability');
  refs.value(['settings', 'max-delay'], s.settings.maxDelay, 'days');
  refs.value(['settings', 'grievance-decay'], s.settings.grievanceDecay, 'probability');
  checkHistory(s, report);
  checkReservedIds(s, report);
  checkTargets(s, report, refs);
  checkTalks(s, report, refs);
  s.reflection.forEach((item, i) => refs.source(['reflection', i, 'source'], item.source));
}
