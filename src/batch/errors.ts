import type { Problem } from '../scenario/index.ts';

/**
 * A mistake in an experiment (flags or an experiment file): unknown parameter, empty range,
 * step 0, a value outside the parameter's range, runs ≤ 0, a bad shard, summaries that cannot be
 * merged. `problems` is set when the mistake has a place in an experiment file (`file:line:col`).
 */
export class ExperimentError extends Error {
  constructor(message: string, readonly hint?: string, readonly problems?: Problem[]) {
    super(message);
    this.name = 'ExperimentError';
  }
}
