/**
 * Reads a summary file of any size Parley writes (a 100,000-variation grid is ~750 MB, more than
 * one JavaScript string can hold): the bytes are scanned once, the top-level object is parsed
 * without its `variations`, and each variation is parsed on its own, keeping only what merge
 * needs (index, runs, tally). Any JSON layout works, not only Parley's own.
 */
import { ExperimentError } from '../batch/index.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const COMMA = 0x2c;
const COLON = 0x3a;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** The parsed file, with `variations` reduced to `{ index, runs, tally }` each. */
export function parseSummaryBytes(bytes: Uint8Array, file: string): unknown {
  const notJson = (why: string): never => {
    throw new ExperimentError(`${file} is not JSON: ${why}`, 'merge takes the files written by `parley batch --summary FILE.json`');
  };
  const text = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastKey: string | undefined;
  let arrayStart = -1; // the `[` of the top-level variations
  let arrayEnd = -1;
  let elementStart = -1;
  const elements: [number, number][] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) {
        inString = false;
        if (depth === 1) {
          let j = i + 1;
          while (j < bytes.length && isSpace(bytes[j]!)) j++;
          if (bytes[j] === COLON) lastKey = text(stringStart + 1, i);
        }
      }
      continue;
    }
    if (b === QUOTE) {
      inString = true;
      stringStart = i;
      if (arrayStart >= 0 && arrayEnd < 0 && depth === 2 && elementStart < 0) elementStart = i;
    } else if (OPEN.has(b)) {
      if (depth === 1 && lastKey === 'variations' && arrayStart < 0 && b === 0x5b) arrayStart = i;
      else if (arrayStart >= 0 && arrayEnd < 0 && depth === 2 && elementStart < 0) elementStart = i;
      depth++;
    } else if (CLOSE.has(b)) {
      depth--;
      if (depth < 0) notJson(`an unmatched bracket at byte ${i}`);
      if (arrayStart >= 0 && arrayEnd < 0 && depth === 1) {
        if (elementStart >= 0) elements.push([elementStart, i]);
        arrayEnd = i + 1;
      }
    } else if (b === COMMA) {
      if (depth === 1) lastKey = undefined;
      if (arrayStart >= 0 && arrayEnd < 0 && depth === 2) {
        if (elementStart < 0) notJson(`an empty element in variations at byte ${i}`);
        elements.push([elementStart, i]);
        elementStart = -1;
      }
    } else if (!isSpace(b) && arrayStart >= 0 && arrayEnd < 0 && depth === 2 && elementStart < 0) elementStart = i;
  }
  if (inString || depth !== 0) notJson('the file ends in the middle (it was cut short)');
  const parse = (json: string, what: string) => {
    try {
      return JSON.parse(json) as unknown;
    } catch (error) {
      return notJson(`${what}: ${(error as Error).message}`);
    }
  };
  if (arrayStart < 0) return parse(text(0, bytes.length), 'the file');
  const head = parse(`${text(0, arrayStart)}[]${text(arrayEnd, bytes.length)}`, 'the file') as Record<string, unknown>;
  head.variations = elements.map(([from, to], k) => {
    const v = parse(text(from, to), `variation ${k}`);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const { index, runs, tally } = v as Record<string, unknown>;
    return { index, runs, tally };
  });
  return head;
}
