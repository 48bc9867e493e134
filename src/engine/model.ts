/**
 * compile(scenario, parameters) → Model: the statechart plus everything the day loop needs with
 * names resolved to indices and parameters resolved to numbers, so a run does no lookups by text.
 */
import {
  BEHAVIOUR_MODELS,
  OBLIGATION_KINDS,
  own,
  parameterValueProblem,
  phaseOf,
  scheduledDays,
  type Incident,
  type NumberOrParameter,
  type Obligation,
  type Phase,
  type Scenario,
  type SourceRef,
} from '../scenario/index.ts';
import { compileCondition, type Condition } from './condition.ts';
import { initialTransition } from 'xstate';
import { buildTruceMachine, type TruceMachine, type TruceSnapshot } from './machine.ts';
import { ParameterError } from './parameter-error.ts';
import { nameHash } from './rng.ts';
import { RESPONSE_MODELS } from './policies/registry.ts';
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
  /** Whose grievance this obligation's failures raise. */
  counterpart?: string;
  def: Obligation;
  phaseIndex: number;
  /** Days of grace before a delayed obligation counts as violated. */
  grace: number;
  /** Obligations due when this one is carried out (`after`), in declaration order. */
  dependents: number[];
  /** Obligations due on the same day this one falls due (`alongside`). */
  alongside: number[];
  inReturnFor?: number;
  /** Units the paid-for release plans per occurrence (for quantity-based exchanges). */
  plannedUnits: number;
  trucks: number;
  people: number;
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
  gate?: { requires: Condition; text: string; source?: SourceRef };
}

export interface CompiledIncident {
  def: Incident;
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
  const num = (v: NumberOrParameter | undefined, fallback: number): number => {
    const value = v === undefined ? fallback : typeof v === 'number' ? v : own(params, v);
    // The load-time checks make this unreachable; a model must never carry NaN into a run.
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ParameterError(`\`${String(v)}\` is not a declared parameter or a finite number`);
    return value;
  };

  const obligationDefs: Obligation[] = [...scenario.obligations];
  const obligationIndex = new Map(obligationDefs.map((o, i) => [o.id, i]));
  const scope = { params, obligationIndex };
  const condition = (text: string) => compileCondition(text, scope);

  const principals = Object.entries(scenario.parties).filter(([, p]) => p.role === 'principal').map(([id]) => id);
  const parties: CompiledParty[] = Object.entries(scenario.parties).map(([id, p]) => {
    const modelId = p.behaviour?.model ?? 'state-dependent';
    const spec = own(BEHAVIOUR_MODELS, modelId);
    const responseModel = own(RESPONSE_MODELS, modelId);
    if (!spec || !responseModel) throw new ParameterError(`unknown response model \`${modelId}\` for party \`${id}\``);
    const settings = Object.create(null) as Record<string, number>;
    for (const [name, setting] of Object.entries(spec.settings)) {
      settings[name] = num(p.behaviour ? (own(p.behaviour, name) as NumberOrParameter | undefined) : undefined, setting.default);
    }
    return {
      id,
      name: p.name ?? id,
      role: p.role,
      counterpart: p.role === 'principal' ? (p.counterpart ?? principals.find((other) => other !== id)) : undefined,
      responseModel,
      settings,
      initial: { trust: num(p.trust, 0.5), grievance: num(p.grievance, 0), domesticPressure: num(p.domesticPressure, 0) },
      breakingPoint: num(p.breakingPoint, 1),
      pressure: num(p.pressure, 0.2),
      guarantees: p.guarantees,
      withdrawWhen: p.withdrawWhen ? condition(p.withdrawWhen) : undefined,
      redLines: p.redLines.map((line) => ({ id: line.id, text: line.text, when: condition(line.when), source: line.source })),
    };
  });

  const phases: CompiledPhase[] = scenario.phases.map((phase, index) => ({
    def: phase,
    index,
    length: phase.length ?? 0,
    maxExtension: phase.extensions?.max ?? 0,
    extensionRules: [],
    idHash: nameHash(phase.id),
    schedule: [],
    gate: phase.gate ? { requires: condition(phase.gate.requires), text: phase.gate.text ?? phase.gate.requires, source: phase.gate.source } : undefined,
  }));

