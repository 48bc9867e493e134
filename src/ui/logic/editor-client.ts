/**
 * The page's side of the editor worker: a request returns a promise of its answer, or of
 * `undefined` when a newer request of the same type replaced it before it was worked on.
 * The worker starts on the first request and again after `close`.
 */
import type { Finding } from '../../batch/index.ts';
import type { DraftCheck } from './editor-check.ts';
import type { EditorAnswer, EditorRequest } from './editor-serve.ts';
import type { QuickBatchResult } from './quick-batch.ts';

type Waiting = (answer: EditorAnswer) => void;

type Omitted<T> = T extends unknown ? Omit<T, 'id'> : never;

export class EditorClient {
  private worker: Worker | undefined;
  private next = 1;
  private waiting = new Map<number, Waiting>();

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./editor-worker.ts', import.meta.url), { type: 'module', name: 'parley editor' });
    worker.onmessage = (event: MessageEvent<EditorAnswer>) => {
      const done = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      done?.(event.data);
    };
    this.worker = worker;
    return worker;
  }

  private ask(request: Omitted<EditorRequest>): Promise<EditorAnswer> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.started().postMessage({ ...request, id } as EditorRequest);
    });
  }

  async check(text: string, file: string): Promise<DraftCheck | undefined> {
    const answer = await this.ask({ type: 'check', text, file });
    return answer.type === 'check' ? answer.check : undefined;
  }

  async batch(text: string, file: string, runs: number, seed: string, params: Record<string, number>): Promise<{ result?: QuickBatchResult; error?: string } | undefined> {
    const answer = await this.ask({ type: 'batch', text, file, runs, seed, params });
    return answer.type === 'batch' ? answer : undefined;
  }

  async lint(text: string, file: string, runs: number, seed: string): Promise<{ findings?: Finding[]; error?: string } | undefined> {
    const answer = await this.ask({ type: 'lint', text, file, runs, seed });
    return answer.type === 'lint' ? answer : undefined;
  }

  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const done of this.waiting.values()) done({ type: 'stale', id: 0 });
    this.waiting.clear();
  }
}
