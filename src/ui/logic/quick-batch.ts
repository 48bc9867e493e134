/**
 * Quick batch: many seeded runs of the open scenario with the page's assumptions, in the browser.
 * Runs are folded into src/batch's `Aggregate` (the tally the CLI's `parley batch` folds), and the
 * numbers come from src/batch's `wilson`, `describe` and `survival`, so they equal what
 * `parley batch FILE --runs N --seed S --set k=v …` prints: run i uses the seed `"<S>:<i>"`.
 * With `recordUntil`, every run follows the scenario's record through that day and then the
 * parties' models (`--record-until N`): many futures from one day of what really happened.
 * The work is done in slices of a few milliseconds with a yield to the event loop between them,
 * so the page stays responsive.
 */
import { Aggregate, describe, outcomeOrder, rankByCount, survival, wilson, type AggregateData, type Proportion, type Survival } from '../../batch/index.ts';
import { compile, deriveRunSeed, runOnce, type Model, type OutcomeResult } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { rebuildSession } from './rebuild.ts';
import { encodeShare } from './share-url.ts';

export const QUICK_BATCH_SIZES = [200, 1000, 5000] as const;
export const DEFAULT_QUICK_RUNS = 1000;
/** Example runs kept per outcome, to open in the stepper. */
export const EXAMPLES_PER_OUTCOME = 3;

export interface QuickBatchInput {
  scenario: Scenario;
  /** The scenario's file name (for the CLI command), e.g. `doha-60-day-draft.yaml`. */
  file: string;
  /** Parameters changed from their defaults (the `--set` flags). */
  params: Readonly<Record<string, number>>;
  /** The base seed: run i uses `"<seed>:<i>"`. */
  seed: string;
  runs: number;
  /** Every run follows the record through this day, then the models; absent: the models from day 1. */
  recordUntil?: number;
}

export interface ExampleRun {
  index: number;
  seed: string;
  result: OutcomeResult;
  day: number;
  cause?: string;
}

export interface OutcomeShare {
  result: string;
  share: Proportion;
}

export interface QuickBatchResult {
  input: QuickBatchInput;
  tally: AggregateData;
  /** Every outcome the engine names (in the CLI's order), with its share and 95% Wilson interval. */
  outcomes: OutcomeShare[];
  meanEndDay: number | null;
  collapses: number;
  /** Collapse causes, most frequent first (ties by name), as the CLI ranks them. */
  causes: [string, number][];
  survival: Survival;
  /** result → the first few runs that ended so. */
  examples: Record<string, ExampleRun[]>;
  elapsedMs: number;
}

/** Runs [from, to) of `seed` on `model`, folded into `aggregate`; the first runs of each outcome go into `examples`. */
export function foldRuns(model: Model, seed: string, from: number, to: number, aggregate: Aggregate, examples: Record<string, ExampleRun[]>, recordUntil?: number): void {
  for (let i = from; i < to; i++) {
    const runSeed = deriveRunSeed(seed, i);
    const outcome = runOnce(model, { seed: runSeed, trace: false, ...(recordUntil !== undefined ? { recordUntil } : {}) }).outcome;
    aggregate.add(outcome, []);
    const list = (examples[outcome.result] ??= []);
    if (list.length < EXAMPLES_PER_OUTCOME) list.push({ index: i, seed: runSeed, result: outcome.result, day: outcome.day, ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}) });
  }
}

/** The statistics of a tally, computed as src/batch's summary computes them for one variation. */
export function summariseQuickBatch(input: QuickBatchInput, tally: AggregateData, examples: Record<string, ExampleRun[]>, elapsedMs = 0): QuickBatchResult {
  const outcomes = outcomeOrder(Object.keys(tally.outcomes)).map((result) => ({ result, share: wilson(tally.outcomes[result] ?? 0, tally.runs) }));
  const causes = rankByCount(Object.entries(tally.causes['collapsed'] ?? {}));
  const lastDay = tally.endDays[tally.endDays.length - 1]?.[0] ?? 0;
  return {
    input,
    tally,
    outcomes,
    meanEndDay: describe(tally.endDays).mean,
    collapses: tally.outcomes['collapsed'] ?? 0,
    causes,
    survival: survival(tally, lastDay),
    examples,
    elapsedMs,
  };
}

