/**
 * compile(scenario, parameters) → Model: the statechart plus everything the day loop needs with
 * names resolved to indices and parameters resolved to numbers, so a run does no lookups by text.
 */
import {
  BOUNDS,
  isObligationKind,
  moduleOf,
  own,
  parameterValueProblem,
  phaseOf,
  reportedCounters,
  scheduledDays,
  type AnyKindModule,
  type Incident,
  type NumberOrParameter,
  type Obligation,
  type Phase,
  type Scenario,
  type SourceRef,
  type WordingContext,
} from '../scenario/core.ts';
import { compileCondition, type Condition } from './condition.ts';
import { initialTransition } from 'xstate';
import { compileExtensions } from './compile-extensions.ts';
import { compileBehaviour, compileParties } from './compile-parties.ts';
import { buildTruceMachine, type TruceMachine, type TruceSnapshot } from './machine.ts';
import { ParameterError } from './parameter-error.ts';
import { nameHash } from './rng.ts';
import type { ResponseModel } from './policies/response-model.ts';

export interface CompiledParty {
  id: string;
  name: string;
  role: 'principal' | 'mediator' | 'guarantor';
  counterpart?: string;
  responseModel: ResponseModel;
  settings: Record<string, number>;
  initial: { trust: number; grievance: number; domesticPressure: number };
  breakingPoint: number;
  pressure: number;
  guarantees?: string;
  withdrawWhen?: Condition;
  redLines: { id: string; text: string; when: Condition; source?: SourceRef }[];
}

export interface CompiledObligation {
  index: number;
  /** Copies of `def.id`, `def.kind`, `def.party` as plain fields: the day loop reads them constantly. */
  id: string;
  kind: Obligation['kind'];
  party: string;
  /** The kind's module: its effect, wording and track. */
  module: AnyKindModule;
  /** Whose grievance this obligation's failures raise. */
  counterpart?: string;
  def: Obligation;
  phaseIndex: number;
  /** Days of grace before a delayed obligation counts as violated. */
  grace: number;
  /** The term's own response model and settings (`behaviour:` on the obligation); absent: the party's. */
  behaviour?: { responseModel: ResponseModel; settings: Record<string, number> };
  /** Grievance this term's delay, partial execution and failure add to the counterpart. */
  grievance: { delay: number; partial: number; violate: number };
  /** Obligations due when this one is carried out (`after`), in declaration order. */
  dependents: number[];
  /** Obligations due on the same day this one falls due (`alongside`). */
  alongside: number[];
  /** `when: <condition>`: due on the first day of its phase this holds. */
  when?: Condition;
  inReturnFor?: number;
  /** Units the paid-for release plans per occurrence (for quantity-based exchanges). */
  plannedUnits: number;
  /** Made by the engine for a `per-release` extension rule rather than written in the scenario. */
  synthetic: boolean;
  /** `nameHash(id)`: the subject of this obligation's draws. */
  idHash: number;
}

export type CompiledExtensionRule =
  | { kind: 'while'; when: Condition; days: number; chance: number; text: string; source?: SourceRef }
  | { kind: 'mediator'; mediator: string; when?: Condition; days: number; chance: number; source?: SourceRef }
  | { kind: 'per-release'; party: string; stock: string; category: string; count: number; days: number; release: number; source?: SourceRef };

export interface CompiledPhase {
  def: Phase;
  index: number;
  length: number;
  maxExtension: number;
  extensionRules: CompiledExtensionRule[];
  /** `nameHash(def.id)`: the subject of this phase's extension draws. */
  idHash: number;
  /** Fixed-schedule occurrences in this phase: obligation index and phase day, in declaration order. */
  schedule: { obligation: number; day: number }[];
  /** `ends-when`: the phase ends at the end of the first day this holds. */
  endsWhen?: Condition;
  /** No `length`: the phase runs until `ends-when` holds, at most to truce day BOUNDS.truceDays. */
  openEnded: boolean;
  /** Obligations of this phase timed `when: <condition>`, in declaration order. */
  watch: number[];
  /** Obligations of this phase timed `during: extension`: due on each day an extension adds. */
  duringExtension: number[];
  gate?: { requires: Condition; text: string; source?: SourceRef };
}

/** What an incident adds to one party's state, parameters resolved. */
export interface IncidentEffect {
  party: string;
  trust: number;
  grievance: number;
  domesticPressure: number;
  pressure: number;
}

export interface CompiledIncident {
  def: Incident;
  effects: IncidentEffect[];
  /** `nameHash(def.id)`: the subject of this incident's draws. */
  idHash: number;
  chance?: number;
  collapseChance: number;
}

