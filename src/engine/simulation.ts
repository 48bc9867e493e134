/**
 * One run of a model, advanced decision by decision. Each day runs in a fixed order
 * (docs/model.md): incidents → obligations due today → each responsible party responds →
 * counterparts and mediators react → guarantees, red lines and breaking points are checked →
 * the phase ends (extension or gate) when its last day is done → the day ends (decay).
 *
 * The statechart (machine.ts) owns the phase, the extension days, why the truce ended and the
 * outcome; the parts of the day loop (day.ts, responses.ts, extensions.ts, phases.ts, outcome.ts)
 * keep the books over the run's state.
 */
import { transition } from 'xstate';
import { closeDay, startDay } from './day.ts';
import { ANY_RESPONSE, type Decision, type DecisionKind } from './decision.ts';
import { RunEffects } from './effect-context.ts';
import { answerBroker, answerExtension, phaseEndStep } from './extensions.ts';
import { answerLever, leverDecision, leversOf } from './levers.ts';
import type { TruceEvent, TruceMachine, TruceSnapshot } from './machine.ts';
import type { CompiledObligation, Model } from './model.ts';
import { metricsOf, outcomeOf } from './outcome.ts';
import { enterPhase } from './phases.ts';
import type { PartyView } from './policies/response-model.ts';
import type { Response, ResponseProbabilities } from './response.ts';
import { respond } from './responses.ts';
import { draw, drawBelow, type Purpose } from './rng.ts';
import { dateOfDay } from '../scenario/core.ts';
import { followingToday, recordOf } from './record.ts';
import type { RecordedMark, RunContext } from './run-context.ts';
import { initialState, type TruceOpening } from './start-state.ts';
import { STEP_BUDGET, StepBudgetExceeded } from './step-budget.ts';
import type { AgendaItem, PartyState, SimState } from './state.ts';
import type { Metrics, Outcome, TraceEvent } from './trace.ts';
import { describeObligation } from './wording.ts';

export type { Decision } from './decision.ts';

export interface StartOptions {
  /** Build sentences (default true); batch runs turn it off. */
  trace?: boolean;
  /** Follow the scenario's record up to this day (Infinity: to its end), then the model answers. */
  followRecordUntil?: number;
  /** Parties that comply with everything, whatever their model says. */
  comply?: readonly string[];
  /** What talks before the truce changed at its start (talks/run-talks.ts). */
  opening?: TruceOpening;
  /** Mediators and guarantors a person plays: their levers become decisions (levers.ts). Principals are ignored. */
  levers?: readonly string[];
}

/**
 * XState's `transition` is a pure function of the snapshot and the event, and snapshots are
 * immutable values; so each (snapshot, event) pair is worked out by the statechart once and the
 * snapshot it gives is shared by every run of the model that meets it. Most runs meet only a few.
 */
const transitions = new WeakMap<TruceSnapshot, Map<string, TruceSnapshot>>();
const REMEMBERED_EVENTS_PER_SNAPSHOT = 256;

function nextSnapshot(machine: TruceMachine, snapshot: TruceSnapshot, event: TruceEvent): TruceSnapshot {
  let known = transitions.get(snapshot);
  if (!known) transitions.set(snapshot, (known = new Map()));
  const key = event.type === 'phase.extended' ? `extended ${event.days}` : event.type === 'phase.end' ? `end ${event.gateOpen} ${event.cause ?? ''}` : `collapsed ${event.cause}`;
  let next = known.get(key);
  if (!next) {
    next = transition(machine, snapshot, event)[0];
    if (known.size < REMEMBERED_EVENTS_PER_SNAPSHOT) known.set(key, next);
  }
  return next;
}

/** Who answers each kind of decision. */
const ANSWER: Readonly<Record<DecisionKind, (run: RunContext, decision: Decision, choice: Response | undefined) => void>> = {
  obligation: respond,
  extension: answerExtension,
  press: answerLever,
  guarantee: answerLever,
  reoffer: answerLever,
  broker: answerBroker,
};

const ALWAYS_COMPLY: ResponseProbabilities = Object.freeze({ comply: 1, delay: 0, partial: 0, violate: 0, refuse: 0 });
const noResponse = (): ResponseProbabilities => ({ comply: 0, delay: 0, partial: 0, violate: 0, refuse: 0 });

