/** Concedes, in its own utility, what the other side's last move gained it (at least `min-step`), scaled by 1 + pressure. */
import { pressedFloor, type TalksStrategy } from './strategy.ts';

export const titForTat: TalksStrategy = {
  target: (side, view) => (view.round <= 2 ? 1 : view.lastTarget - (1 + view.pressure) * Math.max(side.minStep, view.opponentConcession)),
  floor: pressedFloor,
};
