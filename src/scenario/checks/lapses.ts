/**
 * Warnings, not errors: terms that can be known, before any run, to fall due or be put off past
 * the last day of their phase. Such an occurrence lapses at run time (with a trace event); the
 * writer is told here, with the line, so a lapse is never a surprise. The file still loads.
 */
import type { Obligation, Scenario } from '../schema.ts';
import { phaseOf, scheduledDays } from '../terms.ts';
import type { Reporter } from './references.ts';

const DEFAULT_GRACE = 3;

export function checkLapses(s: Scenario, warn: Reporter): void {
  const byId = new Map<string, Obligation>();
  for (const o of s.obligations) if (!byId.has(o.id)) byId.set(o.id, o);
  s.obligations.forEach((o, i) => {
    const phase = phaseOf(s, o);
    const length = phase.length;
    if (length === undefined || phase.final) return;
    const unless = phase.extensions ? ` unless the phase is extended` : '';
    const lastDay = lastScheduledDay(o, length, byId, s);
    if (o.after !== undefined && lastDay !== undefined && (o.wait ?? 0) > 0 && lastDay > length) {
      warn(['obligations', i, 'wait'], `\`${o.id}\` falls due ${o.wait} days after \`${o.after}\`, on day ${lastDay} if it is on time: past the last day (${length}) of phase \`${phase.id}\`, so it lapses${unless}`, `shorten \`wait\`, or move \`${o.after}\` earlier`);
      return;
    }
    if (lastDay !== undefined && lastDay > length) {
      const at = (['day', 'by', 'until', 'days', 'after'] as const).find((k) => o[k] !== undefined)!;
      warn(['obligations', i, at], `day ${lastDay} is past the ${length} days of phase \`${phase.id}\`: \`${o.id}\` falls due then only if the phase is extended that far, and otherwise lapses`, 'this is what you want for a term of the extension days; otherwise use an earlier day', { key: at === 'after' });
      return;
    }
    const grace = o.by !== undefined ? 0 : (typeof o.grace === 'number' ? o.grace : DEFAULT_GRACE);
    if (lastDay === undefined || grace === 0 || lastDay + grace <= length) return;
    const at = o.grace !== undefined ? 'grace' : o.after !== undefined ? 'after' : (['day', 'days', 'every'] as const).find((k) => o[k] !== undefined)!;
    warn(['obligations', i, at], `\`${o.id}\` is due on day ${lastDay} of phase \`${phase.id}\` with ${grace} days of grace: a delay past day ${length}, the phase's last, lapses${unless}`, o.every !== undefined ? `end it earlier with \`until: ${Math.max(1, length - grace)}\`, or lower \`grace\`` : `give it \`grace: ${Math.max(0, length - lastDay)}\`, or an earlier day`, { key: at !== 'grace' });
  });
}

/** The last phase day an occurrence of `o` falls due on, when that is known before a run. */
function lastScheduledDay(o: Obligation, length: number, byId: ReadonlyMap<string, Obligation>, s: Scenario, depth = 0): number | undefined {
  const fixed = scheduledDays(o, length);
  if (fixed.length > 0) return fixed[fixed.length - 1];
  if (o.after === undefined || depth > 20) return undefined;
  const target = byId.get(o.after);
  if (!target || phaseOf(s, target) !== phaseOf(s, o)) return undefined;
  const targetLast = lastScheduledDay(target, length, byId, s, depth + 1);
  return targetLast === undefined ? undefined : targetLast + (o.wait ?? 0);
}
