/**
 * A run a person steps through: advance to the next decision or day, answer a party's decision
 * instead of its model, undo exactly (RNG included), and fork a branch from where you are. In a
 * scenario with `talks:` the run starts at the talks table (talks/table.ts): a person may sit in one
 * side's seat, or a talks mediator's, and answer its turns; with a deal the truce runs under the
 * agreed terms (a played mediator keeps its seat there through its levers: `levers`).
 */
import type { Model } from './model.ts';
import type { Response } from './response.ts';
import { runKey } from './rng.ts';
import { Simulation, type Decision, type StartOptions } from './simulation.ts';
import type { SimState } from './state.ts';
import { compileTalks } from './talks/compile.ts';
import { agreedModel, noDealOutcome, openingOf, talksOutcome } from './talks/run-talks.ts';
import { answerFits, type TalksAnswer, type TalksTurn } from './talks/seat.ts';
import { TalksTable } from './talks/table.ts';
import type { Outcome, TraceEvent } from './trace.ts';

type Snapshot = { state: SimState; traceLength: number };

/** Decision number → the response a person chose there. With the seed, it replays a run exactly. */
export type ChoiceLog = Readonly<Record<number, Response>>;

export type AdvanceTarget = 'decision' | 'day' | 'end';

export interface SessionOptions extends Omit<StartOptions, 'trace' | 'opening'> {
  /** The talks side, or talks mediator, a person answers for (scenarios with `talks:`). */
  seat?: string;
  /** A person's answers at the talks, in order: played from the start as long as each fits its turn. */
  talks?: readonly TalksAnswer[];
}

interface Checkpoint {
  /** Undefined while the talks go on (no truce yet). */
  snapshot?: Snapshot;
  choices: ChoiceLog;
  table?: TalksTable;
  answers: readonly TalksAnswer[];
}

export class Session {
  /** The truce; undefined while the talks go on or after talks without a deal. */
  private sim: Simulation | undefined;
  /** The truce's start under the scenario's own parameters: what is shown while the talks go on (made when first needed). */
  private previewSim: Simulation | undefined;
  private table: TalksTable | undefined;
  private answers: TalksAnswer[] = [];
  /** Snapshots are never changed once taken, so copies of a session may share them. */
  private undoStack: Checkpoint[] = [];
  private choiceLog: Record<number, Response> = {};

  private constructor(readonly base: Model, readonly seed: string, private readonly options: SessionOptions) {}

  private get preview(): Simulation {
    return (this.previewSim ??= Simulation.start(this.base, this.seed, startOptions(this.options)));
  }

  /** `options.followRecordUntil`: start on the record as it happened (Infinity: to its end). */
  static start(model: Model, seed: string, options: SessionOptions = {}): Session {
    const session = new Session(model, seed, options);
    if (!model.scenario.talks) {
      session.sim = Simulation.start(model, seed, startOptions(options));
      return session;
    }
    const talks = compileTalks(model.scenario, model.params)!;
    session.table = TalksTable.open(talks, runKey(seed), { trace: true, ...(options.seat !== undefined ? { seat: options.seat } : {}), ...(model.scenario.start !== undefined ? { truceStart: model.scenario.start } : {}) });
    for (const answer of options.talks ?? []) {
      if (!session.table.turn || !answerFits(talks.issues, session.table.turn, answer)) break;
      session.answerTalks(answer);
    }
    session.startTruce();
    return session;
  }

  /**
   * Rebuilds a session from its seed and choice log, advancing until `decisions` decisions have
   * been answered (or the end): this is how a shared link reopens a run.
   */
  static replay(model: Model, seed: string, choices: ChoiceLog, decisions: number, options: SessionOptions = {}): Session {
    const session = Session.start(model, seed, options);
    while (session.state.decisions < decisions && session.sim?.nextDecision()) {
      const n = session.state.decisions;
      const choice = choices[n];
      if (choice !== undefined) session.choiceLog[n] = choice;
      session.sim.decide(choice);
    }
    return session;
  }

  /** The model the truce runs under: with a deal, the scenario's under the agreed terms. */
  get model(): Model {
    return this.sim?.model ?? this.base;
  }

  /** The talks table (scenarios with `talks:`): its turn, notes and result. Read it; answer with `answerTalks`. */
  get talks(): TalksTable | undefined {
    return this.table;
  }

  /** The talks turn waiting for the person in the seat. */
  get talksTurn(): TalksTurn | undefined {
    return this.table?.turn;
  }

  /** The person's talks answers so far, in order: with the seat and the seed, they replay the talks. */
  get talksAnswers(): readonly TalksAnswer[] {
    return this.answers;
  }

  get state(): Readonly<SimState> {
    return (this.sim ?? this.preview).state;
  }

  get trace(): readonly TraceEvent[] {
    return this.sim?.trace ?? [];
  }

  get choices(): ChoiceLog {
    return this.choiceLog;
  }

  /** The decision waiting for an answer, after doing every automatic step before it. */
  get decision(): Decision | undefined {
    return this.sim?.nextDecision();
  }

  get over(): boolean {
    if (this.table && !this.table.result) return false;
    return this.sim?.nextDecision() === undefined;
  }

