/**
 * The debrief's background work as React state: starts the worker for a request, folds its
 * messages into what the page shows, and stops it when the request changes or the page closes.
 */
import { useEffect, useState } from 'react';
import { startDebrief } from './debrief-client.ts';
import type { ChoiceImpact, DebriefDistribution, DebriefRequest } from './debrief-compute.ts';

export interface DebriefWork {
  done: number;
  total: number;
  distribution?: DebriefDistribution;
  impacts: ChoiceImpact[];
  finished: boolean;
  error?: string;
}

const START: DebriefWork = { done: 0, total: 0, impacts: [], finished: false };

/** `request` undefined: nothing to do (the run is not over). Keep `request` stable (useMemo) across renders. */
export function useDebriefWork(request: DebriefRequest | undefined): DebriefWork {
  const [work, setWork] = useState<{ for?: DebriefRequest; state: DebriefWork }>({ state: START });
  useEffect(() => {
    if (!request) return;
    const update = (f: (w: DebriefWork) => DebriefWork) => setWork((w) => ({ for: request, state: f(w.for === request ? w.state : START) }));
    return startDebrief(request, (m) => {
      if (m.type === 'progress') update((w) => ({ ...w, done: m.done, total: m.total }));
      else if (m.type === 'distribution') update((w) => ({ ...w, distribution: m.distribution }));
      else if (m.type === 'impact') update((w) => ({ ...w, impacts: [...w.impacts, m.impact] }));
      else if (m.type === 'done') update((w) => ({ ...w, finished: true }));
      else update((w) => ({ ...w, error: m.message, finished: true }));
    });
  }, [request]);
  return work.for === request ? work.state : START;
}
