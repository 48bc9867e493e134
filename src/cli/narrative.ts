import { COUNTERS, counterValue, type RunResult } from '../engine/index.ts';
import { dateOfDay, readableDate, type Scenario, type SourceRef } from '../scenario/index.ts';
import { describeRecordFlags, type RecordFlags } from './record-flags.ts';
import { talksLines } from './talks-narrative.ts';

const RESPONSE_MARK: Record<string, string> = { comply: '✓', partial: '◐', delay: '…', violate: '✗', refuse: '✗' };

/** A run as a student reads it: a header, each day's events, then a summary. Pure. */
export function formatNarrative(scenario: Scenario, result: RunResult, replay: RecordFlags = {}, record?: { lastDay: number; ends: boolean }): string {
  const lines: string[] = [];
  lines.push(`${scenario.title}`);
  lines.push(`seed ${result.seed}${Object.keys(result.params).length ? ` · ${Object.entries(result.params).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}`);
  const how = describeRecordFlags(replay, record);
  if (how) lines.push(how);
  lines.push('');
  lines.push(...talksLines(scenario, result));
  let day = -1;
  for (const event of result.trace) {
    if (event.type === 'obligation.due') continue;
    if (event.day !== day) {
      day = event.day;
      lines.push(day === 0 ? 'Start' : `Day ${day}${event.date ? ` · ${readableDate(event.date)}` : ''}`);
    }
    const mark = event.response ? RESPONSE_MARK[event.response]! : event.type === 'incident' ? '!' : event.type === 'party.reacted' ? '·' : '•';
    lines.push(`  ${mark} ${event.text}${event.chosen ? ' (your choice)' : ''}${event.recorded && event.source !== undefined ? ` [source: ${sourceLabel(event.source)}]` : ''}`);
  }
  const o = result.outcome;
  const m = o.metrics;
  lines.push('');
  const endDate = scenario.start !== undefined ? ` (${readableDate(dateOfDay(scenario.start, o.day))})` : '';
  lines.push(`Outcome: ${o.result}${o.result === 'advanced' ? ` to ${o.phase}` : ''} on day ${o.day}${endDate}${o.cause ? ` — ${o.cause}` : ''}`);
  for (const [stock, byCategory] of Object.entries(m.released)) {
    const name = scenario.stocks[stock]?.name ?? stock;
    const total = Object.values(byCategory).reduce((a, b) => a + b, 0);
    const initial = Object.values(scenario.stocks[stock]?.count ?? {}).reduce((a, b) => a + b, 0);
    const split = Object.keys(byCategory).length > 1 ? ` (${Object.entries(byCategory).map(([c, n]) => `${n} ${c}`).join(', ')})` : '';
    lines.push(`  ${name} released: ${total} of ${initial}${split}`);
  }
  for (const counter of COUNTERS) {
    const value = counterValue(m, counter.name);
    if (counter.summary !== undefined && value > 0) lines.push(`  ${counter.summary}: ${value}`);
  }
  lines.push(`  violations: ${Object.entries(m.violations).map(([p, n]) => `${scenario.parties[p]?.name ?? p} ${n}`).join(', ')}`);
  lines.push(`  delays: ${Object.entries(m.delays).map(([p, n]) => `${scenario.parties[p]?.name ?? p} ${n}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** A source as a reader can look it up: its id under `sources`, or its seed file or URL. */
function sourceLabel(source: SourceRef): string {
  return typeof source === 'string' ? source : (source.seed ?? source.url ?? '');
}
