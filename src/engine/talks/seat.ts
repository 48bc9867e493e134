/**
 * A person's seat at the talks (docs/model.md, "A person at the table"): the turns a seated side
 * is asked, the answers a person may give, and how a counter-offer is checked.
 */
import type { CompiledIssue } from './compile.ts';
import { issueValueText } from './wording.ts';

/**
 * What the seat is asked. A side's seat: `open`: make the round's offer (its first offer, or after
 * the model answered its last turn). `respond`: the other side offered `values`. `mediator`: a
 * mediator proposed `values` and the other side accepts it. A mediator's seat: `bridge`: it is due
 * to propose this round; `values` is the model's own proposal (none when the model has none); each
 * side's latest offer is the table's `latestOffers`.
 */
export interface TalksTurn {
  kind: 'open' | 'respond' | 'mediator' | 'bridge';
  round: number;
  /** The seat's id: the seated side's, or the seated mediator's. */
  party: string;
  /** The package on the table (`respond`, `mediator`); the model's proposal (`bridge`). */
  values?: number[];
  /** Who put it there: the other side, or the mediator. */
  from?: string;
  /** This is the last round: a counter-offer would never be answered. */
  last: boolean;
}

/**
 * A person's answer to a turn. `accept` (respond, mediator); `walk` (open, respond: leave the
 * talks, no deal); `counter` (open, respond: the values offered next, or now when opening);
 * `refuse` (mediator); `propose` (bridge: the mediator proposes these values); `stay` (bridge: no
 * proposal this round); `model` (any turn: the side's strategy or the mediator's method answers,
 * as if nobody sat there).
 */
export type TalksAnswer = { type: 'accept' } | { type: 'walk' } | { type: 'refuse' } | { type: 'model' } | { type: 'stay' } | { type: 'counter'; values: number[] } | { type: 'propose'; values: number[] };

/** The answers a turn takes (a counter in the last round is a refusal: the deadline passes). */
export function allowedAnswers(turn: TalksTurn): TalksAnswer['type'][] {
  if (turn.kind === 'open') return ['counter', 'walk', 'model'];
  if (turn.kind === 'respond') return ['accept', 'counter', 'walk', 'model'];
  if (turn.kind === 'bridge') return ['propose', 'stay', 'model'];
  return ['accept', 'refuse', 'model'];
}

const EPS = 1e-9;

/** Why a value cannot be offered on an issue (out of range, off the grid), or undefined when it can. */
export function issueValueProblem(issue: CompiledIssue, value: number): string | undefined {
  const grid = issue.options ? `one of ${issue.options.join(', ')}` : issue.yesNo ? 'yes or no' : `from ${issue.low} to ${issue.high}${issue.step !== 1 ? ` in steps of ${issue.step}` : ''}`;
  if (!Number.isFinite(value)) return `${issue.name}: enter a number ${grid}`;
  if (value < issue.low - EPS || value > issue.high + EPS) return `${issue.name}: ${value} is outside the range; offer a value ${grid}`;
  const k = (value - issue.low) / issue.step;
  if (Math.abs(k - Math.round(k)) > 1e-6) return `${issue.name}: ${value} is not on the table's grid; offer a value ${grid} (nearest: ${issueValueText(issue, issue.low + Math.round(k) * issue.step)})`;
  return undefined;
}

/** Every problem of a counter-offer (or of a mediator's proposal), one per issue at most; empty when it can be made. */
export function counterProblems(issues: readonly CompiledIssue[], values: readonly number[]): string[] {
  if (values.length !== issues.length) return [`a package needs a value for each of the ${issues.length} issues, not ${values.length}`];
  return issues.flatMap((issue, i) => issueValueProblem(issue, values[i]!) ?? []);
}

/** Whether `answer` can answer `turn` (an allowed type; a counter or proposal that passes the checks). */
export function answerFits(issues: readonly CompiledIssue[], turn: TalksTurn, answer: TalksAnswer): boolean {
  if (!allowedAnswers(turn).includes(answer.type)) return false;
  return !('values' in answer) || counterProblems(issues, answer.values).length === 0;
}

/** A grid value as stored: the nearest grid point (removes floating-point dust from typed numbers). */
export function onGrid(issue: CompiledIssue, value: number): number {
  const k = Math.round((value - issue.low) / issue.step);
  return Number((issue.low + k * issue.step).toPrecision(12));
}
