import { normalise, type ResponseProbabilities } from '../response.ts';
import type { ResponseModel } from './response-model.ts';

/** The normalised weights of each settings object, worked out once: they never change. */
const normalised = new WeakMap<Readonly<Record<string, number>>, ResponseProbabilities>();

/** Fixed weights, whatever happens: the responses' weights are normalised to sum to 1. */
export const fixed: ResponseModel = {
  id: 'fixed',
  probabilities: (_party, s) => {
    let p = normalised.get(s);
    if (!p) normalised.set(s, (p = Object.freeze(normalise({ comply: s.comply!, delay: s.delay!, partial: s.partial!, violate: s.violate!, refuse: s.refuse! }))));
    return p;
  },
};
