/**
 * Ids Parley makes itself: a `per-release` extension rule becomes a release (and an exchange) that
 * the engine schedules under these ids, so a writer's obligation may not take them.
 */
import type { Reporter } from './checks/references.ts';
import type { Scenario } from './schema.ts';

/** The ids of the obligations a phase's `per-release` rule (0-based `ruleIndex`) becomes. */
export function perReleaseIds(phaseId: string, ruleIndex: number): { release: string; exchange: string } {
  return { release: `${phaseId}-extension-${ruleIndex + 1}-release`, exchange: `${phaseId}-extension-${ruleIndex + 1}-exchange` };
}

export function checkReservedIds(s: Scenario, report: Reporter): void {
  const reserved = new Map<string, string>();
  for (const phase of s.phases) {
    phase.extensions?.rules.forEach((rule, ri) => {
      if (!('perRelease' in rule)) return;
      const ids = perReleaseIds(phase.id, ri);
      reserved.set(ids.release, phase.id);
      if (rule.perRelease.exchange) reserved.set(ids.exchange, phase.id);
    });
  }
  s.obligations.forEach((o, i) => {
    const phase = reserved.get(o.id);
    if (phase !== undefined) report(['obligations', i, 'id'], `\`${o.id}\` is the id Parley gives the obligations of phase \`${phase}\`'s per-release extension rule`, 'pick another id');
  });
}
