/** The work behind the editor's worker (editor-worker.ts), apart from the worker's global scope so it can be tested. */
import { Aggregate, playthroughCheck, type Finding } from '../../batch/index.ts';
import { compile } from '../../engine/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { checkDraft, type DraftCheck } from './editor-check.ts';
import { foldRuns, summariseQuickBatch, type ExampleRun, type QuickBatchResult } from './quick-batch.ts';

export type EditorRequest =
  | { type: 'check'; id: number; text: string; file: string }
  | { type: 'batch'; id: number; text: string; file: string; runs: number; seed: string; params: Record<string, number> }
  | { type: 'lint'; id: number; text: string; file: string; runs: number; seed: string };

export type EditorAnswer =
  | { type: 'check'; id: number; check: DraftCheck }
  | { type: 'batch'; id: number; result?: QuickBatchResult; error?: string }
  | { type: 'lint'; id: number; findings?: Finding[]; error?: string }
  | { type: 'stale'; id: number };

/** Runs `runs` seeded runs of the text's scenario in one go (a worker may block). */
export function quickBatchOf(request: Extract<EditorRequest, { type: 'batch' }>): { result?: QuickBatchResult; error?: string } {
  const loaded = loadScenario(request.text, request.file);
  if (!loaded.ok) return { error: 'the draft has problems; fix them to run it' };
  const started = performance.now();
  try {
    const model = compile(loaded.scenario, { ...request.params });
    const aggregate = new Aggregate([]);
    const examples: Record<string, ExampleRun[]> = {};
    foldRuns(model, request.seed, 0, request.runs, aggregate, examples);
    const input = { scenario: loaded.scenario, file: request.file, params: request.params, seed: request.seed, runs: request.runs };
    return { result: summariseQuickBatch(input, aggregate.toData(), examples, performance.now() - started) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The playthrough check of the text (`parley lint`). */
export function lintOf(request: Extract<EditorRequest, { type: 'lint' }>): { findings?: Finding[]; error?: string } {
  const loaded = loadScenario(request.text, request.file);
  if (!loaded.ok) return { error: 'the draft has problems; fix them to check its playthroughs' };
  try {
    return { findings: playthroughCheck(loaded.scenario, request.text, { runs: request.runs, seed: request.seed }) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export function answer(request: EditorRequest): EditorAnswer {
  if (request.type === 'check') return { type: 'check', id: request.id, check: checkDraft(request.text, request.file) };
  if (request.type === 'lint') return { type: 'lint', id: request.id, ...lintOf(request) };
  return { type: 'batch', id: request.id, ...quickBatchOf(request) };
}

interface Scope {
  onmessage: ((event: MessageEvent<EditorRequest>) => void) | null;
  postMessage(message: EditorAnswer): void;
}

export function serveEditorRequests(scope: Scope): void {
  const pending = new Map<EditorRequest['type'], EditorRequest>();
  let scheduled = false;
  const work = () => {
    scheduled = false;
    for (const [type, request] of [...pending]) {
      pending.delete(type);
      scope.postMessage(answer(request));
    }
  };
  scope.onmessage = (event) => {
    const request = event.data;
    const older = pending.get(request.type);
    if (older) scope.postMessage({ type: 'stale', id: older.id });
    pending.set(request.type, request);
    if (!scheduled) {
      scheduled = true;
      setTimeout(work, 0);
    }
  };
}
