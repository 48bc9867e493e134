/** Files Parley writes as JSON (summaries, shards, calibration states), read back. */
import { ExperimentError } from './errors.ts';

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The parsed text, or an ExperimentError naming `file`, with `hint` saying which file was wanted. */
export function parseJsonFile(text: string, file: string, hint: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ExperimentError(`${file} is not JSON: ${(error as Error).message}`, hint);
  }
}

/** Does the JSON text declare this `format`, written pretty or compact? */
export function declaresFormat(text: string, format: string): boolean {
  return text.includes(`"format": "${format}"`) || text.includes(`"format":"${format}"`);
}
