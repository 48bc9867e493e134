/** Meaning checks of the `talks:` section, and the one reading of an issue's values (scenario and engine share it). */
import type { References, Reporter } from './checks/references.ts';
import { hasOwn, own } from './own.ts';
import type { Scenario } from './schema.ts';
import type { TalksIssue } from './talks.ts';

/** Grid points of an issue beyond which the Pareto/Nash analysis would be too slow to run per model. */
export const MAX_TALKS_GRID = 200_000;

/** An issue's values as numbers: its lowest, highest and step (yes/no and choices: 0…n−1 in steps of 1). */
export function issueScale(issue: TalksIssue, s: Pick<Scenario, 'parameters'>): { low: number; high: number; step: number } {
  if (issue.type === 'yes-no') return { low: 0, high: 1, step: 1 };
  if (issue.type === 'choice') return { low: 0, high: Math.max(0, (issue.options?.length ?? 1) - 1), step: 1 };
  const range = issue.range ?? own(s.parameters, issue.parameter)?.range ?? [0, 0];
  return { low: range[0], high: range[1], step: issue.step ?? 1 };
}

/** A position's value as a number on the issue's scale, or a message saying why it cannot be. */
export function issueValue(issue: TalksIssue, v: number | boolean | string): number | string {
  if (issue.type === 'yes-no') {
    if (v === true || v === 'yes' || v === 1) return 1;
    if (v === false || v === 'no' || v === 0) return 0;
    return 'a yes/no issue takes `yes` or `no`';
  }
  if (issue.type === 'choice') {
    const options = issue.options ?? [];
    const index = typeof v === 'string' ? options.indexOf(v) : -1;
    return index >= 0 ? index : `expected one of: ${options.map((o) => `\`${o}\``).join(', ')}`;
  }
  return typeof v === 'number' ? v : 'a number issue takes a number';
}

/** Number of points of an issue's grid. */
export function gridSize(scale: { low: number; high: number; step: number }): number {
  return Math.floor((scale.high - scale.low) / scale.step + 1e-9) + 1;
}

export function checkTalks(s: Scenario, report: Reporter, refs: References): void {
  const t = s.talks;
  if (!t) return;
  refs.source(['talks', 'source'], t.source);
  const positioned = Object.keys(t.positions);
  if (positioned.length !== 2) report(['talks', 'positions'], `talks are between two principals; found ${positioned.length}`, 'give a position for each of the two sides', { key: true });
  for (const id of positioned) refs.party(['talks', 'positions', id], id, ['principal']);
  if (!hasOwn(t.positions, t.opens)) report(['talks', 'opens'], `\`${t.opens}\` has no position in the talks`, refs.hint('party', t.opens, positioned));
  let grid = 1;
  t.issues.forEach((issue, i) => checkIssue(s, issue, ['talks', 'issues', i], report, refs));
  for (const issue of t.issues) grid *= gridSize(issueScale(issue, s));
  if (grid > MAX_TALKS_GRID) report(['talks', 'issues'], `the issues make ${grid.toLocaleString('en')} possible packages; at most ${MAX_TALKS_GRID.toLocaleString('en')}`, 'use coarser steps', { key: true });
  for (const [party, position] of Object.entries(t.positions)) {
    const at = (...rest: (string | number)[]) => ['talks', 'positions', party, ...rest];
    refs.source(at('source'), position.source);
    refs.value(at('e'), position.e, 'free');
    refs.value(at('line'), position.line, 'free');
    refs.value(at('min-step'), position.minStep, 'probability');
    refs.value(at('walk-below'), position.walkBelow, 'free');
    refs.value(at('conceded', 'grievance'), position.conceded.grievance, 'probability');
    refs.value(at('conceded', 'domestic-pressure'), position.conceded.domesticPressure, 'probability');
    if (typeof position.e === 'number' && position.e <= 0) report(at('e'), 'the concession exponent must be above 0');
    for (const issue of t.issues) if (!hasOwn(position.issues, issue.id)) report(at('issues'), `no position on issue \`${issue.id}\``, `add \`${issue.id}: { ideal: …, reservation: … }\``, { key: true });
    for (const [issueId, p] of Object.entries(position.issues)) {
      const issue = t.issues.find((x) => x.id === issueId);
      if (!issue) {
        report(at('issues', issueId), `unknown issue \`${issueId}\``, refs.hint('issue', issueId, t.issues.map((x) => x.id)), { key: true });
        continue;
      }
      refs.source(at('issues', issueId, 'source'), p.source);
      const scale = issueScale(issue, s);
      const values: Record<string, number | string> = { ideal: issueValue(issue, p.ideal), reservation: issueValue(issue, p.reservation) };
      for (const key of ['ideal', 'reservation']) {
        const v = values[key]!;
        if (typeof v === 'string') report(at('issues', issueId, key), v);
        else if (v < scale.low || v > scale.high) report(at('issues', issueId, key), `${v} is outside issue \`${issueId}\`'s range [${scale.low}, ${scale.high}]`);
      }
      if (values['ideal'] === values['reservation']) report(at('issues', issueId, 'reservation'), 'the red line equals the ideal: the party cannot move on this issue', 'give a reservation different from the ideal (utility is 1 at the ideal and 0 at the red line)');
    }
  }
  for (const [id, m] of Object.entries(t.mediators)) {
    refs.party(['talks', 'mediators', id], id, ['mediator', 'guarantor']);
    refs.source(['talks', 'mediators', id, 'source'], m.source);
  }
  t.levers.forEach((lever, i) => {
    refs.party(['talks', 'levers', i, 'by'], lever.by, ['mediator', 'guarantor']);
    if (!hasOwn(t.positions, lever.on)) report(['talks', 'levers', i, 'on'], `\`${lever.on}\` has no position in the talks`, refs.hint('party', lever.on, positioned));
    refs.value(['talks', 'levers', i, 'pressure'], lever.pressure, 'effect');
    refs.source(['talks', 'levers', i, 'source'], lever.source);
    if (lever.withdrawAfter !== undefined && own(s.parties, lever.by)?.guarantees === undefined) report(['talks', 'levers', i, 'withdraw-guarantee-after'], `\`${lever.by}\` gives no guarantee to withdraw`, 'only a guarantor with `guarantees:` can threaten one');
  });
  t.events.forEach((event, i) => {
    refs.value(['talks', 'events', i, 'chance'], event.chance, 'probability');
    refs.value(['talks', 'events', i, 'break-chance'], event.breakChance, 'probability');
    for (const [party, v] of Object.entries(event.pressure)) {
      if (!hasOwn(t.positions, party)) report(['talks', 'events', i, 'pressure', party], `\`${party}\` has no position in the talks`, refs.hint('party', party, positioned), { key: true });
      refs.value(['talks', 'events', i, 'pressure', party], v, 'effect');
    }
    refs.source(['talks', 'events', i, 'source'], event.source);
  });
  const ids = new Set<string>();
  for (const [i, e] of t.events.entries()) {
    if (ids.has(e.id)) report(['talks', 'events', i, 'id'], `event id \`${e.id}\` is used twice`);
    ids.add(e.id);
  }
}

