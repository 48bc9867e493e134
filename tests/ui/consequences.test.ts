/**
 * "What your choice changed": derived from the state before the decision, the state right after
 * the answer (its queued reactions included) and the trace up to the next decision.
 */
import { describe, expect, it } from 'vitest';
import { activeBranch, choose, openRun, setPlaying, step, undo, type RunContext } from '../../src/ui/logic/run-ops.ts';
import { changeText, helpsTheDeal } from '../../src/ui/logic/consequences.ts';
import { diskCatalog, flagship } from './helpers.ts';

/** Playing Hamas in the flagship, at its first decision: the day-1 release of 8 living captives. */
function atHamasFirstRelease(): RunContext {
  let run = setPlaying(openRun(flagship(), { seed: '1' }), 'hamas');
  for (let i = 0; i < 20 && activeBranch(run).view.decision?.party !== 'hamas'; i++) run = step(run, 'decision');
  expect(activeBranch(run).view.decision?.obligation).toBe('first-release');
  return run;
}

const shown = (run: RunContext) => activeBranch(run).lastChoice!;

describe('what a choice changed', () => {
  const run = atHamasFirstRelease();

  it('complying: the counterpart’s trust rises by the model’s gain, because the party complied, at the end of the day', () => {
    const c = shown(choose(run, 'comply'));
    expect(c).toMatchObject({ day: 1, party: 'hamas', partyName: 'Hamas', response: 'comply', chosen: true, atDayEnd: true });
    expect(c.said).toBe('Hamas complied: released 8 alive captives.');
    expect(c.changes).toHaveLength(1);
    const israel = c.changes[0]!;
    expect(israel).toMatchObject({ party: 'israel', because: ['Hamas complied'] });
    expect(israel.changes.map(changeText)).toEqual(['trust 0.30 → 0.32 (+0.02)']);
    expect(helpsTheDeal(israel.changes[0]!)).toBe(true);
  });

  it('violating: the counterpart’s grievance rises and trust falls, every mediator presses the violator, and what depended on it is called off', () => {
    const c = shown(choose(run, 'violate'));
    expect(c.said).toMatch(/^Hamas violated the obligation to release the first group of 8 living captives/);
    const byParty = Object.fromEntries(c.changes.map((p) => [p.party, p]));
    expect(Object.keys(byParty).sort()).toEqual(['hamas', 'israel']);
    expect(byParty.hamas!.because).toEqual(['Qatar presses Hamas', 'Egypt presses Hamas', 'United States presses Hamas']);
    expect(byParty.hamas!.changes.map(changeText)).toEqual(['mediator pressure 0.00 → 0.65 (+0.65)']);
    expect(byParty.israel!.because).toEqual(['Hamas violated an obligation']);
    const israel = byParty.israel!.changes;
    expect(israel.map((m) => m.meter)).toEqual(['trust', 'grievance']);
    expect(israel[1]!.to - israel[1]!.from).toBeCloseTo(flagship().parameters.reciprocity!.default, 6);
    expect(israel.map(helpsTheDeal)).toEqual([false, false]);
    expect(c.followed).toEqual([
      'Israel need not release 30 prisoners per captive freed, in exchange: it depended on first-release.',
      'Israel need not begin the phased withdrawal from positions in northern Gaza: it depended on first-release.',
    ]);
  });

  it('letting the model decide is shown too, marked as the model’s answer', () => {
    const c = shown(choose(run));
    expect(c.chosen).toBe(false);
    expect(c.response).toBeDefined();
    expect(c.said).toMatch(/^Hamas /);
  });

  it('goes away at the next step or undo, and is not there before any choice', () => {
    expect(activeBranch(run).lastChoice).toBeUndefined();
    const chosen = choose(run, 'delay');
    expect(shown(chosen).changes[0]!.because).toEqual(['Hamas delayed']);
    expect(activeBranch(step(chosen, 'decision')).lastChoice).toBeUndefined();
    expect(activeBranch(undo(chosen)).lastChoice).toBeUndefined();
  });

  it('when the answer closes the day, the reactions it queued are applied and listed with what followed', () => {
    // Watching, let the models answer day 1 up to its last decision, then violate that one.
    let watch = openRun(flagship(), { seed: '1' });
    while (activeBranch(watch).view.state.today.length > 1) watch = choose(watch);
    const last = activeBranch(watch).view.decision!;
    expect(last.day).toBe(1);
    const c = shown(choose(watch, 'violate'));
    expect(c.atDayEnd).toBe(false);
    const counterpart = c.changes.find((p) => p.party !== last.party)!;
    const grievance = counterpart.changes.find((m) => m.meter === 'grievance')!;
    expect(c.followed).toContain(`${c.partyName} violated an obligation: ${counterpart.name}'s grievance rises to ${grievance.to.toFixed(2)}.`);
  });

  it('an offer to extend: the answer in its own words, what it set off, and no meter moved by the day’s fading', () => {
    const entry = diskCatalog().find((e) => e.file === 'november-2023-truce.yaml')!;
    if (!entry.ok) throw new Error('november-2023-truce.yaml does not load');
    let offer = openRun(entry.scenario, { seed: '1' });
    while (activeBranch(offer).view.decision && activeBranch(offer).view.decision!.kind !== 'extension') offer = choose(offer);
    expect(activeBranch(offer).view.decision).toMatchObject({ kind: 'extension', party: 'hamas', day: 4 });
    const accepted = shown(choose(offer, 'comply'));
    expect(accepted).toMatchObject({ kind: 'extension', response: 'comply', said: 'Hamas agreed to release more to extend the truce.', changes: [] });
    expect(accepted.followed).toEqual(['The humanitarian pause is extended by 1 day, to day 5: Hamas offered further releases.']);
    const declined = shown(choose(offer, 'refuse'));
    expect(declined.said).toBe('Hamas declined to release more to extend the truce.');
    expect(declined.followed[0]).toBe('The humanitarian pause ends.');
    expect(declined.followed.at(-1)).toMatch(/^The truce ran its full course to day 4/);
  });
});
