/** Whole-scenario limits: the truce's longest length and occurrence count, and `after` chains without circles. */
import { BOUNDS } from '../bounds.ts';
import type { Scenario } from '../schema.ts';
import { occurrenceCount, phaseOf } from '../terms.ts';
import type { Reporter } from './references.ts';

/** A truce is at most BOUNDS.truceDays long with every extension taken, and schedules at most BOUNDS.occurrences. */
export function checkTruceSize(s: Scenario, report: Reporter): void {
  let days = 0;
  for (const [i, phase] of s.phases.entries()) {
    const before = days;
    days += (phase.length ?? 0) + (phase.extensions?.max ?? 0);
    if (before <= BOUNDS.truceDays && days > BOUNDS.truceDays) {
      report(['phases', i, phase.extensions && (phase.length ?? 0) + before <= BOUNDS.truceDays ? 'extensions' : 'length'], `the truce would last up to ${days.toLocaleString('en')} days with every extension; it may last at most ${BOUNDS.truceDays.toLocaleString('en')}`, 'shorten the phases or their `extensions.max`');
    }
  }
  let occurrences = 0;
  for (const [i, o] of s.obligations.entries()) {
    const before = occurrences;
    occurrences += occurrenceCount(o, phaseOf(s, o).length ?? 0);
    if (before <= BOUNDS.occurrences && occurrences > BOUNDS.occurrences) {
      report(['obligations', i], `the obligations fall due ${occurrences.toLocaleString('en')} times or more; at most ${BOUNDS.occurrences.toLocaleString('en')} are allowed`, 'use a larger `every`, or fewer obligations');
    }
  }
}

export function checkAfterCycles(s: Scenario, report: Reporter): void {
  const indexById = new Map(s.obligations.map((o, i) => [o.id, i]));
  // 0 = unvisited, 1 = on the current walk, 2 = known to end outside any circle
  const mark = new Array<number>(s.obligations.length).fill(0);
  s.obligations.forEach((_obligation, startIndex) => {
    if (mark[startIndex] !== 0) return;
    const walk: number[] = [];
    let i: number | undefined = startIndex;
    while (i !== undefined && mark[i] === 0) {
      mark[i] = 1;
      walk.push(i);
      const after: string | undefined = s.obligations[i]!.after;
      i = after !== undefined ? indexById.get(after) : undefined;
    }
    if (i !== undefined && mark[i] === 1) {
      const circle = walk.slice(walk.indexOf(i));
      const first = circle[0]!;
      if (circle.length > 1) {
        const ids = circle.map((k) => s.obligations[k]!.id);
        report(['obligations', first, 'after'], `\`after\` goes round in a circle: ${[...ids, ids[0]].join(' → ')}`, 'one of them must fall due on a day, not after another');
      }
    }
    for (const k of walk) mark[k] = 2;
  });
}