export interface QuickBatchOptions {
  /** Runs done so far, of the total. */
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** How long to run before yielding to the page (ms). */
  sliceMs?: number;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs the batch in slices; resolves to undefined when aborted. */
export async function runQuickBatch(input: QuickBatchInput, options: QuickBatchOptions = {}): Promise<QuickBatchResult | undefined> {
  const model = compile(input.scenario, { ...input.params });
  const aggregate = new Aggregate([]);
  const examples: Record<string, ExampleRun[]> = {};
  const sliceMs = options.sliceMs ?? 25;
  const started = performance.now();
  let done = 0;
  while (done < input.runs) {
    if (options.signal?.aborted) return undefined;
    const sliceStart = performance.now();
    // Small steps so a slice ends close to sliceMs whatever a run costs.
    while (done < input.runs && performance.now() - sliceStart < sliceMs) {
      const next = Math.min(input.runs, done + 10);
      foldRuns(model, input.seed, done, next, aggregate, examples, input.recordUntil);
      done = next;
    }
    options.onProgress?.(done, input.runs);
    await yieldToPage();
  }
  if (options.signal?.aborted) return undefined;
  return summariseQuickBatch(input, aggregate.toData(), examples, performance.now() - started);
}

/** The address that opens example run `run` in the stepper, at its end. */
export function exampleHref(input: QuickBatchInput, run: ExampleRun): string {
  const model = compile(input.scenario, { ...input.params });
  const { session } = rebuildSession(model, run.seed, {}, { decisions: Number.MAX_SAFE_INTEGER }, { follow: input.recordUntil });
  return encodeShare({ scenario: input.scenario.id, seed: run.seed, params: input.params, choices: {}, at: session.state.decisions, ...(input.recordUntil !== undefined ? { follow: input.recordUntil } : {}) });
}

/** The same batch from the command line. */
export function cliCommand(input: Pick<QuickBatchInput, 'file' | 'params' | 'seed' | 'runs' | 'recordUntil'>): string {
  const quote = (s: string) => (/^[\w.:@%+=,/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const sets = Object.entries(input.params)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => ` --set ${k}=${v}`)
    .join('');
  const record = input.recordUntil !== undefined ? ` --record-until ${input.recordUntil}` : '';
  return `npx parley batch scenarios/${input.file} --runs ${input.runs} --seed ${quote(input.seed)}${sets}${record}`;
}

/** Whole percent with one decimal, as the CLI prints shares. */
export const pct1 = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

/** Does the result still describe what is on the page (same seed and assumptions)? */
export function sameInputs(a: Pick<QuickBatchInput, 'seed' | 'params' | 'recordUntil'>, b: Pick<QuickBatchInput, 'seed' | 'params' | 'recordUntil'>): boolean {
  if (a.seed !== b.seed || a.recordUntil !== b.recordUntil) return false;
  const ka = Object.keys(a.params);
  const kb = Object.keys(b.params);
  return ka.length === kb.length && ka.every((k) => a.params[k] === b.params[k]);
}

/** Plain-language names of outcomes. */
export const OUTCOME_LABELS: Record<string, string> = {
  completed: 'completed',
  'extended-then-completed': 'extended, then completed',
  advanced: 'advanced to the next phase',
  stalled: 'stalled',
  collapsed: 'collapsed',
};

/** An outcome's name for this scenario: with two phases, `advanced` says which phase opened. */
export function outcomeLabel(scenario: Pick<Scenario, 'phases'>, result: string): string {
  const next = scenario.phases.length === 2 ? scenario.phases[1]! : undefined;
  if (result === 'advanced' && next) return `advanced: the ${next.name ?? next.id} opened`;
  return OUTCOME_LABELS[result] ?? result;
}
