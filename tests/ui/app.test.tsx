// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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

/** The log line whose text matches. */
function logLine(pattern: RegExp): HTMLElement {
  const line = [...screen.getByTestId('log').querySelectorAll('li')].find((li) => pattern.test(li.textContent ?? ''));
  if (!line) throw new Error(`no log line matches ${pattern}`);
  return line;
}

// The stepper is a lazily loaded module (App.tsx): load it once, so that the tests below render it at once.
beforeAll(async () => {
  mount('#/run/doha-60-day-draft?seed=1&at=0');
  await screen.findByTestId('current-day', {}, { timeout: 10_000 });
  cleanup();
});
beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('the app', () => {
  it('lists each bundled scenario with title, period, summary and sources, the 60-day draft first', () => {
    mount();
    const cards = screen.getAllByRole('article');
    // Every scenario but the writers' template, which the editor offers instead.
    expect(catalog.some((e) => e.file === 'template.yaml')).toBe(true);
    expect(cards.length).toBe(catalog.length - 1);
    expect(cards.map((c) => c.textContent).join(' ')).not.toContain('(template)');
    const first = cards[0]!;
    expect(within(first).getByRole('heading').textContent).toBe('60-day truce draft (Doha, July 2025)');
    expect(first.textContent).toContain('July 2025');
    expect(first.textContent).toContain('28 captives (10 alive, 18 dead)');
    // A seed article by its title and date, not its file hash.
    expect(first.textContent).toContain('Sources: “Two senior Hamas sources revealed notable progress in the ongoing Gaza ceasefire negotiations in Doha…” (July 2025)');
    expect(first.textContent).not.toContain('65bcf9322f49a869');
    expect(within(first).getByRole('link', { name: 'Step through it' }).getAttribute('href')).toBe('#/run/doha-60-day-draft?seed=1&at=0');
  });

  it('follows a link to a run and keeps the address in step with it', () => {
    mount();
    act(() => {
      window.location.hash = '#/run/doha-60-day-draft';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('current-day').textContent).toBe('Day 1');
    expect(window.location.hash).toBe('#/run/doha-60-day-draft?seed=1&at=0');
    fireEvent.click(screen.getByRole('button', { name: /^Next decision/ }));
    expect(window.location.hash).toBe('#/run/doha-60-day-draft?seed=1&at=1');
  });

  it('steps with → and goes back with ←, but not while typing in a field', () => {
    mount('#/run/doha-60-day-draft?seed=1&at=0');
    const first = screen.getByTestId('decision-text').textContent;
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getByTestId('decision-text').textContent).not.toBe(first);
    fireEvent.keyDown(screen.getByLabelText('Seed'), { key: 'ArrowLeft' });
    expect(screen.getByTestId('decision-text').textContent).not.toBe(first);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(screen.getByTestId('decision-text').textContent).toBe(first);
  });

  it('shows the source of a log line: the seed article (title and date, not its file) and its quote', () => {
    mount('#/run/doha-60-day-draft?seed=3&at=13');
    const line = logLine(/Due: Hamas must disclose information about the remaining captives\./);
    const badge = within(line).getByText('source: day-ten');
    expect(badge.closest('details')!.textContent).toContain('“Two senior Hamas sources revealed notable progress in the ongoing Gaza ceasefire negotiations in Doha…” (July 2025)');
    expect(badge.closest('details')!.textContent).not.toContain('65bcf9322f49a869');
    expect(badge.closest('details')!.textContent).toContain('Hamas would be required on the 10th day of the truce to disclose information');
  });

  it('asks the played party to choose, with probabilities, and logs the choice', () => {
    mount('#/run/doha-60-day-draft?seed=3&at=13&play=hamas');
    const choices = screen.getByRole('list', { name: 'Your response' });
    expect((screen.getByRole('button', { name: /^Next decision/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(choices).getByRole('button', { name: /^Refuse/ }));
    expect(logLine(/^Hamas refused/).textContent).toContain('(your choice)');
    expect(window.location.hash).toContain('c=13:refuse');
  });

  it('branches and compares', () => {
    mount('#/run/doha-60-day-draft?seed=3&at=13&play=hamas');
    fireEvent.click(screen.getByRole('button', { name: /^Branch here/ }));
    fireEvent.click(within(screen.getByRole('list', { name: 'Your response' })).getByRole('button', { name: /^Comply/ }));
    const table = screen.getByTestId('compare');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Measure', 'Branch A', 'Branch B (showing)']);
    expect(within(table).getByRole('rowheader', { name: /Your choices/ }).closest('tr')!.textContent).toContain('#14 comply');
  });

  it('opens the library with a message for a scenario that does not exist', () => {
    mount('#/run/no-such-thing');
    expect(screen.getByRole('alert').textContent).toContain('no-such-thing');
    expect(screen.getAllByRole('article').length).toBe(catalog.length - 1);
  });
});
