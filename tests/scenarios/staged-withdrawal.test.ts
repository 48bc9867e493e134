/**
 * The writer's test of issue 9: a ceasefire with no captives — a staged withdrawal, another army
 * deploying into each zone left, a mechanism that reacts to complaints, a deadline moved by a new
 * date, positions never left — written with the format's own terms.
 */
import { describe, expect, it } from 'vitest';
import { compile, runOnce, Simulation } from '../../src/engine/index.ts';
import { loadBundled } from '../engine/helpers.ts';

const scenario = loadBundled('staged-withdrawal.yaml');

describe('scenarios/staged-withdrawal.yaml', () => {
  it('with every term kept and the new date agreed, the last zone is left on 18 February 2025 (day 84) and the five hilltops never', () => {
    const sim = Simulation.start(compile(scenario, { 'new-date-chance': 1, 'complaint-rate': 0 }), '1', { comply: ['israel', 'lebanon'] });
    const outcome = sim.runToEnd();
    expect(outcome).toMatchObject({ result: 'advanced', phase: 'after-withdrawal', day: 84 });
    expect(outcome.metrics).toMatchObject({ withdrawals: 3, troopsDeployed: 4500, extensionDays: 24 });
    expect(Object.fromEntries(Object.entries(sim.state.zones).map(([id, z]) => [id, z.withdrawn]))).toEqual({ khiam: true, 'western-sector': true, 'remaining-villages': true, 'five-hilltops': false });
    const last = sim.trace!.find((e) => e.obligation === 'leave-remaining' && e.type === 'party.responded')!;
    expect([last.day, last.date]).toEqual([84, '2025-02-18']);
    // Each deployment follows its withdrawal by a day, except the last, on the same day.
    const deployed = sim.trace!.filter((e) => e.type === 'party.responded' && e.kind === 'deploy-forces').map((e) => e.day);
    expect(deployed).toEqual([16, 41, 84]);
  });

  it('without a new date the last withdrawal lapses at day 60, said in the narrative, and the truce stalls at its gate', () => {
    const sim = Simulation.start(compile(scenario, { 'new-date-chance': 0, 'complaint-rate': 0 }), '1', { comply: ['israel', 'lebanon'] });
    const outcome = sim.runToEnd();
    expect(outcome).toMatchObject({ result: 'stalled', day: 60 });
    const lapsed = sim.trace!.filter((e) => e.lapsed).map((e) => e.obligation);
    expect(lapsed).toEqual(['leave-remaining']);
    expect(sim.state.zones['remaining-villages']!.withdrawn).toBe(false);
  });

  it('under the model, a late fortnight of clearing never angers Israel, while complaints press the side complained of', () => {
    const model = compile(scenario);
    let clearingDelays = 0;
    let pressed = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { trace } = runOnce(model, { seed: String(seed) });
      for (const [i, e] of trace.entries()) {
        if (e.type === 'party.responded' && e.obligation === 'clear-positions' && e.response === 'delay' && !e.expired) {
          clearingDelays += 1;
          expect(trace.slice(i + 1).find((r) => r.type === 'party.reacted' && r.day === e.day && r.text.startsWith('the Lebanese army delayed'))).toBeUndefined();
        }
        if (e.type === 'incident' && e.text.startsWith('Lebanon complains')) pressed += 1;
      }
    }
    expect(clearingDelays).toBeGreaterThan(5);
    expect(pressed).toBeGreaterThan(5);
  });
});