export class Simulation implements RunContext {
  readonly trace: TraceEvent[] | null;
  readonly effects: RunEffects;
  readonly partyStates: PartyState[];
  machineSnapshot: TruceSnapshot;
  private pending: Decision | undefined;
  /** Steps taken by this object, against STEP_BUDGET. */
  private steps = 0;
  /** For the budget's message only. */
  private seed = '';
  recordedNow: RecordedMark | undefined;
  private readonly view: PartyView = { trust: 0, grievance: 0, domesticPressure: 0, mediatorPressure: 0, guaranteed: false };
  /**
   * Without a trace (batch runs) nobody keeps a decision once it is answered, so one decision and
   * one set of probabilities are refilled for every obligation that falls due: nothing is
   * allocated per decision. With a trace each decision is a new object (sessions keep them).
   */
  private readonly reused: { decision: Decision; probabilities: ResponseProbabilities } | undefined;

  private constructor(readonly model: Model, readonly st: SimState, trace: TraceEvent[] | null, machineSnapshot: TruceSnapshot) {
    this.trace = trace;
    this.machineSnapshot = machineSnapshot;
    this.effects = new RunEffects(model, st, trace !== null);
    this.partyStates = new Array<PartyState>(model.parties.length);
    for (let i = 0; i < model.parties.length; i++) this.partyStates[i] = st.parties[model.parties[i]!.id]!;
    if (trace === null) {
      const probabilities = noResponse();
      this.reused = { probabilities, decision: { kind: 'obligation', day: 0, party: '', obligation: '', text: '', probabilities, allowed: ANY_RESPONSE, occurrence: 0, attempt: 0, recorded: undefined } };
    }
  }

  /** A fresh run at the start of day 1. `trace: false` skips building sentences (batch runs). */
  static start(model: Model, seed: string, options: StartOptions = {}): Simulation {
    const state = initialState(model, seed, options.opening);
    // The record speaks through its last entry: after that day the model answers.
    if (options.followRecordUntil !== undefined) state.follow = { until: Math.min(options.followRecordUntil, recordOf(model).lastDay), holding: false };
    if (options.comply?.length) state.comply = [...options.comply];
    const levers = options.levers?.filter((id) => leversOf(model, id).length > 0);
    if (levers?.length) state.levers = levers;
    const sim = new Simulation(model, state, options.trace === false ? null : [], model.initialMachineSnapshot);
    sim.seed = seed;
    enterPhase(sim, 0);
    return sim;
  }

  /**
   * Resumes from a snapshot taken with `snapshot()`; the trace is copied up to that point
   * (`null`: build no sentences from here, as a batch run).
   */
  static restore(model: Model, snapshot: { state: SimState; traceLength: number }, trace: readonly TraceEvent[] | null, seed = ''): Simulation {
    const state = structuredClone(snapshot.state);
    const sim = new Simulation(model, state, trace ? trace.slice(0, snapshot.traceLength) : null, model.machine.resolveState(state.machine));
    sim.seed = seed;
    return sim;
  }

  /** An exact copy of where the run is. */
  snapshot(): { state: SimState; traceLength: number } {
    return { state: structuredClone(this.st), traceLength: this.trace?.length ?? 0 };
  }

  /** The live state: a structured clone of it is a snapshot. */
  get state(): SimState {
    return this.st;
  }

  get over(): boolean {
    return this.st.stage === 'over';
  }

  /** The statechart's current state value, e.g. `{ truce: 'extended' }` or `'collapsed'`. */
  get machineValue(): TruceSnapshot['value'] {
    return this.machineSnapshot.value;
  }

  /**
   * Does every automatic step up to the next decision and returns it, or undefined once the run
   * is over. Calling it again without `decide` returns the same decision.
   */
  nextDecision(): Decision | undefined {
    while (this.pending === undefined) {
      const s = this.st;
      if (s.stage === 'over') return undefined;
      if (++this.steps > STEP_BUDGET) throw new StepBudgetExceeded(this.model.scenario.id, this.seed, s.day);
      if (s.levers !== undefined && (this.pending = leverDecision(this)) !== undefined) break;
      if (s.stage === 'day-start') startDay(this);
      else if (s.stage === 'obligations') {
        if (s.today.length > 0) this.pending = this.obligationDecision(s.today[0]!);
        else closeDay(this);
      } else this.pending = phaseEndStep(this);
    }
    return this.pending;
  }

  /** Answers the pending decision: with `choice`, as a person chose; without, by the party's model. */
  decide(choice?: Response): void {
    const decision = this.nextDecision();
    if (!decision) throw new Error('the run is over: there is nothing to decide');
    if (choice !== undefined && !decision.allowed.includes(choice)) {
      throw new Error(`\`${choice}\` is not a possible answer here; choose one of ${decision.allowed.join(', ')}`);
    }
    this.pending = undefined;
    this.st.decisions += 1;
    ANSWER[decision.kind](this, decision, choice);
  }

