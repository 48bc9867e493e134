/**
 * A run a person steps through: advance to the next decision or day, answer a party's decision
 * instead of its model, undo exactly (RNG included), and fork a branch from where you are.
 */
import type { Model } from './model.ts';
import type { Response } from './response.ts';
import { Simulation, type Decision, type StartOptions } from './simulation.ts';
import type { SimState } from './state.ts';
import type { Outcome, TraceEvent } from './trace.ts';

type Snapshot = { state: SimState; traceLength: number };

/** Decision number → the response a person chose there. With the seed, it replays a run exactly. */
export type ChoiceLog = Readonly<Record<number, Response>>;

export type AdvanceTarget = 'decision' | 'day' | 'end';

export class Session {
  private sim: Simulation;
  /** Snapshots are never changed once taken, so copies of a session may share them. */
  private undoStack: { snapshot: Snapshot; choices: ChoiceLog }[] = [];
  private choiceLog: Record<number, Response> = {};

  private constructor(readonly model: Model, readonly seed: string, sim: Simulation) {
    this.sim = sim;
  }

  /** `options.followRecordUntil`: start on the record as it happened (Infinity: to its end). */
  static start(model: Model, seed: string, options: Omit<StartOptions, 'trace'> = {}): Session {
    return new Session(model, seed, Simulation.start(model, seed, options));
  }

  /**
   * Rebuilds a session from its seed and choice log, advancing until `decisions` decisions have
   * been answered (or the end): this is how a shared link reopens a run.
   */
  static replay(model: Model, seed: string, choices: ChoiceLog, decisions: number, options: Omit<StartOptions, 'trace'> = {}): Session {
    const session = Session.start(model, seed, options);
    while (session.state.decisions < decisions && session.sim.nextDecision()) {
      const n = session.state.decisions;
      const choice = choices[n];
      if (choice !== undefined) session.choiceLog[n] = choice;
      session.sim.decide(choice);
    }
    return session;
  }

  get state(): Readonly<SimState> {
    return this.sim.state;
  }

  get trace(): readonly TraceEvent[] {
    return this.sim.trace!;
  }

  get choices(): ChoiceLog {
    return this.choiceLog;
  }

  /** The decision waiting for an answer, after doing every automatic step before it. */
  get decision(): Decision | undefined {
    return this.sim.nextDecision();
  }

  get over(): boolean {
    return this.sim.nextDecision() === undefined;
  }

  get outcome(): Outcome | undefined {
    return this.sim.outcome();
  }

  get machineValue() {
    return this.sim.machineValue;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Answers the pending decision: as `choice`, or by the party's model when omitted. */
  decide(choice?: Response): void {
    this.checkpoint();
    this.answer(choice);
  }

  /**
   * Lets the models answer until the target: the next decision, the start of the next day, or the
   * end. A decision of `playing` (the party a person plays) is never answered for them: it stops there.
   */
  advance(target: AdvanceTarget, playing?: string): void {
    if (this.over) return;
    this.checkpoint();
    const startDay = this.state.day;
    for (let first = true; ; first = false) {
      const decision = this.sim.nextDecision();
      if (!decision) return;
      if (decision.party === playing) return;
      if (target === 'decision' && !first) return;
      if (target === 'day' && this.state.day > startDay) return;
      this.answer();
    }
  }

  /** Goes back to before the last decide/advance. Returns false when there is nothing to undo. */
  undo(): boolean {
    const last = this.undoStack.pop();
    if (!last) return false;
    this.sim = Simulation.restore(this.model, last.snapshot, this.sim.trace!, this.seed);
    this.choiceLog = { ...last.choices };
    return true;
  }

  /** A copy with the pending decision answered (see `decide`); this session is left as it was. */
  decided(choice?: Response): Session {
    const next = this.copy();
    next.decide(choice);
    return next;
  }

  /** A copy advanced to the target (see `advance`); this session is left as it was. */
  advanced(target: AdvanceTarget, playing?: string): Session {
    const next = this.copy();
    next.advance(target, playing);
    return next;
  }

  /** A copy one step back (see `undo`), or undefined when there is nothing to undo. */
  undone(): Session | undefined {
    if (this.undoStack.length === 0) return undefined;
    const next = this.copy();
    next.undo();
    return next;
  }

  /** An independent copy from this point, with its own future (and the same past). */
  fork(): Session {
    const copy = new Session(this.model, this.seed, Simulation.restore(this.model, this.sim.snapshot(), this.sim.trace!, this.seed));
    copy.choiceLog = { ...this.choiceLog };
    return copy;
  }

  /** An exact, independent copy: same run, same undo history. */
  private copy(): Session {
    const copy = new Session(this.model, this.seed, Simulation.restore(this.model, { state: this.sim.state, traceLength: this.sim.trace!.length }, this.sim.trace!, this.seed));
    copy.undoStack = [...this.undoStack];
    copy.choiceLog = { ...this.choiceLog };
    return copy;
  }

  /** Leaves the record: from the day after `day` the model answers (undoable like any step). */
  leaveRecordAfter(day: number): void {
    this.checkpoint();
    this.sim.leaveRecordAfter(day);
  }

  /** Whether the run still follows the record at its current day. */
  get followingRecord(): boolean {
    const follow = this.state.follow;
    return follow !== undefined && Math.max(this.state.day, 1) <= follow.until;
  }

  probabilitiesFor(party: string) {
    return this.sim.probabilitiesFor(party);
  }

  private checkpoint(): void {
    this.undoStack.push({ snapshot: this.sim.snapshot(), choices: { ...this.choiceLog } });
  }

  private answer(choice?: Response): void {
    if (choice !== undefined) this.choiceLog[this.state.decisions] = choice;
    this.sim.decide(choice);
  }
}
