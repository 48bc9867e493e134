/**
 * Starts the debrief's work in a Web Worker, so the page never blocks; `stop` terminates it.
 * Where there are no workers (unit tests in jsdom), the same work runs on the page after a tick.
 */
import { runDebrief, type FromDebriefWorker, type ToDebriefWorker } from './debrief-serve.ts';
import type { DebriefRequest } from './debrief-compute.ts';

export function startDebrief(request: DebriefRequest, onMessage: (message: FromDebriefWorker) => void): () => void {
  if (typeof Worker === 'undefined') {
    let stopped = false;
    const timer = setTimeout(() => {
      try {
        runDebrief(request, (m) => !stopped && onMessage(m));
      } catch (error) {
        if (!stopped) onMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    }, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
  const worker = new Worker(new URL('./debrief-worker.ts', import.meta.url), { type: 'module', name: 'parley debrief' });
  worker.onmessage = (event: MessageEvent<FromDebriefWorker>) => onMessage(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    onMessage({ type: 'failed', message: `the debrief's worker failed: ${event.message || 'it could not start'}` });
  };
  worker.postMessage({ type: 'start', request } satisfies ToDebriefWorker);
  return () => worker.terminate();
}
