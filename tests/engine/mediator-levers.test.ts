/**
 * A mediator a person plays (docs/model.md, "Playing a mediator"): its levers — press a party
 * that fell short, keep or withdraw a guarantee, offer a withdrawn one again, broker an
 * extension — become its decisions.
 * Nobody playing it, runs and decision numbers are exactly what they were.
 */
import { describe, expect, it } from 'vitest';
import { compile, leversOf, runOnce, Session, Simulation, type Decision, type Model, type Response } from '../../src/engine/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenarioFiles, DOHA_FILE, loadBundled, SCENARIOS_DIR } from './helpers.ts';

const draft = compile(loadBundled(DOHA_FILE));
const US = { levers: ['us'] } as const;

/** Answers by the model until a decision of `kind` (the n-th one), which it returns unanswered. */
function toLever(sim: Simulation, kind: Decision['kind'], n = 0): Decision {
  let seen = 0;
  for (let d = sim.nextDecision(); d; d = sim.nextDecision()) {
    if (d.kind === kind && seen++ === n) return d;
    sim.decide();
  }
  throw new Error(`no ${kind} decision`);
}

function finish(sim: Simulation) {
  return sim.runToEnd();
}

describe('which levers a party has', () => {
  it('the 60-day draft: the US presses, guarantees and brokers; Qatar presses; principals have none', () => {
    expect(leversOf(draft, 'us')).toEqual(['press', 'guarantee', 'broker']);
    expect(leversOf(draft, 'qatar')).toEqual(['press']);
    expect(leversOf(draft, 'hamas')).toEqual([]);
    expect(leversOf(draft, 'nobody')).toEqual([]);
  });
});

describe('nobody playing a mediator: runs are what they were', () => {
  for (const file of bundledScenarioFiles().filter((f) => f !== 'template.yaml')) {
    it(`${file}: no lever option, an empty one and a principal's give the same runs and decision count`, () => {
      const model = compile(loadBundled(file));
      if (model.scenario.talks) return;
      for (const seed of ['1', '2', '3']) {
        const plain = Simulation.start(model, seed);
        const empty = Simulation.start(model, seed, { levers: [] });
        const principal = Simulation.start(model, seed, { levers: [model.principals[0]!] });
        const a = finish(plain);
        expect(finish(empty)).toEqual(a);
        expect(finish(principal)).toEqual(a);
        expect(empty.state.decisions).toBe(plain.state.decisions);
        expect(principal.state.decisions).toBe(plain.state.decisions);
        expect(JSON.stringify(empty.trace)).toBe(JSON.stringify(plain.trace));
      }
    });
  }

  it('a played mediator answered by its model ends every run as nobody playing it does (same draws, same numbers)', () => {
    let levers = 0;
    for (let i = 1; i <= 120; i++) {
      const seed = `lever:${i}`;
      const played = Simulation.start(draft, seed, US);
      const outcome = finish(played);
      expect(outcome, seed).toEqual(runOnce(draft, { seed, trace: false }).outcome);
      const plain = Simulation.start(draft, seed);
      plain.runToEnd();
      levers += played.state.decisions - plain.state.decisions;
    }
    expect(levers).toBeGreaterThan(50);
  });

  it('every bundled scenario: any mediator played and left to its model ends as nobody playing it (following the record too)', () => {
    for (const file of bundledScenarioFiles().filter((f) => f !== 'template.yaml')) {
      const model = compile(loadBundled(file));
      if (model.scenario.talks) continue;
      const mediators = model.parties.filter((p) => leversOf(model, p.id).length > 0).map((p) => p.id);
      expect(mediators.length, file).toBeGreaterThan(0);
      const follows = model.scenario.history.length > 0 ? [undefined, Infinity] : [undefined];
      for (const followRecordUntil of follows) {
        for (const seed of ['1', '2']) {
          const options = followRecordUntil === undefined ? {} : { followRecordUntil };
          const plain = Simulation.start(model, seed, options).runToEnd();
          for (const m of mediators) expect(Simulation.start(model, seed, { ...options, levers: [m] }).runToEnd(), `${file} ${m} ${seed}`).toEqual(plain);
        }
      }
    }
  });

  it("the other parties' decisions keep their order and number among themselves", () => {
    const seed = '7';
    const plain = Session.start(draft, seed);
    const plainSeq: string[] = [];
    while (plain.decision) {
      plainSeq.push(`${plain.decision.day} ${plain.decision.party} ${plain.decision.obligation}`);
      plain.decide();
    }
    const played = Session.start(draft, seed, US);
    const playedSeq: string[] = [];
    let leverCount = 0;
    while (played.decision) {
      if (played.decision.party === 'us') leverCount += 1;
      else playedSeq.push(`${played.decision.day} ${played.decision.party} ${played.decision.obligation}`);
      played.decide();
    }
    expect(leverCount).toBeGreaterThan(0);
    expect(playedSeq).toEqual(plainSeq);
  });
});

