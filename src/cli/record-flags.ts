/**
 * The flags that replay a scenario differently without editing it: `--follow-record`,
 * `--record-until N|DATE` (follow the record to day N, then the model) and `--comply all|a,b`.
 */
import { dayNumber, referenceHint, type Scenario } from '../scenario/index.ts';
import { lastFlag, type ParsedArgs } from './args.ts';
import { UserError } from './io.ts';

export const RECORD_FLAGS = { 'follow-record': 'boolean', 'record-until': 'value', comply: 'value' } as const;

export interface RecordFlags {
  recordUntil?: number | 'end';
  comply?: string[];
}

export function readRecordFlags(args: ParsedArgs, scenario: Scenario): RecordFlags {
  const out: RecordFlags = {};
  const until = lastFlag(args, 'record-until');
  if (args.flags.has('follow-record') || until !== undefined) {
    if (scenario.history.length === 0) throw new UserError(`${scenario.id} has no record to follow`, 'add a `history:` section (docs/scenario-format.md, "The record")');
    if (args.flags.has('follow-record') && until !== undefined) throw new UserError('--follow-record follows the record to its end; --record-until N follows it to day N: give one of them');
  }
  if (args.flags.has('follow-record')) out.recordUntil = 'end';
  if (until !== undefined) {
    const text = until.trim();
    const day = /^\d+$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayNumber(scenario.start, text) : undefined;
    if (day === undefined || !Number.isInteger(day) || day < 0) {
      const hint = /^\d{4}-/.test(text) ? (scenario.start ? `the truce starts on ${scenario.start}` : 'this scenario has no `start` date: give a day number') : 'e.g. --record-until 16 (follow the record through day 16, then the model answers)';
      throw new UserError(`--record-until needs a day number or a date, got \`${until}\``, hint);
    }
    out.recordUntil = day;
  }
  const comply = args.flags.get('comply');
  if (comply !== undefined) {
    const parties = Object.keys(scenario.parties);
    const names = comply.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
    if (names.length === 0) throw new UserError('--comply needs `all` or party ids, like --comply hamas,israel');
    const chosen = new Set<string>();
    for (const name of names) {
      if (name === 'all') parties.forEach((p) => chosen.add(p));
      else if (!parties.includes(name)) throw new UserError(`--comply: unknown party \`${name}\``, referenceHint('party', name, parties) ?? `the parties are ${parties.join(', ')}`);
      else chosen.add(name);
    }
    out.comply = parties.filter((p) => chosen.has(p));
  }
  return out;
}

/** `following the record to day 16, then the model · hamas, israel always comply`, or ''. */
export function describeRecordFlags(flags: RecordFlags, record?: { lastDay: number; ends: boolean }): string {
  const parts: string[] = [];
  if (flags.recordUntil === 'end' && record && !record.ends) parts.push(`following the record as it happened through day ${record.lastDay}, where it stops; then the model`);
  else if (flags.recordUntil === 'end') parts.push('following the record as it happened');
  else if (flags.recordUntil !== undefined) parts.push(`following the record through day ${flags.recordUntil}, then the model`);
  if (flags.comply) parts.push(`${flags.comply.join(', ')} always comply`);
  return parts.join(' · ');
}
