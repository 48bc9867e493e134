/**
 * The truce statechart as a tree to draw, read from the machine itself (`machine.root`), with the
 * states active in the run's current state value marked.
 */
import type { StateValue } from 'xstate';
import type { Model } from '../../engine/index.ts';

export interface StateTransition {
  event: string;
  guard?: string;
  /** Labels of the target states. */
  targets: string[];
}

export interface StateNodeView {
  id: string;
  key: string;
  /** The state's description, or its key. */
  label: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** Passed through at once (it only has `always` transitions). */
  transient: boolean;
  active: boolean;
  transitions: StateTransition[];
  children: StateNodeView[];
}

interface MachineNode {
  id: string;
  key: string;
  type: StateNodeView['type'];
  description?: string;
  states: Record<string, MachineNode>;
  on: Record<string, readonly { target?: readonly MachineNode[]; guard?: unknown }[]>;
  always?: readonly { target?: readonly MachineNode[]; guard?: unknown }[];
}

/** Ids of the active state nodes for a state value, e.g. `{ truce: 'running' }` → root.truce, root.truce.running. */
export function activeIds(rootId: string, value: StateValue): Set<string> {
  const ids = new Set<string>([rootId]);
  const walk = (prefix: string, v: StateValue) => {
    if (typeof v === 'string') {
      ids.add(`${prefix}.${v}`);
      return;
    }
    for (const [key, child] of Object.entries(v)) {
      ids.add(`${prefix}.${key}`);
      if (child !== undefined) walk(`${prefix}.${key}`, child as StateValue);
    }
  };
  walk(rootId, value);
  return ids;
}

function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String((guard as { type: unknown }).type);
  return 'a condition';
}

function labelOf(node: MachineNode): string {
  return node.description ?? node.key;
}

export function statechartTree(model: Model, value: StateValue): StateNodeView {
  const root = model.machine.root as unknown as MachineNode;
  const active = activeIds(root.id, value);
  const build = (node: MachineNode): StateNodeView => {
    const transitions: StateTransition[] = [];
    for (const [event, list] of Object.entries(node.on ?? {})) {
      for (const t of list) transitions.push({ event, guard: guardName(t.guard), targets: (t.target ?? []).map((n) => n.key) });
    }
    for (const t of node.always ?? []) transitions.push({ event: 'at once', guard: guardName(t.guard), targets: (t.target ?? []).map((n) => n.key) });
    return {
      id: node.id,
      key: node.key,
      label: labelOf(node),
      type: node.type,
      transient: (node.always?.length ?? 0) > 0,
      active: active.has(node.id),
      transitions,
      children: Object.values(node.states ?? {}).map(build),
    };
  };
  return build(root);
}
