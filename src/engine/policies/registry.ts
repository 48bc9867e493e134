import { alwaysComply } from './always-comply.ts';
import { fixed } from './fixed.ts';
import type { ResponseModel } from './response-model.ts';
import { stateDependent } from './state-dependent.ts';

/** Response models by the id a scenario names under `behaviour.model`. */
export const RESPONSE_MODELS: Readonly<Record<string, ResponseModel>> = {
  [alwaysComply.id]: alwaysComply,
  [fixed.id]: fixed,
  [stateDependent.id]: stateDependent,
};
