/** Concedes linearly from 1 to its `line` and never below it; pressure does not move it. */
import { elapsed, type TalksStrategy } from './strategy.ts';

export const hardLiner: TalksStrategy = {
  target: (side, view) => 1 - (1 - side.line) * elapsed(view.round, view.deadline),
  floor: (side) => side.line,
};