  /** Runs to the end with every party following its model. */
  runToEnd(): Outcome {
    while (this.nextDecision()) this.decide();
    return this.outcome()!;
  }

  private obligationDecision(item: AgendaItem): Decision {
    const o = this.model.obligations[item.obligation]!;
    const reused = this.reused;
    if (reused) {
      const d = reused.decision;
      d.day = this.st.day;
      d.party = o.party;
      d.obligation = o.id;
      d.probabilities = this.probabilitiesFor(o.party, o, reused.probabilities);
      d.occurrence = item.occurrence;
      d.attempt = item.attempt;
      d.recorded = followingToday(this.st) ? true : undefined;
      return d;
    }
    const decision: Decision = {
      kind: 'obligation',
      day: this.st.day,
      party: o.party,
      obligation: o.id,
      text: this.trace ? `${this.partyName(o.party)} must ${describeObligation(this.model, o)}.` : '',
      probabilities: this.probabilitiesFor(o.party, o),
      allowed: ANY_RESPONSE,
      occurrence: item.occurrence,
      attempt: item.attempt,
    };
    if (followingToday(this.st)) decision.recorded = true;
    return decision;
  }

  /** The response probabilities the party's model (or the term's own behaviour, for `o`) gives right now. */
  probabilitiesFor(partyId: string, o?: CompiledObligation, out: ResponseProbabilities = noResponse()): ResponseProbabilities {
    if (this.st.comply?.includes(partyId)) return ALWAYS_COMPLY;
    const party = this.model.partyById.get(partyId)!;
    const p = this.st.parties[partyId]!;
    const behaviour = o?.behaviour ?? party;
    // One view per run, refilled for each question: response models read it and keep nothing.
    const view = this.view;
    view.trust = p.trust;
    view.grievance = p.grievance;
    view.domesticPressure = p.domesticPressure;
    view.mediatorPressure = p.mediatorPressure;
    view.guaranteed = p.guaranteesInForce > 0;
    return behaviour.responseModel.probabilities(view, behaviour.settings, out);
  }

  /** From the day after `day`, the model answers instead of the record (a branch off the record). */
  leaveRecordAfter(day: number): void {
    if (this.st.follow) this.st.follow.until = Math.min(this.st.follow.until, day);
    if (this.pending?.recorded && this.st.day > day) this.pending = { ...this.pending, recorded: undefined };
  }

  /** The outcome once the run is over; undefined before. */
  outcome(): Outcome | undefined {
    return outcomeOf(this.model, this.st, this.machineSnapshot);
  }

  metrics(): Metrics {
    return metricsOf(this.model, this.st);
  }

  /** Sends an event to the statechart and reads back what it owns. */
  send(event: TruceEvent): void {
    const next = nextSnapshot(this.model.machine, this.machineSnapshot, event);
    this.machineSnapshot = next;
    this.st.machine = { value: next.value, context: next.context };
    this.st.counters['extensionDays'] = next.context.extensionDays;
  }

  draw(purpose: Purpose, subject: number, a: number, b: number): number {
    return draw(this.st.key, purpose, subject, a, b);
  }

  chance(purpose: Purpose, subject: number, a: number, b: number, p: number): boolean {
    return drawBelow(this.st.key, purpose, subject, a, b, p);
  }

  partyName(id: string): string {
    return this.model.partyById.get(id)?.name ?? id;
  }

  phaseName(): string {
    const def = this.model.phases[this.st.phaseIndex]!.def;
    return def.name ?? def.id;
  }

  /** Adds a trace event; `make` runs only when a trace is kept, so batch runs build no sentences. */
  record(make: () => Omit<TraceEvent, 'day' | 'phase'>): void {
    if (!this.trace) return;
    const full: TraceEvent = { day: this.st.day, phase: this.model.phases[this.st.phaseIndex]!.def.id, ...make() };
    // Recorded answers say so, with the record's source; days carry their dates.
    const marked = this.recordedNow;
    if (marked && (full.type === 'party.responded' || full.type === 'truce.collapsed')) {
      if (marked.recorded) full.recorded = true;
      full.text = full.text.replace(/\.$/, `${marked.note}.`);
      if (marked.source !== undefined) full.source = marked.source;
    }
    const start = this.model.scenario.start;
    if (start !== undefined && full.day >= 1) full.date = dateOfDay(start, full.day);
    for (const key of Object.keys(full) as (keyof TraceEvent)[]) if (full[key] === undefined) delete full[key];
    this.trace.push(full);
  }
}
