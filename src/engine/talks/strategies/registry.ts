import type { TalksStrategyName } from '../../../scenario/core.ts';
import { hardLiner } from './hard-liner.ts';
import { timeBased } from './time-based.ts';
import { titForTat } from './tit-for-tat.ts';
import type { TalksStrategy } from './strategy.ts';

export const TALKS_STRATEGY_REGISTRY: Record<TalksStrategyName, TalksStrategy> = {
  boulware: timeBased,
  linear: timeBased,
  conceder: timeBased,
  'tit-for-tat': titForTat,
  'hard-liner': hardLiner,
};
