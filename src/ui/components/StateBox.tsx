import type { StateNodeView } from '../logic/statechart-tree.ts';

const TYPE_NOTE: Partial<Record<StateNodeView['type'], string>> = { final: 'final' };

/** One state of the chart, its outgoing transitions and its children. */
export function StateBox({ node }: { node: StateNodeView }) {
  const classes = ['state', `state-${node.type}`, node.active ? 'active' : '', node.transient ? 'transient' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-state={node.id} aria-current={node.active ? 'step' : undefined}>
      <div className="state-name">
        {node.active && <span className="state-here">● now</span>}
        <strong>{node.key}</strong>
        {TYPE_NOTE[node.type] && <span className="state-type">{TYPE_NOTE[node.type]}</span>}
        {node.transient && <span className="state-type">passes through</span>}
      </div>
      {node.label !== node.key && <div className="state-desc">{node.label}</div>}
      {node.transitions.length > 0 && (
        <ul className="transitions">
          {node.transitions.map((t, i) => (
            <li key={i}>
              <code>{t.event}</code>
              {t.guard && <span className="guard"> if {t.guard}</span>}
              {' → '}
              {t.targets.join(', ') || 'itself'}
            </li>
          ))}
        </ul>
      )}
      {node.children.length > 0 && (
        <div className="state-children">
          {node.children.map((child) => (
            <StateBox key={child.id} node={child} />
          ))}
        </div>
      )}
    </div>
  );
}
