// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/components/App.tsx';
import { ParleyContext } from '../../src/ui/logic/app-context.ts';
import { diskCatalog } from './helpers.ts';

const catalog = diskCatalog();

function mount(hash = '') {
  window.history.replaceState(null, '', `/${hash}`);
  return render(
    <ParleyContext.Provider options={{ input: { catalog, hash } }}>
      <App />
    </ParleyContext.Provider>,
  );
}

// The stepper is a lazily loaded module (App.tsx): load it once, so that the tests below render it at once.
beforeAll(async () => {
  mount('#/run/doha-60-day-draft?seed=1&at=0');
  await screen.findByTestId('current-day', {}, { timeout: 10_000 });
  cleanup();
});
beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('the record in the stepper', () => {
  it('offers "As it happened" next to "Step through it" only on scenarios that have a record', () => {
    mount();
    const card = (id: string) => screen.getAllByRole('article').find((a) => a.getAttribute('aria-labelledby') === `title-${id}`)!;
    expect(within(card('january-2025-phase-one')).getByRole('link', { name: 'As it happened' }).getAttribute('href')).toBe('#/run/january-2025-phase-one?seed=1&at=0&rec=end');
    expect(within(card('november-2023-truce')).getByRole('link', { name: 'As it happened' })).toBeTruthy();
    expect(within(card('doha-60-day-draft')).queryByRole('link', { name: 'As it happened' })).toBeNull();
  });

  it('shows the record on the run page, marks recorded lines and says which answers were as agreed', () => {
    mount('#/run/january-2025-phase-one?seed=1&at=0&rec=end');
    expect(screen.getByTestId('record-status').textContent).toMatch(/^Branch A follows as it happened, to Day 59 · 18 Mar 2025/);
    expect(screen.getByTestId('record-move').textContent).toMatch(/record is silent on this one/);
    fireEvent.click(screen.getByRole('button', { name: /^Run to the end/ }));
    const log = screen.getByTestId('log');
    expect(log.textContent).toContain('Day 59 · 18 Mar 2025');
    const recorded = log.querySelectorAll('li[data-provenance="recorded"]');
    expect(recorded.length).toBe(5);
    expect([...recorded].every((li) => li.querySelector('.record-tag'))).toBe(true);
    expect(log.querySelectorAll('li[data-provenance="as-agreed"]').length).toBeGreaterThan(50);
    expect(log.querySelectorAll('li[data-provenance="model"]').length).toBe(0);
  });

  it('watches a model run as it happened, then leaves the record after a typed day, keeping both branches', () => {
    mount('#/run/january-2025-phase-one?seed=1&at=0');
    expect(screen.getByTestId('record-status').textContent).toMatch(/follows the parties' models from day 1/);
    fireEvent.click(screen.getByRole('button', { name: 'Watch it as it happened' }));
    // The address shows branch B and lists both branches (A: the models, at its start).
    expect(window.location.hash).toBe('#/run/january-2025-phase-one?seed=1&at=0&rec=end&b=A~a0&b=B~!');
    fireEvent.change(screen.getByLabelText('Follow the record through day'), { target: { value: '16' } });
    fireEvent.click(screen.getByRole('button', { name: 'then let the model decide' }));
    expect(screen.getByTestId('record-status').textContent).toMatch(/^Branch C follows the record through Day 16 · 3 Feb 2025, then the parties' models/);
    expect(window.location.hash).toMatch(/&rec=16&b=A~a0&b=B~a0~rend&b=C~!$/);
    expect(screen.getAllByRole('button', { name: /^Branch [ABC]\b/ })).toHaveLength(3);
  });
});