function checkIssue(s: Scenario, issue: TalksIssue, at: (string | number)[], report: Reporter, refs: References): void {
  refs.source([...at, 'source'], issue.source);
  const parameter = own(s.parameters, issue.parameter);
  if (!parameter) {
    report([...at, 'parameter'], `unknown parameter \`${issue.parameter}\``, refs.hint('parameter', issue.parameter, Object.keys(s.parameters)) ?? 'declare it under `parameters:`; the deal sets it');
    return;
  }
  if (issue.type === 'choice' && !issue.options) report(at, 'a choice issue needs `options`', undefined, { key: true });
  if (issue.type !== 'choice' && issue.options) report([...at, 'options'], 'only a `choice` issue has options');
  if (issue.type !== 'number' && (issue.range || issue.step)) report([...at, issue.range ? 'range' : 'step'], 'only a `number` issue has a range and a step');
  const scale = issueScale(issue, s);
  if (scale.low > scale.high) report([...at, 'range'], `range [${scale.low}, ${scale.high}] is empty`, 'write it as [lowest, highest]');
  if (scale.low < parameter.range[0] || scale.high > parameter.range[1]) {
    report([...at, issue.range ? 'range' : 'parameter'], `values [${scale.low}, ${scale.high}] on the table go outside parameter \`${issue.parameter}\`'s range [${parameter.range.join(', ')}]`, 'widen the parameter\'s range or narrow the issue');
  }
}
