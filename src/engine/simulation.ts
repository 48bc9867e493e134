/**
 * One run of a model, advanced decision by decision. Each day runs in a fixed order
 * (docs/model.md): incidents → obligations due today → each responsible party responds →
 * counterparts and mediators react → guarantees, red lines and breaking points are checked →
 * the phase ends (extension or gate) when its last day is done → the day ends (decay).
 *
 * The statechart (machine.ts) owns the control flow between phases; this class keeps the books.
 */
import { transition } from 'xstate';
import { EFFECTS, onViolation } from './effects.ts';
import { activePhase, type TruceEvent, type TruceSnapshot } from './machine.ts';
import type { CompiledObligation, Model } from './model.ts';
import { pickResponse, type Response, type ResponseProbabilities } from './response.ts';
import { draw, PURPOSE, runKey, type Purpose } from './rng.ts';
import { STEP_BUDGET, StepBudgetExceeded } from './step-budget.ts';
import type { AgendaItem, PartyState, SimState } from './state.ts';
import type { Metrics, Outcome, OutcomeResult, TraceEvent } from './trace.ts';
import { describeObligation, listPhrase } from './wording.ts';
import { dateOfDay, type SourceRef } from '../scenario/index.ts';
import { followingToday, recordOf, recordedAnswer, recordedEndFollowed, recordedExtension, recordedIncident, recordedNote } from './record.ts';

/** A party must answer: an obligation fell due, or it is offered an extension. */
export interface Decision {
  kind: 'obligation' | 'extension';
  day: number;
  party: string;
  obligation: string;
  /** "Hamas must disclose information about the remaining captives." */
  text: string;
  probabilities: ResponseProbabilities;
  /** Responses that make sense here (an extension offer is accepted or declined). */
  allowed: readonly Response[];
  /** For an obligation: which occurrence of it (0, 1, …) and which attempt at that occurrence
   * (0, then 1 after a delay, …) — with the obligation, what this decision's draws are keyed by. */
  occurrence?: number;
  attempt?: number;
  /** The run follows the record here: unless a person chooses, the record answers. */
  recorded?: boolean;
}

export interface StartOptions {
  /** Build sentences (default true); batch runs turn it off. */
  trace?: boolean;
  /** Follow the scenario's record up to this day (Infinity: to its end), then the model answers. */
  followRecordUntil?: number;
  /** Parties that comply with everything, whatever their model says. */
  comply?: readonly string[];
}

const ALWAYS_COMPLY: ResponseProbabilities = Object.freeze({ comply: 1, delay: 0, partial: 0, violate: 0, refuse: 0 });

const ANY_RESPONSE: readonly Response[] = Object.freeze(['comply', 'delay', 'partial', 'violate', 'refuse'] as const);
const ACCEPT_OR_DECLINE: readonly Response[] = Object.freeze(['comply', 'refuse'] as const);