describe('press or hold back', () => {
  function pressDay(choice: Response) {
    const sim = Simulation.start(draft, '2', US);
    const d = toLever(sim, 'press');
    expect(d.party).toBe('us');
    expect(d.probabilities.comply).toBe(1);
    expect(d.allowed).toEqual(['comply', 'refuse']);
    sim.decide(choice);
    // To the end of the day (the reaction lands there), then read the pressure of the next morning.
    while (sim.state.day === d.day && sim.nextDecision()) sim.decide();
    return { sim, d };
  }

  it('holding back leaves the US pressure off the side that fell short (0.30, less 20% a day since)', () => {
    const pressed = pressDay('comply');
    const held = pressDay('refuse');
    const target = pressed.d.target!;
    expect(['hamas', 'israel']).toContain(target);
    const gap = pressed.sim.state.parties[target]!.mediatorPressure - held.sim.state.parties[target]!.mediatorPressure;
    // Both runs stand at the next decision, on the same day: the pressure has decayed each day since.
    expect(held.sim.state.day).toBe(pressed.sim.state.day);
    expect(gap).toBeCloseTo(0.3 * 0.8 ** (pressed.sim.state.day - pressed.d.day), 9);
    expect(held.sim.trace!.some((e) => e.type === 'mediator.acted' && e.chosen && /held back from pressing/.test(e.text))).toBe(true);
    expect(pressed.sim.trace!.some((e) => e.type === 'party.reacted' && e.chosen && /United States presses/.test(e.text))).toBe(true);
  });

  it('is keyed luck: the incidents are the same with either answer', () => {
    const incidents = (choice: Response) => {
      const { sim } = pressDay(choice);
      finish(sim);
      return sim.trace!.filter((e) => e.type === 'incident' && e.day <= 40).map((e) => `${e.day} ${e.text}`);
    };
    expect(incidents('refuse')).toEqual(incidents('comply'));
  });
});

describe('keep or withdraw a guarantee', () => {
  // Seed 65: Hamas's second violation on day 31 makes `violations(hamas) >= 2` hold.
  function atGuarantee() {
    const sim = Simulation.start(draft, '65', US);
    const d = toLever(sim, 'guarantee');
    expect(d).toMatchObject({ party: 'us', target: 'hamas', obligation: 'guarantee:hamas' });
    expect(d.probabilities.refuse).toBe(1);
    return sim;
  }

  it('withdrawing takes the guarantee away and aggrieves Hamas, as the model does', () => {
    const sim = atGuarantee();
    const grievance = sim.state.parties['hamas']!.grievance;
    sim.decide('refuse');
    expect(sim.state.guarantees['us']).toBe(false);
    expect(sim.state.parties['hamas']!.guaranteesInForce).toBe(0);
    expect(sim.state.parties['hamas']!.grievance).toBeCloseTo(grievance + draft.reciprocity, 12);
    expect(sim.trace!.at(-1)).toMatchObject({ type: 'guarantee.withdrawn', chosen: true });
  });

  it('keeping it keeps Hamas guaranteed, and it is not asked again while the condition keeps holding', () => {
    const sim = atGuarantee();
    sim.decide('comply');
    expect(sim.state.guarantees['us']).toBe(true);
    expect(sim.state.parties['hamas']!.guaranteesInForce).toBe(1);
    let asked = 0;
    for (let d = sim.nextDecision(); d; d = sim.nextDecision()) {
      if (d.kind === 'guarantee') asked += 1;
      sim.decide();
    }
    expect(asked).toBe(0);
    expect(sim.state.guarantees['us']).toBe(true);
  });

  it('a condition that stops holding and holds again asks again (never on two days running)', () => {
    const text = readFileSync(join(SCENARIOS_DIR, DOHA_FILE), 'utf8').replace('withdraw-when: "violations(hamas) >= 2"', 'withdraw-when: "grievance(hamas) > 0.1"');
    const loaded = loadScenario(text, 'variant.yaml');
    if (!loaded.ok) throw new Error('variant does not load');
    const model: Model = compile(loaded.scenario);
    let best: number[] = [];
    for (let i = 1; i <= 60 && best.length < 2; i++) {
      const sim = Simulation.start(model, String(i), US);
      const days: number[] = [];
      for (let d = sim.nextDecision(); d; d = sim.nextDecision()) {
        if (d.kind === 'guarantee') days.push(d.day);
        sim.decide(d.kind === 'guarantee' ? 'comply' : undefined);
      }
      if (days.length > best.length) best = days;
    }
    expect(best.length).toBeGreaterThanOrEqual(2);
    for (let k = 1; k < best.length; k++) expect(best[k]! - best[k - 1]!).toBeGreaterThanOrEqual(2);
  });
});

