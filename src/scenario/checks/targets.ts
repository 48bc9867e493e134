import type { Scenario } from '../schema.ts';
import type { References, Reporter } from './references.ts';

/** Targets: ids unique, sources declared (statistics are checked by the schema). */
export function checkTargets(s: Scenario, report: Reporter, refs: References): void {
  s.targets.forEach((target, i) => {
    if (s.targets.findIndex((t) => t.id === target.id) !== i) report(['targets', i, 'id'], `two targets are named \`${target.id}\``);
    refs.source(['targets', i, 'source'], target.source);
  });
}