  // Per-release extension rules become ordinary obligations the engine schedules itself.
  scenario.phases.forEach((phase, pi) => {
    phase.extensions?.rules.forEach((rule, ri) => {
      if ('mediator' in rule) {
        phases[pi]!.extensionRules.push({ kind: 'mediator', mediator: rule.mediator, when: rule.while !== undefined ? condition(rule.while) : undefined, days: rule.days, chance: num(rule.chance, 1), source: rule.source });
      } else if ('while' in rule) {
        phases[pi]!.extensionRules.push({ kind: 'while', when: condition(rule.while), days: rule.days, chance: num(rule.chance, 1), text: rule.while, source: rule.source });
      } else {
        const pr = rule.perRelease;
        const category = pr.category ?? Object.keys(scenario.stocks[pr.stock]!.count)[0]!;
        const releaseId = `${phase.id}-extension-${ri + 1}-release`;
        const release: Obligation = {
          id: releaseId,
          kind: 'release',
          party: pr.party,
          phase: phase.id,
          stock: pr.stock,
          quantity: { [category]: pr.count },
          text: `release ${pr.count} more ${scenario.stocks[pr.stock]!.name ?? pr.stock} to extend the truce`,
          source: rule.source,
          inReturnFor: undefined,
        };
        obligationIndex.set(releaseId, obligationDefs.length);
        obligationDefs.push(release);
        if (pr.exchange) {
          const exchangeId = `${phase.id}-extension-${ri + 1}-exchange`;
          obligationIndex.set(exchangeId, obligationDefs.length);
          obligationDefs.push({
            id: exchangeId,
            kind: 'exchange',
            party: pr.exchange.party,
            phase: phase.id,
            stock: pr.exchange.stock,
            ratio: pr.exchange.ratio,
            category: pr.exchange.category,
            after: releaseId,
            inReturnFor: releaseId,
            text: `release ${pr.exchange.ratio} ${scenario.stocks[pr.exchange.stock]!.name ?? pr.exchange.stock} per one released`,
            source: rule.source,
          });
        }
        phases[pi]!.extensionRules.push({ kind: 'per-release', party: pr.party, stock: pr.stock, category, count: pr.count, days: pr.days, release: obligationIndex.get(releaseId)!, source: rule.source });
      }
    });
  });

  const kinds = new Set<string>(OBLIGATION_KINDS);
  const obligations: CompiledObligation[] = obligationDefs.map((def, index) => {
    const phase = phaseOf(scenario, def);
    const paidFor = def.inReturnFor !== undefined ? obligationIndex.get(def.inReturnFor) : undefined;
    const paidForDef = paidFor !== undefined ? obligationDefs[paidFor] : undefined;
    const planned = paidForDef?.quantity === undefined ? 0 : typeof paidForDef.quantity === 'number' ? paidForDef.quantity : Object.values(paidForDef.quantity).reduce((a, b) => a + b, 0);
    return {
      index,
      id: def.id,
      kind: def.kind,
      party: def.party,
      counterpart: parties.find((p) => p.id === def.party)?.counterpart,
      def,
      phaseIndex: scenario.phases.indexOf(phase),
      grace: def.by !== undefined ? 0 : (def.grace ?? 3),
      dependents: [],
      alongside: [],
      inReturnFor: paidFor,
      plannedUnits: planned,
      trucks: num(def.trucks, 0),
      people: num(def.people, 0),
      synthetic: index >= scenario.obligations.length,
      idHash: nameHash(def.id),
    };
  });
  for (const o of obligations) {
    if (!o.synthetic) {
      const phase = phases[o.phaseIndex]!;
      for (const day of scheduledDays(o.def, phase.length)) phase.schedule.push({ obligation: o.index, day });
    }
    if (o.def.after !== undefined) obligations[obligationIndex.get(o.def.after)!]!.dependents.push(o.index);
    const along = o.def.alongside;
    if (along !== undefined) {
      for (const target of obligations) {
        if (target.index !== o.index && (kinds.has(along) ? target.def.kind === along : target.def.id === along)) target.alongside.push(o.index);
      }
    }
  }

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
    incidents: scenario.incidents.map((def) => ({ def, idHash: nameHash(def.id), chance: def.chance === undefined ? undefined : num(def.chance, 0), collapseChance: num(def.collapseChance, 0) })),
    start: {
      stocks: Object.entries(scenario.stocks).map(([id, stock]) => ({ id, categories: Object.keys(stock.count), counts: Object.values(stock.count) })),
      zones: Object.entries(scenario.zones).map(([id, zone]) => ({ id, heldBy: zone.heldBy })),
      crossings: Object.entries(scenario.crossings).map(([id, crossing]) => ({ id, open: crossing.open })),
    },
    maxDelay: Math.max(1, scenario.settings.maxDelay),
    reciprocity: num(scenario.settings.reciprocity, 0.2),
  };
}
