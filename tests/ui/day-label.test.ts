import { describe, expect, it } from 'vitest';
import { dayLabel } from '../../src/ui/logic/day-label.ts';

describe('day labels in the stepper', () => {
  it('show the date next to the day number when the scenario has a start', () => {
    expect(dayLabel({ start: '2025-01-19' }, 59)).toBe('Day 59 · 18 Mar 2025');
    expect(dayLabel({ start: '2025-01-19' }, 0)).toBe('Start');
    expect(dayLabel({}, 7)).toBe('Day 7');
  });
});
