/** Boulware (e < 1), linear (e = 1), conceder (e > 1): target = 1 − (1 + pressure)·elapsed^(1/e). */
import { elapsed, pressedFloor, type TalksStrategy } from './strategy.ts';

export const timeBased: TalksStrategy = {
  target: (side, view) => 1 - (1 + view.pressure) * Math.pow(elapsed(view.round, view.deadline), 1 / side.e),
  floor: pressedFloor,
};
