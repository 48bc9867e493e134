/**
 * Dates wherever a day is written: with `start:` (the date of day 1), an obligation's `day`,
 * `days`, `by`, `from`, `until` and an incident's `day`, `from`, `until` may be `YYYY-MM-DD`.
 * Before the shape is checked, each date becomes the day number it stands for — a truce day for
 * incidents, a day of its phase for obligations (so its phase must start on a fixed day: every
 * phase before it has a length and no extensions). A date that cannot be read is a located problem.
 */
import { dateNumber } from './history.ts';
import type { DataPath } from './yaml-source.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS = /^\s*(\d+)\s*days?\s*$/;
const OBLIGATION_DAYS = ['day', 'by', 'from', 'until'] as const;
const INCIDENT_DAYS = ['day', 'from', 'until'] as const;

type Raw = Record<string, unknown>;
export type DateProblem = { path: DataPath; message: string; hint?: string };

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of the raw data with dates replaced by day numbers, and a problem for each date that cannot be. */
export function resolveDates(data: unknown): { data: unknown; problems: DateProblem[] } {
  const problems: DateProblem[] = [];
  if (!isRecord(data) || !hasDate(data)) return { data, problems };
  const copy = structuredClone(data);
  const start = typeof copy['start'] === 'string' ? dateNumber(copy['start']) : undefined;
  const phaseStart = phaseOffsets(copy['phases']);
  const convert = (holder: Raw | unknown[], key: string | number, path: DataPath, offset: number | undefined, where: string) => {
    const value = (holder as Record<string | number, unknown>)[key];
    if (typeof value !== 'string' || !DATE.test(value)) return;
    const n = dateNumber(value);
    if (n === undefined) problems.push({ path, message: `\`${value}\` is not a calendar date`, hint: 'write YYYY-MM-DD, like `2025-01-25`' });
    else if (start === undefined) problems.push({ path, message: `the date ${value} needs the scenario's start date`, hint: 'add `start: YYYY-MM-DD` (the date of day 1) at the top of the file, or write the day number' });
    else if (offset === undefined) problems.push({ path, message: `the date ${value} cannot be turned into a day of ${where}: the phase's first day is not fixed`, hint: 'every phase before it needs a `length` and no `extensions`; or write the phase day' });
    else if (n - start + 1 - offset < 1) problems.push({ path, message: `${value} is before the first day of ${where}`, hint: `day 1 of ${where} is the ${offset === 0 ? 'start date' : `${offset + 1}th day of the truce`}` });
    else (holder as Record<string | number, unknown>)[key] = n - start + 1 - offset;
  };
  const phases = Array.isArray(copy['phases']) ? copy['phases'] : [];
  const firstPhase = isRecord(phases[0]) ? phases[0]['id'] : undefined;
  (Array.isArray(copy['obligations']) ? copy['obligations'] : []).forEach((o, i) => {
    if (!isRecord(o)) return;
    const phaseId = typeof o['phase'] === 'string' ? o['phase'] : firstPhase;
    const offset = typeof phaseId === 'string' ? phaseStart.get(phaseId) : undefined;
    const where = `phase \`${String(phaseId)}\``;
    for (const key of OBLIGATION_DAYS) convert(o, key, ['obligations', i, key], offset, where);
    if (Array.isArray(o['days'])) o['days'].forEach((_, k) => convert(o['days'] as unknown[], k, ['obligations', i, 'days', k], offset, where));
  });
  (Array.isArray(copy['incidents']) ? copy['incidents'] : []).forEach((incident, i) => {
    if (!isRecord(incident)) return;
    for (const key of INCIDENT_DAYS) convert(incident, key, ['incidents', i, key], 0, 'the truce');
  });
  return { data: copy, problems };
}

function hasDate(data: Raw): boolean {
  const lists = [data['obligations'], data['incidents']].filter(Array.isArray) as unknown[][];
  return lists.some((list) => list.some((item) => isRecord(item) && Object.values(item).some((v) => (typeof v === 'string' && DATE.test(v)) || (Array.isArray(v) && v.some((d) => typeof d === 'string' && DATE.test(d))))));
}

/** Phase id → days of the truce before its first day, for phases whose first day is fixed. */
function phaseOffsets(phases: unknown): Map<string, number> {
  const offsets = new Map<string, number>();
  if (!Array.isArray(phases)) return offsets;
  let before = 0;
  for (const phase of phases) {
    if (!isRecord(phase) || typeof phase['id'] !== 'string') return offsets;
    offsets.set(phase['id'], before);
    const length = typeof phase['length'] === 'number' ? phase['length'] : typeof phase['length'] === 'string' && DAYS.test(phase['length']) ? Number(DAYS.exec(phase['length'])![1]) : undefined;
    if (length === undefined || phase['extensions'] !== undefined) return offsets;
    before += length;
  }
  return offsets;
}
