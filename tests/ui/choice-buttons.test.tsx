// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChoiceButtons } from '../../src/ui/components/ChoiceButtons.tsx';
import { ProbabilityBar } from '../../src/ui/components/ProbabilityBar.tsx';

afterEach(cleanup);

const probabilities = { comply: 0.8017, delay: 0.107, partial: 0.0714, violate: 0.0149, refuse: 0.004 };

describe('ChoiceButtons', () => {
  it('shows every allowed response with the model probability beside it', () => {
    render(<ChoiceButtons decision={{ allowed: ['comply', 'delay', 'partial', 'violate', 'refuse'], probabilities }} onChoose={() => {}} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.choice-label')?.textContent)).toEqual(['Comply', 'Delay', 'Partly comply', 'Violate', 'Refuse']);
    expect(screen.getByTestId('p-comply').textContent).toBe('model 80%');
    expect(screen.getByTestId('p-delay').textContent).toBe('model 11%');
    expect(screen.getByTestId('p-violate').textContent).toBe('model 1%');
    expect(screen.getByTestId('p-refuse').textContent).toBe('model <1%');
    expect(screen.getByRole('button', { name: /^Violate break the term model 1%$/ })).toBeTruthy();
  });

  it('sends the chosen response', () => {
    const onChoose = vi.fn();
    render(<ChoiceButtons decision={{ allowed: ['comply', 'delay', 'partial', 'violate', 'refuse'], probabilities }} onChoose={onChoose} />);
    fireEvent.click(screen.getByRole('button', { name: /^Partly comply/ }));
    expect(onChoose).toHaveBeenCalledWith('partial');
  });

  it('offers only what the decision allows (an extension offer is accepted or declined)', () => {
    render(<ChoiceButtons decision={{ allowed: ['comply', 'refuse'], probabilities: { comply: 0.6, delay: 0, partial: 0, violate: 0, refuse: 0.4 } }} onChoose={() => {}} />);
    expect(screen.getAllByRole('button').length).toBe(2);
    expect(screen.getByTestId('p-refuse').textContent).toBe('model 40%');
  });
});

describe('ProbabilityBar', () => {
  it('states each chance in words, not only as a coloured bar', () => {
    const { container } = render(<ProbabilityBar probabilities={probabilities} allowed={['comply', 'delay', 'partial', 'violate', 'refuse']} />);
    const text = container.querySelector('.pbar-legend')!.textContent!;
    expect(text).toContain('comply 80%');
    expect(text).toContain('refuse <1%');
    expect(container.querySelectorAll('.pbar-seg').length).toBe(5);
  });
});

describe('an extension offer', () => {
  it('is accepted or declined', () => {
    render(<ChoiceButtons decision={{ kind: 'extension', allowed: ['comply', 'refuse'], probabilities: { comply: 0.7, delay: 0, partial: 0, violate: 0, refuse: 0.3 } }} onChoose={() => {}} />);
    expect(screen.getAllByRole('button').map((b) => b.querySelector('.choice-label')?.textContent)).toEqual(['Accept', 'Decline']);
  });
});

describe("a played mediator's levers", () => {
  it('read as the mediator would say them, with the model’s odds', () => {
    const use = { comply: 1, delay: 0, partial: 0, violate: 0, refuse: 0 };
    const labels = (kind: 'press' | 'guarantee' | 'reoffer' | 'broker') => {
      cleanup();
      render(<ChoiceButtons decision={{ kind, allowed: ['comply', 'refuse'], probabilities: use }} onChoose={() => {}} />);
      return screen.getAllByRole('button').map((b) => b.querySelector('.choice-label')?.textContent);
    };
    expect(labels('press')).toEqual(['Press', 'Hold back']);
    expect(screen.getByRole('button', { name: /^Hold back no pressure this time model 0%$/ })).toBeTruthy();
    expect(labels('guarantee')).toEqual(['Keep guarantee', 'Withdraw']);
    expect(labels('broker')).toEqual(['Broker extension', 'Let it lapse']);
    expect(labels('reoffer')).toEqual(['Offer guarantee again', 'Stay out']);
    expect(screen.getByRole('button', { name: /^Stay out leave it withdrawn until the side complies again model 0%$/ })).toBeTruthy();
  });
});
