import { describe, expect, it } from 'vitest';
import { compile, Session } from '../../src/engine/index.ts';
import { rebuildSession } from '../../src/ui/logic/rebuild.ts';
import { flagship } from './helpers.ts';

const scenario = flagship();
const model = compile(scenario);

describe('rebuildSession', () => {
  it('gives exactly what Session.replay gives, and can be undone step by step', () => {
    const choices = { 13: 'violate', 14: 'comply', 20: 'delay' } as const;
    for (const at of [0, 5, 13, 14, 21, 200]) {
      const replayed = Session.replay(model, '7', choices, at);
      const rebuilt = rebuildSession(model, '7', { 13: { response: 'violate' }, 14: { response: 'comply' }, 20: { response: 'delay' } }, { decisions: at }).session;
      // Reading `decision` lets a session do its automatic steps up to the next decision.
      expect(rebuilt.decision).toEqual(replayed.decision);
      expect(rebuilt.trace).toEqual(replayed.trace);
      expect(rebuilt.state).toEqual(replayed.state);
      expect(rebuilt.choices).toEqual(replayed.choices);
      expect(rebuilt.canUndo).toBe(at > 0);
      rebuilt.advance('end');
      replayed.advance('end');
      expect(rebuilt.trace).toEqual(replayed.trace);
    }
  });

  it('stops at the first decision of a day', () => {
    const { session } = rebuildSession(model, '1', {}, { day: 10 });
    expect(session.decision).toMatchObject({ day: 10, party: 'hamas', obligation: 'captives-disclosure' });
  });

  it('drops a choice whose decision is no longer the same one', () => {
    const plain = rebuildSession(model, '1', {}, { day: 10 }).session;
    const n = plain.state.decisions;
    const kept = rebuildSession(model, '1', { [n]: { response: 'violate', party: 'hamas', obligation: 'captives-disclosure' } }, { decisions: n + 1 });
    expect(kept.dropped).toBe(0);
    expect(kept.session.choices[n]).toBe('violate');
    const wrong = rebuildSession(model, '1', { [n]: { response: 'violate', party: 'israel', obligation: 'weekly-aid' } }, { decisions: n + 1 });
    expect(wrong.dropped).toBe(1);
    expect(wrong.session.choices[n]).toBeUndefined();
  });
});