describe('offer a withdrawn guarantee again, or stay out', () => {
  // Seed 65: the US withdraws on day 31 (Hamas's second violation); Hamas next complies on day 50, then on day 60.
  function atOffer() {
    const sim = Simulation.start(draft, '65', US);
    const d = toLever(sim, 'reoffer');
    return { sim, d };
  }
  /** The next decision of Hamas (answered by the model up to it), and the run there. */
  function nextHamas(sim: Simulation): Decision {
    for (let d = sim.nextDecision(); d; d = sim.nextDecision()) {
      if (d.party === 'hamas' && d.kind === 'obligation') return d;
      sim.decide();
    }
    throw new Error('Hamas has no decision left');
  }

  it('is asked only once the beneficiary has complied since the withdrawal; the model stays out', () => {
    const { sim, d } = atOffer();
    expect(d).toMatchObject({ kind: 'reoffer', party: 'us', day: 50, target: 'hamas', obligation: 'guarantee:hamas', allowed: ['comply', 'refuse'] });
    expect(d.probabilities.comply).toBe(0);
    expect(d.probabilities.refuse).toBe(1);
    expect(d.text).toMatch(/guarantee to Hamas is not in force.*does United States offer it again/);
    expect(sim.state.guarantees['us']).toBe(false);
    // Between the withdrawal (day 31) and day 50 nothing asked it: Hamas complied with nothing.
    const withdrawn = sim.trace!.find((e) => e.type === 'guarantee.withdrawn')!;
    expect(withdrawn.day).toBe(31);
    expect(sim.trace!.some((e) => e.type === 'party.responded' && e.party === 'hamas' && e.response === 'comply' && e.day > 31)).toBe(true);
  });

  it('offering puts the guarantee back in force, eases Hamas’s grievance by r, and raises its later odds of complying', () => {
    const offered = atOffer().sim;
    const stayed = atOffer().sim;
    const grievance = offered.state.parties['hamas']!.grievance;
    offered.decide('comply');
    stayed.decide('refuse');
    expect(offered.state.guarantees['us']).toBe(true);
    expect(offered.state.parties['hamas']!.guaranteesInForce).toBe(1);
    expect(offered.state.parties['hamas']!.grievance).toBeCloseTo(Math.max(0, grievance - draft.reciprocity), 12);
    expect(offered.trace!.at(-1)).toMatchObject({ type: 'guarantee.offered', party: 'us', chosen: true });
    expect(offered.trace!.at(-1)!.text).toMatch(/^United States offered its guarantee to Hamas again/);
    expect(stayed.state.guarantees['us']).toBe(false);
    expect(stayed.trace!.at(-1)).toMatchObject({ type: 'mediator.acted', response: 'refuse', chosen: true });
    // The same next decision of Hamas, with the guarantee term (g = 1) and less grievance: more likely to comply.
    const a = nextHamas(offered);
    const b = nextHamas(stayed);
    expect(`${a.day} ${a.obligation}`).toBe(`${b.day} ${b.obligation}`);
    expect(a.probabilities.comply).toBeGreaterThan(b.probabilities.comply);
    // Kept from then on: `violations(hamas) >= 2` still holds, but the US is not asked to withdraw again.
    let asked = 0;
    for (let d = offered.nextDecision(); d; d = offered.nextDecision()) {
      if (d.party === 'us' && (d.kind === 'guarantee' || d.kind === 'reoffer')) asked += 1;
      offered.decide();
    }
    expect(asked).toBe(0);
    expect(offered.state.guarantees['us']).toBe(true);
  });

  it('staying out is what the model does: same state and next decisions, asked again only after Hamas complies again', () => {
    const chose = atOffer().sim;
    const model = atOffer().sim;
    chose.decide('refuse');
    model.decide();
    expect(JSON.stringify(chose.state)).toBe(JSON.stringify(model.state));
    const next = toLever(chose, 'reoffer');
    expect(next.day).toBe(60);
    expect(toLever(model, 'reoffer').day).toBe(60);
    expect(chose.runToEnd()).toEqual(runOnce(draft, { seed: '65', trace: false }).outcome);
  });

  it('a choice log with an offer replays exactly; nobody playing the US, no offer exists', () => {
    const session = Session.start(draft, '65', US);
    while (session.decision) session.decide(session.decision.kind === 'reoffer' ? 'comply' : undefined);
    expect(Object.values(session.choices)).toContain('comply');
    expect(session.trace.filter((e) => e.type === 'guarantee.offered')).toHaveLength(1);
    const replayed = Session.replay(draft, '65', session.choices, session.state.decisions, US);
    expect(replayed.decision).toBeUndefined();
    expect(JSON.stringify(replayed.trace)).toBe(JSON.stringify(session.trace));
    expect(replayed.outcome).toEqual(session.outcome);
    const plain = Simulation.start(draft, '65');
    for (let d = plain.nextDecision(); d; d = plain.nextDecision()) {
      expect(d.kind).not.toBe('reoffer');
      plain.decide();
    }
    expect(plain.trace!.some((e) => e.type === 'guarantee.offered')).toBe(false);
  });
});