  get outcome(): Outcome | undefined {
    const result = this.table?.result;
    if (this.table && result) return result.deal ? withTalks(this.sim!.outcome(), this.table) : noDealOutcome(this.base, this.seed, this.table.talks, result);
    return this.sim?.outcome();
  }

  get machineValue() {
    return (this.sim ?? this.preview).machineValue;
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Answers the waiting talks turn (undoable); throws when the answer does not fit it. */
  answerTalks(answer: TalksAnswer): void {
    if (!this.table?.turn) throw new Error('no talks turn is waiting');
    this.checkpoint();
    this.table.answer(answer);
    this.answers.push(answer);
    this.startTruce();
  }

  /** A copy with the talks turn answered (see `answerTalks`); this session is left as it was. */
  talksAnswered(answer: TalksAnswer): Session {
    const next = this.copy();
    next.answerTalks(answer);
    return next;
  }

  /** Answers the pending decision: as `choice`, or by the party's model when omitted. */
  decide(choice?: Response): void {
    if (!this.sim) return;
    this.checkpoint();
    this.answer(choice);
  }

  /**
   * Lets the models answer until the target: the next decision, the start of the next day, or the
   * end. A decision or talks turn of `playing` (the party a person plays) is never answered for
   * them: it stops there. A talks turn of another party (a seat nobody plays now) goes to its model.
   */
  advance(target: AdvanceTarget, playing?: string): void {
    if (this.over) return;
    this.checkpoint();
    if (this.table?.turn && this.table.turn.party !== playing) {
      while (this.table.turn && this.table.turn.party !== playing) this.modelTalks();
      // The talks were this step: the truce's first decision waits.
      if (target === 'decision') return;
    }
    if (!this.sim) return;
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

  /** Goes back to before the last decide/advance/talks answer. Returns false when there is nothing to undo. */
  undo(): boolean {
    const last = this.undoStack.pop();
    if (!last) return false;
    this.restore(last, this.sim?.trace ?? []);
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
    const copy = new Session(this.base, this.seed, this.options);
    copy.previewSim = this.previewSim;
    copy.restore(this.here(), this.sim?.trace ?? []);
    return copy;
  }

  /** An exact, independent copy: same run, same undo history. */
  private copy(): Session {
    const copy = this.fork();
    copy.undoStack = [...this.undoStack];
    return copy;
  }

  /** Leaves the record: from the day after `day` the model answers (undoable like any step). */
  leaveRecordAfter(day: number): void {
    if (!this.sim) return;
    this.checkpoint();
    this.sim.leaveRecordAfter(day);
  }

  /** Whether the run still follows the record at its current day. */
  get followingRecord(): boolean {
    const follow = this.state.follow;
    return follow !== undefined && Math.max(this.state.day, 1) <= follow.until;
  }

  probabilitiesFor(party: string) {
    return (this.sim ?? this.preview).probabilitiesFor(party);
  }

  /** With a deal struck and no truce yet, the truce starts under the agreed terms. */
  private startTruce(): void {
    const result = this.table?.result;
    if (this.sim || !this.table || !result?.deal) return;
    this.sim = Simulation.start(agreedOnce(this.base, this.table), this.seed, { ...startOptions(this.options), opening: openingOf(this.table.talks, result) });
  }

  private modelTalks(): void {
    this.table!.answer({ type: 'model' });
    this.answers.push({ type: 'model' });
    this.startTruce();
  }

  private here(): Checkpoint {
    return { ...(this.sim ? { snapshot: this.sim.snapshot() } : {}), choices: { ...this.choiceLog }, ...(this.table ? { table: this.table.clone() } : {}), answers: [...this.answers] };
  }

  /** Back to a checkpoint; `trace`: the trace it was taken from (copied up to the snapshot). */
  private restore(c: Checkpoint, trace: readonly TraceEvent[]): void {
    this.table = c.table?.clone();
    this.answers = [...c.answers];
    this.choiceLog = { ...c.choices };
    const model = this.table?.result?.deal ? agreedOnce(this.base, this.table) : this.base;
    this.sim = c.snapshot ? Simulation.restore(model, c.snapshot, trace, this.seed) : undefined;
  }

  private checkpoint(): void {
    this.undoStack.push(this.here());
  }

  private answer(choice?: Response): void {
    if (choice !== undefined) this.choiceLog[this.state.decisions] = choice;
    this.sim!.decide(choice);
  }
}

function startOptions(options: SessionOptions): StartOptions {
  const { seat: _s, talks: _t, ...start } = options;
  return start;
}

/** Agreed models, per base model and terms: copies and undos of a session reuse them. */
const agreedModels = new WeakMap<Model, Map<string, Model>>();

function agreedOnce(base: Model, table: TalksTable): Model {
  const values = table.result!.values!;
  let known = agreedModels.get(base);
  if (!known) agreedModels.set(base, (known = new Map()));
  const key = values.join(',');
  let model = known.get(key);
  if (!model) known.set(key, (model = agreedModel(base, table.talks, table.result!)));
  return model;
}

function withTalks(outcome: Outcome | undefined, table: TalksTable): Outcome | undefined {
  return outcome && table.result ? { ...outcome, talks: talksOutcome(table.talks, table.result) } : outcome;
}
