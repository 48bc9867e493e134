/** The stated linear additive utilities and the packages a side offers. */
import type { CompiledIssue, TalksSide } from './compile.ts';

/** Issue utility: 1 at the ideal, 0 at the red line, linear (negative past the red line). */
export function issueUtility(side: TalksSide, i: number, value: number): number {
  return (value - side.reservation[i]!) / (side.ideal[i]! - side.reservation[i]!);
}

/** Σ weight × issue utility. */
export function utility(side: TalksSide, values: readonly number[]): number {
  let u = 0;
  for (let i = 0; i < values.length; i++) u += side.weight[i]! * issueUtility(side, i, values[i]!);
  return u;
}

/** The grid point of an issue nearest to `value` inside its range; a tie goes to the higher point. */
export function snap(issue: CompiledIssue, value: number): number {
  const clipped = Math.min(issue.high, Math.max(issue.low, value));
  const k = Math.floor((clipped - issue.low) / issue.step + 0.5 + 1e-9);
  const top = Math.floor((issue.high - issue.low) / issue.step + 1e-9);
  return issue.low + Math.min(k, top) * issue.step;
}

/** The package a side offers when it aims at utility `target`: every issue moved the same share (1 − target) from ideal toward red line. */
export function packageAt(issues: readonly CompiledIssue[], side: TalksSide, target: number): number[] {
  const share = 1 - target;
  return issues.map((issue, i) => snap(issue, side.ideal[i]! + (side.reservation[i]! - side.ideal[i]!) * share));
}

/** Issues on which `values` is past the side's red line. */
export function crossedRedLines(side: TalksSide, values: readonly number[]): number[] {
  const crossed: number[] = [];
  for (let i = 0; i < values.length; i++) if (issueUtility(side, i, values[i]!) < -1e-9) crossed.push(i);
  return crossed;
}
