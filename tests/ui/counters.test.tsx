// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { compile, Session } from '../../src/engine/index.ts';
import { Counters } from '../../src/ui/components/Counters.tsx';
import { Meter } from '../../src/ui/components/Meter.tsx';
import { StockTable } from '../../src/ui/components/StockTable.tsx';
import { activityCounters, guaranteeLines, partyMeters, stockRows } from '../../src/ui/logic/counters.ts';
import { flagship } from './helpers.ts';

afterEach(cleanup);

const scenario = flagship();
const model = compile(scenario);

/** The 60-day draft with every party complying on day 1 and day 7. */
function afterDay7() {
  const session = Session.start(model, '1');
  while (session.decision && session.decision.day <= 7) session.decide('comply');
  return session.state;
}

describe('stock counters', () => {
  it('start with every captive held and nothing released', () => {
    const rows = stockRows(scenario, Session.start(model, '1').state);
    const captives = rows.find((r) => r.id === 'captives')!;
    expect(captives).toMatchObject({ name: 'Captives', initial: 28, held: 28, heldSplit: '10 alive, 18 deceased' });
    expect(captives.released.map((r) => [r.label, r.value])).toEqual([['released alive', 0], ['deceased returned', 0]]);
  });

  it('show captives held, released alive and deceased returned, and prisoners released', () => {
    const state = afterDay7();
    render(<StockTable rows={stockRows(scenario, state)} />);
    const cell = (id: string) => document.querySelector(`[data-counter="${id}"]`)!.textContent;
    expect(cell('captives.held')).toBe('15 (2 alive, 13 deceased)');
    expect(cell('captives.alive')).toBe('8 released alive');
    expect(cell('captives.deceased')).toBe('5 deceased returned');
    expect(cell('prisoners.all')).toBe('390 released');
    expect(screen.getByRole('rowheader', { name: /Palestinian prisoners of 10,000/ })).toBeTruthy();
  });
});

describe('activity counters', () => {
  it('count aid trucks, withdrawals and extensions', () => {
    const state = afterDay7();
    render(<Counters rows={activityCounters(state)} />);
    const tile = (id: string) => document.querySelector(`[data-counter="${id}"] dd`)!.textContent;
    expect(tile('aid')).toBe('4,200');
    expect(tile('withdrawals')).toBe('1');
    expect(tile('extensions')).toBe('0 +0 days');
  });
});

describe('party state', () => {
  it('reads trust, grievance and pressures for each principal, and the guarantees', () => {
    const state = afterDay7();
    const meters = partyMeters(model, state);
    expect(meters.map((m) => m.name)).toEqual(['Hamas', 'Israel']);
    expect(meters[0]!.breakingPoint).toBe(1);
    expect(guaranteeLines(model, state)).toEqual([{ id: 'us', text: "United States's guarantee to Hamas", inForce: true }]);
  });

  it('draws a meter with its number and threshold', () => {
    render(<Meter label="Grievance" value={0.4567} kind="bad" limit={0.8} limitLabel="walks away" />);
    const meter = screen.getByRole('meter', { name: 'Grievance' });
    expect(meter.getAttribute('aria-valuenow')).toBe('0.46');
    expect(document.querySelector('.meter-value')!.textContent).toBe('0.46 / 0.8');
    expect(document.querySelector('.meter-limit')).toBeTruthy();
  });
});
