/**
 * Phases compiled for a run, with their extension rules. A `per-release` rule becomes ordinary
 * obligations the engine schedules itself: a release (and the exchange it pays for), appended
 * to `defs` after the scenario's own.
 */
import { perReleaseIds, type Obligation, type Scenario } from '../scenario/core.ts';
import type { Condition } from './condition.ts';
import { whole, type CompiledPhase, type NumberReader } from './model.ts';
import { nameHash } from './rng.ts';

type ExtensionRuleDef = NonNullable<Scenario['phases'][number]['extensions']>['rules'][number];

export function compileExtensions(scenario: Scenario, num: NumberReader, condition: (text: string) => Condition, defs: Obligation[], obligationIndex: Map<string, number>): CompiledPhase[] {
  const phases: CompiledPhase[] = scenario.phases.map((phase, index) => ({
    def: phase,
    index,
    length: phase.length ?? 0,
    maxExtension: whole(num, phase.extensions?.max, 0),
    extensionRules: [],
    idHash: nameHash(phase.id),
    schedule: [],
    endsWhen: phase.endsWhen !== undefined ? condition(phase.endsWhen) : undefined,
    openEnded: !phase.final && phase.length === undefined && phase.endsWhen !== undefined,
    watch: [],
    duringExtension: [],
    gate: phase.gate ? { requires: condition(phase.gate.requires), text: phase.gate.text ?? phase.gate.requires, source: phase.gate.source } : undefined,
  }));
  scenario.phases.forEach((phase, pi) => {
    phase.extensions?.rules.forEach((rule, ri) => {
      phases[pi]!.extensionRules.push(compileRule(scenario, phase.id, rule, ri, num, condition, defs, obligationIndex));
    });
  });
  return phases;
}

function compileRule(scenario: Scenario, phaseId: string, rule: ExtensionRuleDef, ri: number, num: NumberReader, condition: (text: string) => Condition, defs: Obligation[], obligationIndex: Map<string, number>): CompiledPhase['extensionRules'][number] {
  if ('mediator' in rule) return { kind: 'mediator', mediator: rule.mediator, when: rule.while !== undefined ? condition(rule.while) : undefined, days: whole(num, rule.days, 1), chance: num(rule.chance, 1), source: rule.source };
  if ('while' in rule) return { kind: 'while', when: condition(rule.while), days: whole(num, rule.days, 1), chance: num(rule.chance, 1), text: rule.while, source: rule.source };
  const pr = rule.perRelease;
  const stockName = (id: string) => scenario.stocks[id]!.name ?? id;
  const category = pr.category ?? Object.keys(scenario.stocks[pr.stock]!.count)[0]!;
  const count = whole(num, pr.count, 1);
  const { release: releaseId, exchange: exchangeId } = perReleaseIds(phaseId, ri);
  obligationIndex.set(releaseId, defs.length);
  defs.push({ id: releaseId, kind: 'release', party: pr.party, phase: phaseId, stock: pr.stock, quantity: { [category]: count }, text: `release ${count} more ${stockName(pr.stock)} to extend the truce`, source: rule.source });
  if (pr.exchange) {
    obligationIndex.set(exchangeId, defs.length);
    defs.push({
      id: exchangeId,
      kind: 'exchange',
      party: pr.exchange.party,
      phase: phaseId,
      stock: pr.exchange.stock,
      ratio: pr.exchange.ratio,
      category: pr.exchange.category,
      after: releaseId,
      inReturnFor: releaseId,
      text: `release ${num(pr.exchange.ratio, 0)} ${stockName(pr.exchange.stock)} per one released`,
      source: rule.source,
    });
  }
  return { kind: 'per-release', party: pr.party, stock: pr.stock, category, count, days: whole(num, pr.days, 1), release: obligationIndex.get(releaseId)!, source: rule.source };
}
