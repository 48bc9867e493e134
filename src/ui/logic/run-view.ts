/**
 * An immutable picture of a Session at one moment, for the UI to select from. The Session itself is
 * mutable; the app machine makes a new view after every change so selectors see new references.
 */
import type { ChoiceLog, Decision, Outcome, Session, SimState, TraceEvent } from '../../engine/index.ts';

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
  };
}
