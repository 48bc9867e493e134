// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index.ts';
import { StateBox } from '../../src/ui/components/StateBox.tsx';
import { activeIds, statechartTree } from '../../src/ui/logic/statechart-tree.ts';
import { flagship } from './helpers.ts';

afterEach(cleanup);

const model = compile(flagship());

describe('statechart drawn from the machine', () => {
  it('has every state of the machine, with transitions and guards', () => {
    const tree = statechartTree(model, { truce: 'running' });
    expect(tree.children.map((c) => c.key)).toEqual(['truce', 'permanent-ceasefire', 'ending', 'gate-failed', 'completed', 'extended-then-completed', 'stalled', 'collapsed']);
    const truce = tree.children[0]!;
    expect(truce.children.map((c) => c.key)).toEqual(['running', 'extended']);
    expect(truce.transitions).toContainEqual({ event: 'phase.end', guard: 'gate is open', targets: ['permanent-ceasefire'] });
    expect(truce.transitions).toContainEqual({ event: 'truce.collapsed', guard: undefined, targets: ['collapsed'] });
    expect(tree.children.find((c) => c.key === 'ending')!.transient).toBe(true);
  });

  it('marks the active states for a state value', () => {
    expect([...activeIds('truce', { truce: 'extended' })]).toEqual(['truce', 'truce.truce', 'truce.truce.extended']);
    const tree = statechartTree(model, 'stalled');
    expect(tree.children.filter((c) => c.active).map((c) => c.key)).toEqual(['stalled']);
  });

  it('highlights the active states when drawn', () => {
    const tree = statechartTree(model, { truce: 'running' });
    const { container } = render(
      <>
        {tree.children.map((c) => (
          <StateBox key={c.id} node={c} />
        ))}
      </>,
    );
    const active = [...container.querySelectorAll('.state.active')].map((el) => el.getAttribute('data-state'));
    expect(active).toEqual(['truce.truce', 'truce.truce.running']);
    expect(screen.getAllByText('● now')).toHaveLength(2);
  });
});
