/** Opening the debrief is part of the run's address: a link reopens the run on its debrief. */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { appMachine, hashOf } from '../../src/ui/logic/app-machine.ts';
import { diskCatalog } from './helpers.ts';

describe('the debrief as an app event', () => {
  it('opens and closes with the address following, and a link with debrief=1 opens it', () => {
    const actor = createActor(appMachine, { input: { catalog: diskCatalog(), hash: '#/run/doha-60-day-draft?seed=1&at=0' } }).start();
    actor.send({ type: 'step', target: 'end' });
    actor.send({ type: 'debrief.open' });
    const open = hashOf(actor.getSnapshot().context);
    expect(open).toMatch(/&debrief=1$/);
    expect(actor.getSnapshot().context.run?.debrief).toBe(true);
    actor.send({ type: 'debrief.close' });
    expect(actor.getSnapshot().context.run?.debrief).toBeUndefined();
    expect(hashOf(actor.getSnapshot().context)).not.toMatch(/debrief/);

    const reopened = createActor(appMachine, { input: { catalog: diskCatalog(), hash: open } }).start();
    expect(reopened.getSnapshot().context.run?.debrief).toBe(true);
    expect(hashOf(reopened.getSnapshot().context)).toBe(open);
    expect(reopened.getSnapshot().context.run?.branches[0]?.view.outcome).toBeDefined();
  });
});
