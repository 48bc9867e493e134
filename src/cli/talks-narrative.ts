/** The talks part of a run's narrative: each round (dated when known), then where the deal fell against the analysis. */
import { analyseTalks, compileTalks, describePackage, talksUtility, type RunResult } from '../engine/index.ts';
import { kalaiPoint } from '../engine/talks-extras.ts';
import { readableDate, type Scenario } from '../scenario/index.ts';

const MARK: Record<string, string> = { event: '!', lever: '·', offer: '→', mediator: '◇', deal: '✓', breakdown: '✗' };

export function talksLines(scenario: Scenario, result: RunResult): string[] {
  const talks = result.talks;
  if (!talks) return [];
  const compiled = compileTalks(scenario, result.params)!;
  const lines: string[] = ['Talks'];
  let round = 0;
  for (const n of talks.notes) {
    if (n.round !== round) {
      round = n.round;
      lines.push(`Round ${round}${n.date ? ` · ${readableDate(n.date)}` : ''}`);
    }
    lines.push(`  ${MARK[n.type] ?? '•'} ${n.text}`);
  }
  const analysis = analyseTalks(compiled);
  const [a, b] = compiled.sides;
  const pair = (values: readonly number[]) => `${a.name} ${talksUtility(a, values).toFixed(2)}, ${b.name} ${talksUtility(b, values).toFixed(2)}`;
  lines.push('');
  lines.push(`Zone of possible agreement: ${analysis.zoneSize} of ${analysis.gridSize} packages both sides value at least as their red lines; ${analysis.pareto.length} on the Pareto frontier.`);
  if (analysis.nash) lines.push(`  Nash point: ${describePackage(compiled.issues, analysis.nash.values)} (utility ${pair(analysis.nash.values)})`);
  const kalai = kalaiPoint(analysis);
  if (kalai) lines.push(`  Kalai–Smorodinsky point: ${describePackage(compiled.issues, kalai.values)} (utility ${pair(kalai.values)})`);
  if (talks.deal) lines.push(`  The deal: ${describePackage(compiled.issues, talks.values!)} in round ${talks.round} (utility ${pair(talks.values!)})`);
  else lines.push(`  No deal: ${talks.cause}.`);
  lines.push('');
  return lines;
}