export interface Model {
  scenario: Scenario;
  params: Readonly<Record<string, number>>;
  machine: TruceMachine;
  /** The machine's initial snapshot, computed once: snapshots are immutable values. */
  initialMachineSnapshot: TruceSnapshot;
  parties: CompiledParty[];
  partyById: ReadonlyMap<string, CompiledParty>;
  principals: string[];
  principalParties: CompiledParty[];
  /** Mediators and guarantors, who add pressure on a violator. */
  brokers: string[];
  obligations: CompiledObligation[];
  obligationIndex: ReadonlyMap<string, number>;
  phases: CompiledPhase[];
  incidents: CompiledIncident[];
  /** What a run starts with, as plain arrays (fast to copy). */
  start: {
    stocks: { id: string; categories: string[]; counts: number[] }[];
    zones: { id: string; heldBy: string }[];
    crossings: { id: string; open: boolean }[];
  };
  maxDelay: number;
  reciprocity: number;
  /** Share of each party's grievance that fades at the end of a day (docs/model.md, "Why the defaults"). */
  grievanceDecay: number;
  /** Counter names this scenario's runs report, in metrics order. */
  counters: readonly string[];
  /** Names and parameter values for wording and effects. */
  names: WordingContext;
}

/** Resolves a number or a parameter id with the run's parameter values. */
export type NumberReader = (v: NumberOrParameter | undefined, fallback: number) => number;

/** Whole days or a whole count from a number or a parameter: a parameter's value is rounded to the nearest whole number (Math.round). */
export function whole(num: NumberReader, v: NumberOrParameter | undefined, fallback: number): number {
  return Math.round(num(v, fallback));
}

/**
 * Parameter values: every declared parameter's default, overridden by `overrides`. Names are
 * looked up as own properties only and the result has no prototype, so `constructor` or
 * `__proto__` is an unknown parameter like any other.
 */
export function resolveParameters(scenario: Scenario, overrides: Readonly<Record<string, number>> = {}): Record<string, number> {
  const params = Object.create(null) as Record<string, number>;
  for (const [id, p] of Object.entries(scenario.parameters)) params[id] = p.default;
  for (const [id, value] of Object.entries(overrides)) {
    const problem = parameterValueProblem(scenario, id, value);
    if (problem) throw new ParameterError(problem.message, problem.hint);
    params[id] = value;
  }
  return params;
}

export function compile(scenario: Scenario, overrides: Readonly<Record<string, number>> = {}): Model {
  const params = resolveParameters(scenario, overrides);
  const num: NumberReader = (v, fallback) => {
    const value = v === undefined ? fallback : typeof v === 'number' ? v : own(params, v);
    // The load-time checks make this unreachable; a model must never carry NaN into a run.
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParameterError(`\`${String(v)}\` is not a declared parameter or a finite number`);
    return value;
  };

  const obligationDefs: Obligation[] = [...scenario.obligations];
  const obligationIndex = new Map(obligationDefs.map((o, i) => [o.id, i]));
  const stockCategories = new Map(Object.entries(scenario.stocks).map(([id, stock]) => [id, Object.keys(stock.count)]));
  const condition = (text: string) => compileCondition(text, { params, obligationIndex, stockCategories });
  const { parties, principals } = compileParties(scenario, num, condition);
  const phases = compileExtensions(scenario, num, condition, obligationDefs, obligationIndex);
  const obligations = compileObligations(scenario, obligationDefs, obligationIndex, parties, phases, num, condition);
  const machine = buildTruceMachine(scenario.phases);
  return {
    scenario,
    params,
    machine,
    initialMachineSnapshot: initialTransition(machine)[0],
    parties,
    partyById: new Map(parties.map((p) => [p.id, p])),
    principals,
    principalParties: parties.filter((p) => p.role === 'principal'),
    brokers: parties.filter((p) => p.role !== 'principal').map((p) => p.id),
    obligations,
    obligationIndex,
    phases,
    incidents: scenario.incidents.map((def) => ({
      def,
      effects: Object.entries(def.effects).map(([party, e]) => ({ party, trust: num(e.trust, 0), grievance: num(e.grievance, 0), domesticPressure: num(e['domestic-pressure'], 0), pressure: num(e.pressure, 0) })),
      idHash: nameHash(def.id),
      chance: def.chance === undefined ? undefined : num(def.chance, 0),
      collapseChance: num(def.collapseChance, 0),
    })),
    start: {
      stocks: Object.entries(scenario.stocks).map(([id, stock]) => ({ id, categories: Object.keys(stock.count), counts: Object.values(stock.count) })),
      zones: Object.entries(scenario.zones).map(([id, zone]) => ({ id, heldBy: zone.heldBy })),
      crossings: Object.entries(scenario.crossings).map(([id, crossing]) => ({ id, open: crossing.open })),
    },
    maxDelay: Math.max(1, whole(num, scenario.settings.maxDelay, 3)),
    reciprocity: num(scenario.settings.reciprocity, 0.2),
    grievanceDecay: num(scenario.settings.grievanceDecay, 0.05),
    counters: reportedCounters(new Set(obligationDefs.map((o) => o.kind))),
    names: {
      stockName: (id) => own(scenario.stocks, id)?.name ?? id,
      zoneName: (id) => own(scenario.zones, id)?.name ?? id,
      crossingName: (id) => own(scenario.crossings, id)?.name ?? id,
      number: (v) => num(v, 0),
      whole: (v) => whole(num, v, 0),
    },
  };
}

