import { referenceHint } from './near-match.ts';
import { own } from './own.ts';
import type { Scenario } from './schema.ts';

/** Why a value cannot be given to a scenario's parameter, as a message and a hint. */
export interface ParameterValueProblem {
  message: string;
  hint?: string;
}

/**
 * The one check of a parameter value (engine overrides, batch sweeps and sets, the UI's field):
 * the name is declared (own properties only, so `constructor` is unknown like any other name) and
 * the value is a finite number inside the declared range. Undefined when the value is allowed.
 */
export function parameterValueProblem(scenario: Scenario, id: string, value: unknown): ParameterValueProblem | undefined {
  const declared = own(scenario.parameters, id);
  if (!declared) return { message: `unknown parameter \`${id}\``, hint: referenceHint('parameter', id, Object.keys(scenario.parameters)) };
  const [lo, hi] = declared.range;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { message: `parameter \`${id}\` must be a finite number, not ${String(value)}`, hint: `values of ${id} go from ${lo} to ${hi}` };
  if (value < lo || value > hi) return { message: `parameter \`${id}\` = ${value} is outside its range [${lo}, ${hi}]`, hint: `values of ${id} go from ${lo} to ${hi}` };
  return undefined;
}
