import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { DEFAULT_QUICK_RUNS, runQuickBatch, type QuickBatchInput, type QuickBatchResult } from '../logic/quick-batch.ts';

export type QuickBatchStatus = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'failed'; message: string };

/**
 * One quick batch at a time: its size, progress and result, Start and Stop. A batch belongs to its
 * scenario: it is stopped when another scenario opens or the page closes.
 */
export function useQuickBatchRun({ scenario, file, params, seed, recordUntil }: Omit<QuickBatchInput, 'runs' | 'recordUntil'> & { recordUntil: number | undefined }) {
  const [runs, setRuns] = useState<number>(DEFAULT_QUICK_RUNS);
  const [status, setStatus] = useState<QuickBatchStatus>({ kind: 'idle' });
  const [result, setResult] = useState<QuickBatchResult>();
  const abort = useRef<AbortController | undefined>(undefined);
  // After Stop, the Run button that replaces it takes the focus (for keyboard users).
  const focusRunWhenShown = useRef(false);
  const runButton = (button: HTMLButtonElement | null) => {
    if (button && focusRunWhenShown.current) {
      focusRunWhenShown.current = false;
      button.focus();
    }
  };
  useEffect(() => () => abort.current?.abort(), [scenario]);

  const start = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running', done: 0, total: runs });
    try {
      const out = await runQuickBatch(
        { scenario, file, params, seed, runs, ...(recordUntil !== undefined ? { recordUntil } : {}) },
        { signal: controller.signal, onProgress: (done, total) => !controller.signal.aborted && setStatus({ kind: 'running', done, total }) },
      );
      if (controller.signal.aborted || !out) return;
      setResult(out);
      setStatus({ kind: 'idle' });
    } catch (error) {
      if (!controller.signal.aborted) setStatus({ kind: 'failed', message: (error as Error).message });
    }
  };
  const stop = (event: MouseEvent) => {
    event.preventDefault();
    abort.current?.abort();
    setStatus({ kind: 'idle' });
    focusRunWhenShown.current = true;
  };
  /** Forget the result and status (another scenario opened). */
  const reset = () => {
    setResult(undefined);
    setStatus({ kind: 'idle' });
  };
  return { runs, setRuns, status, result, runButton, start, stop, reset };
}
