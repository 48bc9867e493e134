/**
 * A run as the stepper holds it: its branches (each a seed, assumptions, a way of following the
 * record, the engine's session and a fresh view of it) and the party the student plays; with the
 * helpers every operation on it shares (run-ops.ts, talks-ops.ts).
 */
import type { Model, Session } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import type { ChoiceConsequences } from './consequences.ts';
import type { ChoiceMeta, ChoiceSpec } from './rebuild.ts';
import { viewOf, type RunView } from './run-view.ts';
import type { RecordFollow } from './share-url.ts';

export interface Branch {
  id: string;
  /** "A", "B", … */
  name: string;
  seed: string;
  /** Parameters changed from their defaults. */
  params: Readonly<Record<string, number>>;
  /** The branch follows the scenario's record through this day (`end`: as it happened), then the models. */
  follow?: RecordFollow;
  model: Model;
  session: Session;
  view: RunView;
  /** decision number → who and what a person's choice answered. */
  meta: Readonly<Record<number, ChoiceMeta>>;
  /** How the branch began, e.g. "forked from A on day 12". */
  origin: string;
  /** What the last step skipped over, e.g. "Days 3–6 passed with nothing to decide." */
  lastStep?: string;
  /** What the last answered decision changed; gone at the next step. */
  lastChoice?: ChoiceConsequences;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface RunContext {
  scenario: Scenario;
  /** The party the student plays; undefined when every party follows its model. */
  playing?: string;
  branches: readonly Branch[];
  active: string;
  /** Letters used so far, for naming the next branch. */
  made: number;
  notice?: Notice;
  /** The debrief of the active branch is open (debrief-ops.ts). */
  debrief?: boolean;
}

export function activeBranch(run: RunContext): Branch {
  return run.branches.find((b) => b.id === run.active) ?? run.branches[0]!;
}

/** The run with its active branch updated (and the notice replaced by `notice`, or gone). */
export function replaceActive(run: RunContext, update: (b: Branch) => Branch, notice?: Notice): RunContext {
  const { notice: _old, ...rest } = run;
  return {
    ...rest,
    branches: run.branches.map((b) => (b.id === run.active ? update(b) : b)),
    ...(notice ? { notice } : {}),
  };
}

/** The branch with `extra` in it and a fresh view of its session; what the last step said is gone. */
export function refreshed(b: Branch, extra: Partial<Branch> = {}): Branch {
  const { lastStep: _skip, lastChoice: _shown, ...rest } = b;
  return { ...rest, ...extra, view: viewOf(extra.session ?? b.session) };
}

/** The person's choices in a branch, with who and what each answered, to rebuild it with. */
export function choicesOf(b: Branch): Record<number, ChoiceSpec> {
  const out: Record<number, ChoiceSpec> = {};
  for (const [n, response] of Object.entries(b.view.choices)) out[Number(n)] = { response, ...b.meta[Number(n)] };
  return out;
}