describe('broker an extension', () => {
  // Seed 4: the truce reaches day 60 with every captive home and talks under way.
  it('the model brokers with the rule’s chance; brokering extends, letting it lapse ends the phase', () => {
    const at = () => {
      const sim = Simulation.start(draft, '4', US);
      const d = toLever(sim, 'broker');
      return { sim, d };
    };
    const { d } = at();
    expect(d).toMatchObject({ party: 'us', day: 60, obligation: 'extension:truce', allowed: ['comply', 'refuse'] });
    expect(d.probabilities.comply).toBe(draft.params['extension-chance']);
    expect(d.probabilities.refuse).toBeCloseTo(1 - draft.params['extension-chance']!, 12);

    const yes = at().sim;
    yes.decide('comply');
    expect(yes.trace!.at(-1)).toMatchObject({ type: 'phase.extended', chosen: true });
    expect(yes.state.phaseEndDay).toBe(67);
    const no = at().sim;
    no.decide('refuse');
    expect(no.trace!.some((e) => e.type === 'mediator.acted' && e.chosen)).toBe(true);
    const ended = finish(no);
    expect(ended.metrics.extensionDays).toBe(0);
    expect(ended.day).toBe(60);
    expect(finish(yes).metrics.extensionDays).toBeGreaterThanOrEqual(7);
  });
});

describe('replay and determinism', () => {
  function play(seed: string) {
    const session = Session.start(draft, seed, US);
    let k = 0;
    while (session.decision) {
      const d = session.decision;
      if (d.party === 'us') session.decide(k++ % 2 === 0 ? 'refuse' : 'comply');
      else session.decide();
    }
    return session;
  }

  it('the same seed and choices give the same run; the choice log replays it exactly', () => {
    for (const seed of ['3', '17', '20']) {
      const a = play(seed);
      const b = play(seed);
      expect(a.over && b.over).toBe(true);
      expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
      expect(Object.keys(a.choices).length).toBeGreaterThan(0);
      const replayed = Session.replay(draft, seed, a.choices, a.state.decisions, US);
      expect(replayed.over).toBe(true);
      expect(JSON.stringify(replayed.trace)).toBe(JSON.stringify(a.trace));
      expect(replayed.outcome).toEqual(a.outcome);
    }
  });

  it('undo goes back to the lever decision exactly', () => {
    const session = Session.start(draft, '3', US);
    session.advance('end', 'us');
    const pending = session.decision!;
    const before = JSON.stringify(session.state);
    session.decide('refuse');
    expect(session.undo()).toBe(true);
    expect(session.decision).toEqual(pending);
    expect(JSON.stringify(session.state)).toBe(before);
    expect(session.choices).toEqual({});
  });

  it('advance stops at the played mediator’s decisions only', () => {
    const session = Session.start(draft, '3', US);
    session.advance('end', 'us');
    expect(session.decision?.party).toBe('us');
    expect(session.decision?.kind).toBe('press');
  });
});
