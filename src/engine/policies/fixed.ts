import { normalise } from '../response.ts';
import type { ResponseModel } from './response-model.ts';

/** Fixed weights, whatever happens: the responses' weights are normalised to sum to 1. */
export const fixed: ResponseModel = {
  id: 'fixed',
  probabilities: (_party, s) =>
    normalise({ comply: s.comply!, delay: s.delay!, partial: s.partial!, violate: s.violate!, refuse: s.refuse! }),
};
