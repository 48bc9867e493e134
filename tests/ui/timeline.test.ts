import { describe, expect, it } from 'vitest';
import { compile, plannedTimeline } from '../../src/engine/index.ts';
import { markOfEvent } from '../../src/ui/logic/marks.ts';
import { activeBranch, choose, openRun, setPlaying, step } from '../../src/ui/logic/run-ops.ts';
import { layoutTimeline } from '../../src/ui/logic/timeline-layout.ts';
import { flagship } from './helpers.ts';

const scenario = flagship();
const model = compile(scenario);
const planned = plannedTimeline(model);

function toDay10() {
  let run = openRun(scenario, {});
  while (activeBranch(run).view.day < 10) run = step(run, 'day');
  return run;
}

describe('timeline layout', () => {
  it('places the plan: 60 days, the releases on their days, nothing happened yet beyond day 1', () => {
    const layout = layoutTimeline(model, planned, activeBranch(openRun(scenario, {})).view);
    expect(layout.days).toBe(60);
    expect(layout.phases).toEqual([{ name: '60-day truce', start: 1, end: 60 }]);
    const releases = layout.cells.filter((c) => c.row === 'releases').map((c) => [c.day, c.mark]);
    expect(releases).toEqual([[1, 'due'], [7, 'planned'], [30, 'planned'], [50, 'planned'], [60, 'planned']]);
    expect(layout.today).toBe(1);
  });

  it('marks the day-10 disclosure as due on day 10, and earlier days by response', () => {
    const view = activeBranch(toDay10()).view;
    const layout = layoutTimeline(model, planned, view);
    const cell = (day: number, row: string) => layout.cells.find((c) => c.day === day && c.row === row);
    expect(cell(10, 'disclosures')).toMatchObject({ mark: 'due' });
    expect(cell(10, 'disclosures')!.lines).toContain('Hamas must disclose information about the remaining captives.');
    expect(cell(1, 'releases')!.mark).toBe('comply');
    expect(layout.today).toBe(10);
  });

  it('colours a violation the student chose', () => {
    const run = choose(setPlaying(toDay10(), 'hamas'), 'violate');
    const layout = layoutTimeline(model, planned, activeBranch(run).view);
    expect(layout.cells.find((c) => c.day === 10 && c.row === 'disclosures')!.mark).toBe('violate');
  });

  it('reads a delay past its grace days as a violation', () => {
    expect(markOfEvent({ day: 53, phase: 'truce', type: 'party.responded', response: 'delay', expired: true, text: 'Israel delayed again, past the 3 days of grace: it counts as a violation.' })).toBe('violate');
    expect(markOfEvent({ day: 8, phase: 'truce', type: 'party.responded', response: 'delay', text: 'Israel delayed it by 3 days, to day 11 (3 of 3 days of grace used).' })).toBe('delay');
  });
});
