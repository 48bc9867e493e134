/**
 * `calibrate --write`: the calibrated values become the parameters' defaults in the scenario file,
 * each with a comment on its line saying how (method, targets, runs, seed, date, the interval).
 * yaml's Document API finds each `default:` value; only that value and the rest of its line are
 * replaced, so every other byte — comments, wrapping, flow lists — stays as it was.
 */
import { isScalar, parseDocument } from 'yaml';
import type { ParameterPosterior } from '../batch/index.ts';
import { UserError } from './io.ts';

export interface CalibrationNote {
  method: string;
  targets: string[];
  runs: number;
  seed: string;
  /** YYYY-MM-DD, given by the command (the engine has no clock). */
  date: string;
}

export function writeCalibratedDefaults(text: string, file: string, values: Record<string, number>, posterior: readonly ParameterPosterior[], note: CalibrationNote): string {
  const doc = parseDocument(text);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [name, value] of Object.entries(values)) {
    const node = doc.getIn(['parameters', name, 'default'], true);
    if (!isScalar(node) || !node.range) throw new UserError(`${file}: cannot find \`parameters.${name}.default\` to write`, 'write the default as a plain number on its own line');
    const start = node.range[0];
    const lineEnd = text.indexOf('\n', start);
    const p = posterior.find((x) => x.name === name);
    const interval = p ? `; central posterior sample, ${Math.round(p.level * 100)}% interval ${Number(p.lo.toPrecision(3))}–${Number(p.hi.toPrecision(3))}` : '';
    const comment = `# calibrated ${note.date} by parley calibrate (${note.method}, ${note.runs} runs per candidate, seed ${note.seed}) to targets ${note.targets.join(', ')}${interval}`;
    edits.push({ start, end: lineEnd < 0 ? text.length : lineEnd, text: `${value}  ${comment}` });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