/** A term's behaviour: its own settings over its party's (same model), or another model's defaults. */
function termBehaviour(def: Obligation, parties: readonly CompiledParty[], num: NumberReader): CompiledObligation['behaviour'] {
  if (!def.behaviour) return undefined;
  const party = parties.find((p) => p.id === def.party);
  const modelId = def.behaviour.model ?? party?.responseModel.id ?? 'state-dependent';
  const base = party && party.responseModel.id === modelId ? party.settings : undefined;
  return compileBehaviour(modelId, def.behaviour, base, num, `obligation \`${def.id}\``);
}

function compileObligations(scenario: Scenario, defs: readonly Obligation[], obligationIndex: ReadonlyMap<string, number>, parties: readonly CompiledParty[], phases: readonly CompiledPhase[], num: NumberReader, condition: (text: string) => Condition): CompiledObligation[] {
  const reciprocity = num(scenario.settings.reciprocity, 0.2);
  const obligations: CompiledObligation[] = defs.map((def, index) => {
    const module = moduleOf(def);
    const paysFor = module.stock?.(def)?.inReturnFor;
    const paidFor = paysFor !== undefined ? obligationIndex.get(paysFor) : undefined;
    const paidForDef = paidFor !== undefined ? defs[paidFor] : undefined;
    const paidForTerms = paidForDef ? moduleOf(paidForDef).stock?.(paidForDef) : undefined;
    const planned = paidForTerms?.quantity === undefined ? 0 : typeof paidForTerms.quantity !== 'object' ? whole(num, paidForTerms.quantity, 0) : Object.values(paidForTerms.quantity).reduce<number>((sum, q) => sum + whole(num, q, 0), 0);
    return {
      index,
      id: def.id,
      kind: def.kind,
      party: def.party,
      module,
      counterpart: parties.find((p) => p.id === def.party)?.counterpart,
      def,
      phaseIndex: scenario.phases.indexOf(phaseOf(scenario, def)),
      grace: def.by !== undefined ? 0 : whole(num, def.grace, 3),
      behaviour: termBehaviour(def, parties, num),
      grievance: {
        delay: num(def.grievance?.delay, reciprocity * 0.25),
        partial: num(def.grievance?.partial, reciprocity * 0.5),
        violate: num(def.grievance?.violate, reciprocity),
      },
      dependents: [],
      alongside: [],
      when: def.when !== undefined ? condition(def.when) : undefined,
      inReturnFor: paidFor,
      plannedUnits: planned,
      synthetic: index >= scenario.obligations.length,
      idHash: nameHash(def.id),
    };
  });
  for (const o of obligations) {
    if (!o.synthetic) {
      const phase = phases[o.phaseIndex]!;
      // An open-ended phase's `every` runs to the truce's bound unless `until` says otherwise.
      for (const day of scheduledDays(o.def, phase.openEnded ? BOUNDS.truceDays : phase.length)) phase.schedule.push({ obligation: o.index, day });
      if (o.when) phase.watch.push(o.index);
      if (o.def.during === 'extension') phase.duringExtension.push(o.index);
    }
    if (o.def.after !== undefined) obligations[obligationIndex.get(o.def.after)!]!.dependents.push(o.index);
    const along = o.def.alongside;
    if (along !== undefined) {
      const byKind = isObligationKind(along);
      for (const target of obligations) {
        if (target.index !== o.index && (byKind ? target.def.kind === along : target.def.id === along)) target.alongside.push(o.index);
      }
    }
  }
  return obligations;
}
