import type { ResponseModel } from './response-model.ts';

const ALWAYS = Object.freeze({ comply: 1, delay: 0, partial: 0, violate: 0, refuse: 0 });

/** Every obligation is carried out in full, on time: for historical replays of an agreed schedule. */
export const alwaysComply: ResponseModel = {
  id: 'always-comply',
  probabilities: () => ALWAYS,
};
