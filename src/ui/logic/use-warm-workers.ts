/** The lab's workers, started and warmed up while the form is filled in. */
import { useEffect, useState } from 'react';
import { browserWorkerCount, warmWebWorkers } from '../../batch/index.ts';
import type { Scenario } from '../../scenario/core.ts';

/**
 * Starts `workers` workers (the cores the browser has, at most) and warms them up on `scenario`,
 * so Run computes at full speed at once; returns how many have finished warming up (the lab shows
 * it in `data-warm-workers`: `npm run bench:lab` waits for them, as a person reading the form would).
 */
export function useWarmWorkers(workers: number, scenario: Scenario | undefined): number {
  const [warm, setWarm] = useState(0);
  useEffect(() => warmWebWorkers(Math.min(workers, browserWorkerCount()), scenario, () => setWarm((n) => n + 1)), [workers, scenario]);
  return warm;
}
