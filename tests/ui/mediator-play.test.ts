/**
 * Playing a mediator in the stepper: the US in the 60-day draft presses, keeps or withdraws its
 * guarantee and brokers the extension; links reopen those runs; switching who you play keeps
 * the other parties' choices in their place.
 */
import { describe, expect, it } from 'vitest';
import { compile, Session } from '../../src/engine/index.ts';
import { compareBranches } from '../../src/ui/logic/compare.ts';
import { encodeShare, parseHash } from '../../src/ui/logic/share-url.ts';
import { activeBranch, choose, openRun, setPlaying, shareOf, step, yourMove, type RunContext } from '../../src/ui/logic/run-ops.ts';
import { responseText } from '../../src/ui/logic/responses.ts';
import { flagship } from './helpers.ts';

const scenario = flagship();

/** Steps (the models answering) until it is the student's move, or the end. */
function toMyMove(run: RunContext): RunContext {
  while (activeBranch(run).view.decision && !yourMove(run)) run = step(run, 'end');
  return run;
}

describe('playing the US in the 60-day draft', () => {
  it('stops only at the US’s levers: press (seed 3, day 60), then broker the extension', () => {
    let run = toMyMove(openRun(scenario, { seed: '3', play: 'us' }));
    const press = activeBranch(run).view.decision!;
    expect(press).toMatchObject({ kind: 'press', party: 'us', day: 60 });
    expect(press.text).toMatch(/does United States press/);
    run = toMyMove(choose(run, 'refuse'));
    const broker = activeBranch(run).view.decision!;
    expect(broker).toMatchObject({ kind: 'broker', party: 'us', day: 60 });
    run = toMyMove(choose(run, 'comply'));
    const trace = activeBranch(run).session.trace;
    expect(trace.some((e) => e.type === 'mediator.acted' && e.chosen && /held back/.test(e.text))).toBe(true);
    expect(trace.some((e) => e.type === 'phase.extended' && e.chosen)).toBe(true);
    // The comparison words the levers as the buttons did.
    const { rows } = compareBranches(activeBranch(run).model, run.branches, run.active);
    expect(rows.find((r) => r.label === 'Your choices')!.values[0]).toMatch(/^#\d+ hold back, #\d+ broker extension$/);
  });

  it('a shared link reopens the same run, at the same decision', () => {
    let run = toMyMove(openRun(scenario, { seed: '3', play: 'us' }));
    run = toMyMove(choose(run, 'refuse'));
    const route = parseHash(encodeShare(shareOf(run)).replace(/^#/, '#'));
    if (route.page !== 'run') throw new Error('not a run link');
    expect(route.share.play).toBe('us');
    const reopened = openRun(scenario, route.share);
    expect(reopened.notice).toBeUndefined();
    expect(activeBranch(reopened).view.decision).toEqual(activeBranch(run).view.decision);
    expect(JSON.stringify(activeBranch(reopened).session.trace)).toBe(JSON.stringify(activeBranch(run).session.trace));
  });

  it('links that play nobody or a principal number their choices as before', () => {
    // The decisions of a run nobody plays a mediator in, numbered as the engine always has.
    const plain = Session.start(compile(scenario), '3');
    const numbered: { party: string; obligation: string }[] = [];
    for (let d = plain.decision; d && numbered.length < 40; d = plain.decision) {
      numbered.push({ party: d.party, obligation: d.obligation });
      plain.decide();
    }
    const n = numbered.findIndex((d) => d.party === 'hamas');
    expect(n).toBeGreaterThan(0);
    for (const play of ['hamas', undefined]) {
      const run = openRun(scenario, { seed: '3', ...(play ? { play } : {}), choices: { [n]: 'delay' as const }, at: n + 1 });
      expect(run.notice).toBeUndefined();
      expect(activeBranch(run).view.choices).toEqual({ [n]: 'delay' });
      expect(activeBranch(run).meta[n]).toEqual({ ...numbered[n], kind: 'obligation' });
    }
  });

  it('switching to the US keeps the choices made as Hamas; switching away drops the US’s own', () => {
    let run = openRun(scenario, { seed: '3', play: 'hamas' });
    run = toMyMove(run);
    const first = activeBranch(run).view.decision!;
    expect(first.party).toBe('hamas');
    run = choose(run, 'delay');
    const hamasChoice = { ...activeBranch(run).view.choices };
    const day = activeBranch(run).view.day;
    const asUs = setPlaying(run, 'us');
    expect(activeBranch(asUs).view.day).toBe(day);
    expect(Object.values(activeBranch(asUs).view.choices)).toEqual(Object.values(hamasChoice));
    expect(activeBranch(asUs).session.trace.filter((e) => e.chosen).map((e) => e.text)).toEqual(activeBranch(run).session.trace.filter((e) => e.chosen).map((e) => e.text));

    let played = toMyMove(asUs);
    expect(activeBranch(played).view.decision?.party).toBe('us');
    played = choose(played, 'refuse');
    const back = setPlaying(played, undefined);
    expect(back.notice?.text).toMatch(/1 choice you made as United States was left to its model/);
    expect(Object.values(activeBranch(back).view.choices)).toEqual(['delay']);
    expect(activeBranch(back).session.trace.some((e) => e.type === 'mediator.acted')).toBe(false);
  });

  it('offering a withdrawn guarantee again (seed 65: withdrawn on day 31, Hamas complies on day 50): what it changed, and a link that keeps it', () => {
    let run = openRun(scenario, { seed: '65', play: 'us' });
    for (let i = 0; i < 20; i++) {
      run = toMyMove(run);
      const d = activeBranch(run).view.decision!;
      if (d.kind === 'reoffer') break;
      run = choose(run, d.kind === 'guarantee' ? 'refuse' : 'comply');
    }
    const offer = activeBranch(run).view.decision!;
    expect(offer).toMatchObject({ kind: 'reoffer', party: 'us', day: 50 });
    expect(responseText('comply', offer.kind).label).toBe('Offer guarantee again');
    run = choose(run, 'comply');
    const shown = activeBranch(run).lastChoice!;
    expect(shown.said).toMatch(/^United States offered its guarantee to Hamas again: Hamas's grievance falls to \d\.\d\d\.$/);
    const hamas = shown.changes.find((c) => c.party === 'hamas')!;
    expect(hamas.changes.map((c) => c.meter)).toContain('grievance');
    expect(hamas.changes.find((c) => c.meter === 'grievance')!.to).toBeLessThan(hamas.changes.find((c) => c.meter === 'grievance')!.from);
    const route = parseHash(encodeShare(shareOf(run)));
    if (route.page !== 'run') throw new Error('not a run link');
    const reopened = openRun(scenario, route.share);
    expect(JSON.stringify(activeBranch(reopened).session.trace)).toBe(JSON.stringify(activeBranch(run).session.trace));
    expect(activeBranch(reopened).session.trace.some((e) => e.type === 'guarantee.offered' && e.chosen)).toBe(true);
  });

  it('labels the levers as a mediator would say them', () => {
    expect(responseText('comply', 'press').label).toBe('Press');
    expect(responseText('refuse', 'press').label).toBe('Hold back');
    expect(responseText('comply', 'guarantee').label).toBe('Keep guarantee');
    expect(responseText('refuse', 'guarantee').label).toBe('Withdraw');
    expect(responseText('comply', 'reoffer').label).toBe('Offer guarantee again');
    expect(responseText('refuse', 'reoffer').label).toBe('Stay out');
    expect(responseText('comply', 'broker').label).toBe('Broker extension');
    expect(responseText('refuse', 'broker').label).toBe('Let it lapse');
  });
});
