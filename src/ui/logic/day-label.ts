import { dateOfDay, readableDate, type Scenario } from '../../scenario/core.ts';

/** `Day 59 · 18 Mar 2025` when the scenario has a start date, else `Day 59`; day 0 is `Start`. */
export function dayLabel(scenario: Pick<Scenario, 'start'>, day: number): string {
  if (day === 0) return 'Start';
  return scenario.start !== undefined ? `Day ${day} · ${readableDate(dateOfDay(scenario.start, day))}` : `Day ${day}`;
}
