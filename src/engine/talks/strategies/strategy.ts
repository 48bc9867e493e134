import type { TalksSide } from '../compile.ts';

/** What a strategy knows when it sets the utility it aims at in a round. */
export interface StrategyView {
  /** 1-based round. */
  round: number;
  deadline: number;
  /** This side's accumulated pressure (levers, events), clamped to [−1, 1]. */
  pressure: number;
  /** The utility it aimed at last time it offered (1 before its first offer). */
  lastTarget: number;
  /** How much the other side's latest offer gained this side over the one before (≥ 0; 0 with fewer than two offers). */
  opponentConcession: number;
}

export interface TalksStrategy {
  /** The utility this side aims at in the view's round, before the floor. */
  target(side: TalksSide, view: StrategyView): number;
  /** The lowest utility it ever aims at or accepts. */
  floor(side: TalksSide, pressure: number): number;
}

/** Time elapsed as a share: 0 in round 1, 1 at the deadline (0 throughout when the deadline is round 1). */
export function elapsed(round: number, deadline: number): number {
  return deadline <= 1 ? 1 : Math.min(1, (round - 1) / (deadline - 1));
}

/** Pressure lowers the floor below the red-line package: a pressed side may cross red lines. */
export const pressedFloor = (_side: TalksSide, pressure: number): number => -pressure;
