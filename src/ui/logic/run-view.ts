/**
 * An immutable picture of a Session at one moment, for the UI to select from. The Session itself is
 * mutable; the app machine makes a new view after every change so selectors see new references.
 */
import type { ChoiceLog, CompiledTalks, Decision, Outcome, Session, SimState, TalksAnswer, TalksNote, TalksResult, TalksTurn, TraceEvent } from '../../engine/index.ts';

export interface RunView {
  /** The decision waiting for an answer; undefined once the run is over. */
  decision?: Decision;
  day: number;
  state: SimState;
  trace: readonly TraceEvent[];
  outcome?: Outcome;
  machineValue: Session['machineValue'];
  canUndo: boolean;
  choices: ChoiceLog;
  /** Decisions answered: the position in a shared link. */
  decisions: number;
  /** The talks before the truce (scenarios with talks). */
  talks?: TalksView;
}

export interface TalksView {
  talks: CompiledTalks;
  /** The side a person sits in. */
  seat?: string;
  /** The turn waiting for the person in the seat. */
  turn?: TalksTurn;
  notes: readonly TalksNote[];
  /** How they ended; undefined while they go on. */
  result?: TalksResult;
  /** The latest offer of each side so far ([opening side, other side]). */
  latest: [number[] | undefined, number[] | undefined];
  /** The person's answers so far (for the link). */
  answers: readonly TalksAnswer[];
}

function talksViewOf(session: Session): TalksView | undefined {
  const table = session.talks;
  if (!table) return undefined;
  return {
    talks: table.talks,
    ...(table.seatId !== undefined ? { seat: table.seatId } : {}),
    ...(table.turn ? { turn: table.turn } : {}),
    notes: table.notes.slice(),
    ...(table.result ? { result: table.result } : {}),
    latest: table.latestOffers,
    answers: session.talksAnswers.slice(),
  };
}

export function viewOf(session: Session): RunView {
  // Reading `decision` first lets the run do its automatic steps up to the next decision.
  const decision = session.decision;
  return {
    decision,
    day: session.state.day,
    state: structuredClone(session.state) as SimState,
    trace: session.trace.slice(),
    outcome: session.outcome,
    machineValue: session.machineValue,
    canUndo: session.canUndo,
    choices: { ...session.choices },
    decisions: session.state.decisions,
    ...(session.talks ? { talks: talksViewOf(session) } : {}),
  };
}