const GRIEVANCE_DECAY = 0.02;
const MEDIATOR_PRESSURE_DECAY = 0.2;
const TRUST_GAIN_ON_COMPLY = 0.02;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export class Simulation {
  readonly trace: TraceEvent[] | null;
  private machineSnapshot: TruceSnapshot;
  private pending: Decision | undefined;
  /** Steps taken by this object, against STEP_BUDGET. */
  private steps = 0;
  /** For the budget's message only. */
  private seed = '';
  /** Set while a recorded answer is being carried out: marks its trace events (see `record`). */
  private recordedNow: { note: string; source?: SourceRef; recorded: boolean } | undefined;

  private constructor(readonly model: Model, private readonly st: SimState, trace: TraceEvent[] | null, machineSnapshot: TruceSnapshot) {
    this.trace = trace;
    this.machineSnapshot = machineSnapshot;
  }

  /** A fresh run at the start of day 1. `trace: false` skips building sentences (batch runs). */
  static start(model: Model, seed: string, options: StartOptions = {}): Simulation {
    // Plain loops and literals: spreading the zod-made scenario objects was most of a run's start-up.
    const parties: Record<string, PartyState> = Object.create(null);
    for (const p of model.parties) {
      parties[p.id] = { trust: p.initial.trust, grievance: p.initial.grievance, domesticPressure: p.initial.domesticPressure, mediatorPressure: 0, guaranteesInForce: 0, violations: 0, delays: 0, partials: 0, complied: 0 };
    }
    const guarantees: Record<string, boolean> = Object.create(null);
    for (const p of model.parties) {
      if (p.guarantees) {
        guarantees[p.id] = true;
        parties[p.guarantees]!.guaranteesInForce += 1;
      }
    }
    const start = model.start;
    const stocks: SimState['stocks'] = Object.create(null);
    for (const stock of start.stocks) {
      const held: Record<string, number> = Object.create(null);
      const released: Record<string, number> = Object.create(null);
      for (let i = 0; i < stock.categories.length; i++) {
        held[stock.categories[i]!] = stock.counts[i]!;
        released[stock.categories[i]!] = 0;
      }
      stocks[stock.id] = { held, released };
    }
    const zones: SimState['zones'] = Object.create(null);
    for (const zone of start.zones) zones[zone.id] = { heldBy: zone.heldBy, withdrawn: false };
    const crossings: SimState['crossings'] = Object.create(null);
    for (const crossing of start.crossings) crossings[crossing.id] = crossing.open;
    const incidents: Record<string, number> = Object.create(null);
    for (const incident of model.incidents) incidents[incident.def.id] = 0;

    const initial = model.initialMachineSnapshot;
    const state: SimState = {
      decisions: 0,
      day: 0,
      stage: 'day-start',
      phaseIndex: 0,
      phaseStartDay: 1,
      phaseEndDay: 0,
      phaseExtendedDays: 0,
      extensionCursor: 0,
      today: [],
      agenda: [],
      obligations: model.obligations.map(() => ({ status: 'waiting', delayed: 0, lastUnits: 0, times: 0, occurrences: 0 })),
      stocks,
      zones,
      crossings,
      parties,
      guarantees,
      incidents,
      reactions: [],
      counters: { aidTrucks: 0, disclosures: 0, withdrawals: 0, partialWithdrawals: 0, displacedReturned: 0, talksStarted: 0, operationsHalts: 0, extensions: 0, extensionDays: 0 },
      key: runKey(seed),
      machine: { value: initial.value, context: initial.context },
      // The record speaks through its last entry: after that day the model answers.
      ...(options.followRecordUntil !== undefined ? { follow: { until: Math.min(options.followRecordUntil, recordOf(model).lastDay), holding: false } } : {}),
      ...(options.comply?.length ? { comply: [...options.comply] } : {}),
    };
    const sim = new Simulation(model, state, options.trace === false ? null : [], initial);
    sim.seed = seed;
    sim.enterPhase(0);
    return sim;
  }

  /** Resumes from a snapshot taken with `snapshot()`; the trace is copied up to that point. */
  static restore(model: Model, snapshot: { state: SimState; traceLength: number }, trace: readonly TraceEvent[]): Simulation {
    const state = structuredClone(snapshot.state);
    return new Simulation(model, state, trace.slice(0, snapshot.traceLength), model.machine.resolveState(state.machine));
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
      if (s.stage === 'day-start') this.startDay();
      else if (s.stage === 'obligations') {
        if (s.today.length > 0) this.pending = this.obligationDecision(s.today[0]!);
        else this.closeDay();
      } else this.pending = this.phaseEndStep();
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
    if (decision.kind === 'obligation') this.respond(decision, choice);
    else this.answerExtension(decision, choice);
  }

  /** Runs to the end with every party following its model. */
  runToEnd(): Outcome {
    while (this.nextDecision()) this.decide();
    return this.outcome()!;
  }

  // ── the day ──────────────────────────────────────────────────────────────

  private startDay(): void {
    const s = this.st;
    s.day += 1;
    // Record hook: the record's end, and incidents only as recorded (record.ts).
    const follow = followingToday(s);
    const end = follow ? recordedEndFollowed(this.model, s) : undefined;
    if (end && end.day === s.day) {
      this.recordedNow = { note: ' (as recorded)', source: end.source, recorded: true };
      this.collapse(end.cause, end.source);
      this.recordedNow = undefined;
      return;
    }
    for (const [index, incident] of this.model.incidents.entries()) {
      const def = incident.def;
      let happens: boolean;
      if (def.day !== undefined) happens = def.day === s.day;
      else if (follow) happens = recordedIncident(this.model, index, s.day) !== undefined;
      else happens = s.day >= (def.from ?? 1) && s.day <= (def.until ?? Infinity) && this.draw(PURPOSE.incident, incident.idHash, s.day, 0) < incident.chance!;
      if (!happens) continue;
      s.incidents[def.id] = (s.incidents[def.id] ?? 0) + 1;
      for (const [partyId, effect] of Object.entries(def.effects)) {
        const p = s.parties[partyId]!;
        if (effect.trust) p.trust = clamp01(p.trust + effect.trust);
        if (effect.grievance) p.grievance = clamp01(p.grievance + effect.grievance);
        if (effect['domestic-pressure']) p.domesticPressure = clamp01(p.domesticPressure + effect['domestic-pressure']);
        if (effect.pressure) p.mediatorPressure = clamp01(p.mediatorPressure + effect.pressure);
      }
      this.record(() => ({ type: 'incident', text: def.text, source: def.source }));
      if (!follow && incident.collapseChance > 0 && this.draw(PURPOSE.incidentCollapse, incident.idHash, s.day, 0) < incident.collapseChance) {
        this.collapse(`incident: ${def.text}`);
        return;
      }
    }
    if (s.agenda.some((item) => item.day === s.day)) {
      const due = s.agenda.filter((item) => item.day === s.day);
      s.agenda = s.agenda.filter((item) => item.day !== s.day);
      due.sort(byDueOrder);
      for (const item of due) this.makeDue(item);
    }
    s.stage = 'obligations';
  }

  /** Puts an obligation on today's list in due order, with anything due alongside it. */
  private makeDue(item: AgendaItem): void {
    const s = this.st;
    if (s.today.some((t) => t.obligation === item.obligation)) return;
    const at = s.today.findIndex((t) => byDueOrder(item, t) < 0);
    const status = s.obligations[item.obligation]!;
    if (item.occurrence < 0) item.occurrence = status.occurrences++;
    s.today.splice(at < 0 ? s.today.length : at, 0, item);
    status.status = 'due';
    const o = this.model.obligations[item.obligation]!;
    if (this.trace) {
      const when = s.obligations[item.obligation]!.delayed > 0 ? ` (delayed from day ${item.firstDue})` : '';
      this.record(() => ({ type: 'obligation.due', party: o.party, obligation: o.id, kind: o.kind, text: `${this.partyName(o.party)} must ${describeObligation(this.model, o)}${when}.`, source: o.def.source }));
    }
    for (const j of o.alongside) this.makeDue(fresh(j, s.day));
  }

  private obligationDecision(item: AgendaItem): Decision {
    const o = this.model.obligations[item.obligation]!;
    return {
      kind: 'obligation',
      day: this.st.day,
      party: o.party,
      obligation: o.id,
      text: this.trace ? `${this.partyName(o.party)} must ${describeObligation(this.model, o)}.` : '',
      probabilities: this.probabilitiesFor(o.party),
      allowed: ANY_RESPONSE,
      occurrence: item.occurrence,
      attempt: item.attempt,
      ...(followingToday(this.st) ? { recorded: true } : {}),
    };
  }

  /** The response probabilities the party's model gives right now. */
  probabilitiesFor(partyId: string): ResponseProbabilities {
    if (this.st.comply?.includes(partyId)) return ALWAYS_COMPLY;
    const party = this.model.partyById.get(partyId)!;
    const p = this.st.parties[partyId]!;
    return party.responseModel.probabilities(
      { trust: p.trust, grievance: p.grievance, domesticPressure: p.domesticPressure, mediatorPressure: p.mediatorPressure, guaranteed: p.guaranteesInForce > 0 },
      party.settings,
    );
  }

  private respond(decision: Decision, choice: Response | undefined): void {
    const s = this.st;
    const item = s.today.shift()!;
    const o = this.model.obligations[item.obligation]!;
    const status = s.obligations[o.index]!;
    const { occurrence, attempt } = item;
    // Record hook: following the record, its answer (or comply where it is silent) replaces the draw.
    const follow = choice === undefined && followingToday(s);
    const recorded = follow ? recordedAnswer(this.model, o.index, occurrence, attempt) : undefined;
    const response = choice ?? (follow ? (recorded?.response ?? 'comply') : pickResponse(decision.probabilities, this.draw(PURPOSE.response, o.idHash, occurrence, attempt)));
    const chosen = choice !== undefined ? true : undefined;
    status.lastResponse = response;
    this.recordedNow = follow ? { note: recordedNote(recorded, s.day), source: recorded?.source, recorded: recorded !== undefined } : undefined;
    try {
      this.carryOut(o, item, response, chosen, recorded?.fraction, recorded?.days, follow);
    } finally {
      this.recordedNow = undefined;
    }
  }

  private carryOut(o: CompiledObligation, item: AgendaItem, response: Response, chosen: true | undefined, recordedFraction: number | undefined, recordedDays: number | undefined, follow: boolean): void {
    const s = this.st;
    const status = s.obligations[o.index]!;
    const party = s.parties[o.party]!;
    const name = this.partyName(o.party);
    const { occurrence, attempt } = item;

    if (response === 'comply' || response === 'partial') {
      const fraction = response === 'comply' ? 1 : (recordedFraction ?? 0.25 + 0.5 * this.draw(PURPOSE.partialFraction, o.idHash, occurrence, attempt));
      const effect = EFFECTS[o.kind](this.model, s, o, fraction);
      status.status = response === 'comply' ? 'done' : 'partial';
      status.lastUnits = effect.units;
      status.times += 1;
      status.delayed = 0;
      if (response === 'comply') {
        party.complied += 1;
        this.react(o, { trust: TRUST_GAIN_ON_COMPLY }, this.trace ? `${name} complied` : '');
      } else {
        party.partials += 1;
        this.react(o, { grievance: this.model.reciprocity * 0.5 }, this.trace ? `${name} complied only in part` : '');
      }
      this.record(() => ({ type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response, chosen, changes: effect.changes, text: `${name} ${response === 'comply' ? 'complied' : 'complied in part'}: ${effect.text}.`, source: o.def.source }));
      for (const j of o.dependents) {
        const wait = this.model.obligations[j]!.def.wait ?? 0;
        if (wait === 0) this.makeDue(fresh(j, s.day));
        else s.agenda.push(fresh(j, s.day + wait));
      }
      return;
    }

    if (response === 'delay') {
      const days = recordedDays ?? 1 + Math.floor(this.draw(PURPOSE.delayDays, o.idHash, occurrence, attempt) * this.model.maxDelay);
      party.delays += 1;
      // A recorded delay never expires: the record, not the grace rule, says what happened next.
      if (!follow && status.delayed + days > o.grace) {
        this.record(() => ({ type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response, chosen, expired: true, text: o.grace === 0 ? `${name} let the deadline to ${describeObligation(this.model, o)} pass: it counts as a violation.` : `${name} delayed again (${describeObligation(this.model, o)}), past the ${o.grace} days of grace: it counts as a violation.`, source: o.def.source }));
        this.fail(o, 'expired');
        return;
      }
      status.delayed += days;
      status.status = 'waiting';
      s.agenda.push({ obligation: o.index, day: s.day + days, firstDue: item.firstDue, occurrence, attempt: attempt + 1 });
      this.react(o, { grievance: this.model.reciprocity * 0.25 }, this.trace ? `${name} delayed` : '');
      this.record(() => ({ type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response, chosen, text: `${name} delayed (${describeObligation(this.model, o)}) by ${days} day${days === 1 ? '' : 's'}, to day ${s.day + days} (${status.delayed} of ${o.grace} days of grace used).`, source: o.def.source }));
      return;
    }

    this.record(() => ({ type: 'party.responded', party: o.party, obligation: o.id, kind: o.kind, response, chosen, text: `${name} ${response === 'violate' ? 'violated the obligation to' : 'refused to'} ${describeObligation(this.model, o)}.`, source: o.def.source }));
    this.fail(o, response);
  }

  private fail(o: CompiledObligation, why: 'violate' | 'refuse' | 'expired'): void {
    const s = this.st;
    s.obligations[o.index]!.status = 'failed';
    s.obligations[o.index]!.delayed = 0;
    s.parties[o.party]!.violations += 1;
    onViolation(s, o);
    const name = this.partyName(o.party);
    const what = why === 'violate' ? 'violated' : why === 'refuse' ? 'refused' : 'ran out of grace on';
    this.react(o, { grievance: this.model.reciprocity, trust: -this.model.reciprocity }, this.trace ? `${name} ${what} an obligation` : '');
    for (const broker of this.model.brokers) {
      const b = this.model.partyById.get(broker)!;
      if (b.guarantees !== undefined && !s.guarantees[broker]) continue;
      s.reactions.push({ party: o.party, mediatorPressure: b.pressure, because: this.trace ? `${b.name} presses ${name}` : '' });
    }
    this.cancelDependents(o);
  }

  private cancelDependents(o: CompiledObligation): void {
    const s = this.st;
    for (const j of o.dependents) {
      const st = s.obligations[j]!;
      if (st.status !== 'waiting' && st.status !== 'due') continue;
      st.status = 'cancelled';
      s.today = s.today.filter((t) => t.obligation !== j);
      s.agenda = s.agenda.filter((t) => t.obligation !== j);
      const dependent = this.model.obligations[j]!;
      this.record(() => ({ type: 'party.reacted', party: dependent.party, obligation: dependent.id, kind: dependent.kind, text: `${this.partyName(dependent.party)} need not ${describeObligation(this.model, dependent)}: it depended on ${o.id}.` }));
      this.cancelDependents(dependent);
    }
  }

  /** Queues a change to the counterpart of `o`'s party, applied when counterparts react. */
  private react(o: CompiledObligation, change: { trust?: number; grievance?: number }, because: string): void {
    const counterpart = o.counterpart;
    if (counterpart) this.st.reactions.push({ party: counterpart, ...change, because });
  }

  private closeDay(): void {
    const s = this.st;
    for (const r of s.reactions) {
      const p = s.parties[r.party]!;
      if (r.trust) p.trust = clamp01(p.trust + r.trust);
      if (r.grievance) p.grievance = clamp01(p.grievance + r.grievance);
      if (r.mediatorPressure) p.mediatorPressure = clamp01(p.mediatorPressure + r.mediatorPressure);
      if (this.trace && (r.grievance || r.mediatorPressure)) {
        const what = r.mediatorPressure ? `pressure on ${this.partyName(r.party)} rises to ${p.mediatorPressure.toFixed(2)}` : `${this.partyName(r.party)}'s grievance rises to ${p.grievance.toFixed(2)}`;
        this.record(() => ({ type: 'party.reacted', party: r.party, text: `${r.because}: ${what}.` }));
      }
    }
    s.reactions = [];

    for (const g of this.model.parties) {
      if (!g.guarantees || !s.guarantees[g.id] || !g.withdrawWhen || !g.withdrawWhen(s)) continue;
      s.guarantees[g.id] = false;
      const beneficiaryId = g.guarantees;
      const beneficiary = s.parties[beneficiaryId]!;
      beneficiary.guaranteesInForce -= 1;
      beneficiary.grievance = clamp01(beneficiary.grievance + this.model.reciprocity);
      this.record(() => ({ type: 'guarantee.withdrawn', party: g.id, text: `${g.name} withdrew its guarantee to ${this.partyName(beneficiaryId)}.`, source: this.model.scenario.parties[g.id]!.source }));
    }
    for (const p of this.model.parties) {
      for (const line of p.redLines) {
        if (line.when(s)) {
          this.collapse(`${p.name}'s red line crossed: ${line.text}`, line.source);
          return;
        }
      }
    }
    for (const p of this.model.principalParties) {
      const grievance = s.parties[p.id]!.grievance;
      if (grievance >= p.breakingPoint) {
        this.collapse(`${p.name} walked away: grievance ${grievance.toFixed(2)} reached its breaking point ${p.breakingPoint}`);
        return;
      }
    }
    if (s.day >= s.phaseEndDay) {
      s.stage = 'phase-end';
      s.extensionCursor = 0;
      return;
    }
    this.endDay();
  }

  private endDay(): void {
    for (const party of this.model.parties) {
      const p = this.st.parties[party.id]!;
      p.grievance *= 1 - GRIEVANCE_DECAY;
      p.mediatorPressure *= 1 - MEDIATOR_PRESSURE_DECAY;
    }
    this.st.stage = 'day-start';
  }

  // ── the end of a phase ───────────────────────────────────────────────────

  /** Tries the phase's extension rules in order; returns a decision if a party must answer an offer. */
  private phaseEndStep(): Decision | undefined {
    const s = this.st;
    const phase = this.model.phases[s.phaseIndex]!;
    // Record hook: following the record, an extension happens only if recorded as agreed (no draw).
    const follow = followingToday(s);
    const agreed = follow && recordedExtension(this.model, s)?.agreed === true;
    while (s.extensionCursor < phase.extensionRules.length && s.phaseExtendedDays < phase.maxExtension) {
      const rule = phase.extensionRules[s.extensionCursor]!;
      const days = Math.min(rule.days, phase.maxExtension - s.phaseExtendedDays);
      if (!(days >= 1)) {
        // The schema allows no 0-day extension; were one to reach here, it would end this phase forever.
        s.extensionCursor += 1;
        continue;
      }
      if (rule.kind === 'per-release') {
        const held = s.stocks[rule.stock]!.held[rule.category] ?? 0;
        if (held > 0) {
          const p = this.probabilitiesFor(rule.party);
          const release = this.model.obligations[rule.release]!;
          return {
            kind: 'extension',
            day: s.day,
            party: rule.party,
            obligation: release.def.id,
            text: `${this.partyName(rule.party)} may ${describeObligation(this.model, release)} (${days} more day${days === 1 ? '' : 's'}).`,
            probabilities: { comply: p.comply, delay: 0, partial: 0, violate: 0, refuse: 1 - p.comply },
            allowed: ACCEPT_OR_DECLINE,
            ...(follow ? { recorded: true } : {}),
          };
        }
        s.extensionCursor += 1;
        continue;
      }
      const ruleIndex = s.extensionCursor;
      s.extensionCursor += 1;
      if (rule.kind === 'while') {
        if (follow ? agreed : rule.when(s) && this.draw(PURPOSE.extensionChance, phase.idHash, ruleIndex, s.day) < rule.chance) {
          this.extend(days, `the condition \`${rule.text}\` holds`, rule.source);
          return undefined;
        }
      } else if (follow ? agreed : (rule.when === undefined || rule.when(s)) && this.draw(PURPOSE.extensionChance, phase.idHash, ruleIndex, s.day) < rule.chance) {
        this.extend(days, `${this.partyName(rule.mediator)} brokered it`, rule.source);
        return undefined;
      }
    }
    // Record hook: the schedule ran out before the record's end: the truce holds, as recorded, until then.
    const end = follow ? recordedEndFollowed(this.model, s) : undefined;
    if (end && end.day > s.day) {
      if (!s.follow!.holding) this.record(() => ({ type: 'phase.ended', recorded: true, text: `The ${this.phaseName()}'s schedule is over, but no next phase begins: as recorded, the truce holds without it until day ${end.day}.`, source: end.source }));
      s.follow!.holding = true;
      s.phaseEndDay = s.day + 1;
      this.endDay();
      return undefined;
    }
    this.endPhase();
    return undefined;
  }

  private answerExtension(decision: Decision, choice: Response | undefined): void {
    const s = this.st;
    const phase = this.model.phases[s.phaseIndex]!;
    const rule = phase.extensionRules[s.extensionCursor]!;
    if (rule.kind !== 'per-release') throw new Error('no extension offer is pending');
    const recorded = choice === undefined && followingToday(s) ? recordedExtension(this.model, s) : undefined;
    const response = choice ?? (decision.recorded ? (recorded?.agreed ? 'comply' : 'refuse') : pickResponse(decision.probabilities, this.draw(PURPOSE.extensionOffer, phase.idHash, s.extensionCursor, s.day)));
    if (decision.recorded && choice === undefined) this.recordedNow = { note: recorded ? ` (as recorded${recorded.text ? `: ${recorded.text}` : ''})` : ' (not in the record: no extension)', source: recorded?.source, recorded: recorded !== undefined };
    const name = this.partyName(rule.party);
    const chosen = choice !== undefined ? true : undefined;
    if (response === 'comply') {
      this.record(() => ({ type: 'party.responded', party: rule.party, obligation: decision.obligation, response, chosen, text: `${name} agreed to release more to extend the truce.`, source: rule.source }));
      s.agenda.push(fresh(rule.release, s.day + 1));
      this.recordedNow = undefined;
      this.extend(Math.min(rule.days, phase.maxExtension - s.phaseExtendedDays), `${name} offered further releases`, rule.source);
      return;
    }
    this.record(() => ({ type: 'party.responded', party: rule.party, obligation: decision.obligation, response, chosen, text: `${name} declined to release more to extend the truce.`, source: rule.source }));
    this.recordedNow = undefined;
    s.extensionCursor += 1;
  }

  private extend(days: number, why: string, source: TraceEvent['source']): void {
    const s = this.st;
    s.phaseEndDay += days;
    s.phaseExtendedDays += days;
    s.counters.extensions += 1;
    s.counters.extensionDays += days;
    this.send({ type: 'phase.extended', days });
    this.record(() => ({ type: 'phase.extended', text: `The ${this.phaseName()} is extended by ${days} day${days === 1 ? '' : 's'}, to day ${s.phaseEndDay}: ${why}.`, source }));
    this.endDay();
  }

  private endPhase(): void {
    const s = this.st;
    const phase = this.model.phases[s.phaseIndex]!;
    const gateOpen = phase.gate ? phase.gate.requires(s) !== 0 : true;
    this.record(() => ({ type: 'phase.ended', text: phase.gate ? `The ${this.phaseName()} ends. Gate: ${phase.gate.text} — ${gateOpen ? 'met' : 'not met'}.` : `The ${this.phaseName()} ends.`, source: phase.gate?.source ?? phase.def.source }));
    this.send({ type: 'phase.end', gateOpen });
    const next = activePhase(this.machineSnapshot);
    if (next !== undefined) {
      this.enterPhase(this.model.phases.findIndex((p) => p.def.id === next));
      this.endDay();
      return;
    }
    if (!gateOpen) this.st.cause = `gate not met: ${phase.gate!.text}`;
    this.finish();
  }

  private enterPhase(index: number): void {
    const s = this.st;
    const phase = this.model.phases[index]!;
    s.phaseIndex = index;
    s.phaseStartDay = s.day + 1;
    s.phaseEndDay = s.day + phase.length;
    s.phaseExtendedDays = 0;
    s.extensionCursor = 0;
    for (const item of s.agenda) {
      if (this.model.obligations[item.obligation]!.phaseIndex < index) s.obligations[item.obligation]!.status = 'lapsed';
    }
    s.agenda = s.agenda.filter((item) => this.model.obligations[item.obligation]!.phaseIndex >= index);
    for (const { obligation, day } of phase.schedule) s.agenda.push(fresh(obligation, s.day + day));
    this.record(() => ({ type: 'phase.entered', text: `The ${this.phaseName()} begins: ${phase.length} days, to day ${s.phaseEndDay}.`, source: phase.def.source }));
  }

  private collapse(cause: string, source?: TraceEvent['source']): void {
    this.st.cause = cause;
    this.send({ type: 'truce.collapsed', day: this.st.day, cause });
    this.finish(source);
  }

  /** Ends the run with exactly one terminal trace event: `truce.collapsed` or `truce.ended`. */
  private finish(source?: TraceEvent['source']): void {
    const s = this.st;
    s.stage = 'over';
    s.today = [];
    s.agenda = [];
    s.reactions = [];
    if (!this.trace) return;
    const outcome = this.outcome()!;
    const finalPhase = this.model.phases.find((p) => p.def.id === outcome.phase)!.def;
    if (outcome.result === 'collapsed') {
      this.record(() => ({ type: 'truce.collapsed', text: `The truce collapses on day ${s.day}: ${outcome.cause}.`, source }));
    } else {
      const released = listPhrase(
        Object.entries(outcome.metrics.released).flatMap(([stock, byCategory]) => {
          const total = Object.values(byCategory).reduce((a, b) => a + b, 0);
          return total > 0 ? [`${total} ${this.model.scenario.stocks[stock]!.name ?? stock}`] : [];
        }),
      );
      this.record(() => ({ type: 'truce.ended', text: `${resultSentence(outcome, finalPhase.name ?? finalPhase.id)}${released ? ` Released in all: ${released}.` : ''}` }));
    }
  }

  private send(event: TruceEvent): void {
    const [next] = transition(this.model.machine, this.machineSnapshot, event);
    this.machineSnapshot = next;
    this.st.machine = { value: next.value, context: next.context };
  }

  // ── reading the run ──────────────────────────────────────────────────────

  /** From the day after `day`, the model answers instead of the record (a branch off the record). */
  leaveRecordAfter(day: number): void {
    if (this.st.follow) this.st.follow.until = Math.min(this.st.follow.until, day);
    if (this.pending?.recorded && this.st.day > day) this.pending = { ...this.pending, recorded: undefined };
  }

  /** The outcome once the run is over; undefined before. */
  outcome(): Outcome | undefined {
    const s = this.st;
    if (s.stage !== 'over') return undefined;
    const value = this.machineSnapshot.value;
    const terminal = typeof value === 'string' ? value : '';
    const result: OutcomeResult = ['completed', 'extended-then-completed', 'stalled', 'collapsed'].includes(terminal) ? (terminal as OutcomeResult) : 'advanced';
    return {
      result,
      phase: result === 'advanced' ? terminal : this.model.phases[s.phaseIndex]!.def.id,
      day: s.day,
      ...(s.cause !== undefined && (result === 'collapsed' || result === 'stalled') ? { cause: s.cause } : {}),
      metrics: this.metrics(),
    };
  }

  metrics(): Metrics {
    const s = this.st;
    const released: Metrics['released'] = {};
    for (const [id, stock] of Object.entries(s.stocks)) released[id] = { ...stock.released };
    const violations: Record<string, number> = {};
    const delays: Record<string, number> = {};
    for (const id of this.model.principals) {
      violations[id] = s.parties[id]!.violations;
      delays[id] = s.parties[id]!.delays;
    }
    return { days: s.day, released, ...s.counters, violations, delays };
  }

  private draw(purpose: Purpose, subject: number, a: number, b: number): number {
    return draw(this.st.key, purpose, subject, a, b);
  }

  private partyName(id: string): string {
    return this.model.partyById.get(id)?.name ?? id;
  }

  private phaseName(): string {
    const def = this.model.phases[this.st.phaseIndex]!.def;
    return def.name ?? def.id;
  }

  /** Adds a trace event; `make` runs only when a trace is kept, so batch runs build no sentences. */
  private record(make: () => Omit<TraceEvent, 'day' | 'phase'>): void {
    if (!this.trace) return;
    const full: TraceEvent = { day: this.st.day, phase: this.model.phases[this.st.phaseIndex]!.def.id, ...make() };
    // Record and date hook: recorded answers say so, with the record's source; days carry their dates.
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

/** An occurrence not yet made due: it gets its number when it enters a day's list. */
function fresh(obligation: number, day: number): AgendaItem {
  return { obligation, day, firstDue: day, occurrence: -1, attempt: 0 };
}

function byDueOrder(a: AgendaItem, b: AgendaItem): number {
  return a.firstDue - b.firstDue || a.obligation - b.obligation;
}

function resultSentence(outcome: Outcome, phaseName: string): string {
  switch (outcome.result) {
    case 'completed': return `The truce ran its full course to day ${outcome.day}.`;
    case 'extended-then-completed': return `The truce was extended (${outcome.metrics.extensionDays} extra days) and ran its course to day ${outcome.day}.`;
    case 'advanced': return `The agreement advanced to ${phaseName} after day ${outcome.day}.`;
    case 'stalled': return `The truce stalled on day ${outcome.day}: ${outcome.cause}.`;
    case 'collapsed': return `The truce collapsed on day ${outcome.day}: ${outcome.cause}.`;
  }
}
