/** Parties compiled for a run: response model and settings resolved, conditions compiled. */
import { BEHAVIOUR_MODELS, own, type NumberOrParameter, type Scenario } from '../scenario/core.ts';
import type { Condition } from './condition.ts';
import type { CompiledParty, NumberReader } from './model.ts';
import { ParameterError } from './parameter-error.ts';
import { RESPONSE_MODELS } from './policies/registry.ts';
import type { ResponseModel } from './policies/response-model.ts';

export function compileParties(scenario: Scenario, num: NumberReader, condition: (text: string) => Condition): { parties: CompiledParty[]; principals: string[] } {
  const principals = Object.entries(scenario.parties).filter(([, p]) => p.role === 'principal').map(([id]) => id);
  const parties: CompiledParty[] = Object.entries(scenario.parties).map(([id, p]) => {
    const { responseModel, settings } = compileBehaviour(p.behaviour?.model ?? 'state-dependent', p.behaviour, undefined, num, `party \`${id}\``);
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
  return { parties, principals };
}

/**
 * A response model and its settings: each setting from `values`, else from `base` (the party's,
 * when a term overrides some of its party's settings under the same model), else the default.
 */
export function compileBehaviour(modelId: string, values: Readonly<Record<string, unknown>> | undefined, base: Readonly<Record<string, number>> | undefined, num: NumberReader, whose: string): { responseModel: ResponseModel; settings: Record<string, number> } {
  const spec = own(BEHAVIOUR_MODELS, modelId);
  const responseModel = own(RESPONSE_MODELS, modelId);
  if (!spec || !responseModel) throw new ParameterError(`unknown response model \`${modelId}\` for ${whose}`);
  const settings = Object.create(null) as Record<string, number>;
  for (const [name, setting] of Object.entries(spec.settings)) {
    settings[name] = num(values ? (own(values, name) as NumberOrParameter | undefined) : undefined, base?.[name] ?? setting.default);
  }
  return { responseModel, settings };
}
