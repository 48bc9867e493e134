import { referenceHint } from '../scenario/core.ts';

/** A parameter override that the scenario does not allow (unknown name, out of range). */
export class ParameterError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'ParameterError';
  }

  static unknown(id: string, known: readonly string[]): ParameterError {
    return new ParameterError(`unknown parameter \`${id}\``, referenceHint('parameter', id, known));
  }
}
