/** The trace as a student reads it: grouped by day, each line with its mark and source. */
import type { TraceEvent } from '../../engine/index.ts';
import { markOfEvent, type Mark } from './marks.ts';

export interface LogLine {
  key: string;
  mark: Mark;
  text: string;
  event: TraceEvent;
}

export interface LogDay {
  day: number;
  lines: LogLine[];
}

export function groupByDay(trace: readonly TraceEvent[]): LogDay[] {
  const days: LogDay[] = [];
  trace.forEach((event, i) => {
    let last = days[days.length - 1];
    if (!last || last.day !== event.day) days.push((last = { day: event.day, lines: [] }));
    last.lines.push({ key: String(i), mark: markOfEvent(event), text: event.text, event });
  });
  return days;
}
