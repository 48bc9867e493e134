/**
 * A run's branches to and from a shared link: each branch is rebuilt from its seed, assumptions,
 * choices and position (with the engine's determinism, exactly the branch that was shared), and
 * the branch on screen stays the one the link shows.
 */
import { compile, ParameterError, type Model, type TalksAnswer } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { leversFor, rebuildSession, type ChoiceSpec } from './rebuild.ts';
import { hasRecord } from './record-follow.ts';
import { viewOf } from './run-view.ts';
import type { Branch, RunContext } from './run-context.ts';
import { originText, parseOrigin, type BranchShare } from './share-branches.ts';
import type { RecordFollow, ShareState } from './share-url.ts';
import { hasTalksSeat } from './talks-ops.ts';

/** What a link says about one branch. */
export interface BranchSpec {
  seed: string;
  params: Readonly<Record<string, number>>;
  choices: Readonly<Record<number, ChoiceSpec['response']>>;
  at: number;
  follow?: RecordFollow;
  /** The talks side a person sits in, and their answers there (scenarios with talks). */
  seat?: string;
  talks?: readonly TalksAnswer[];
}

type Built = Omit<Branch, 'id' | 'name' | 'origin'>;

/** The origin a branch has when the link says none: from the start, or from the record it follows. */
export function defaultOrigin(follow: RecordFollow | undefined): string {
  return follow === undefined ? 'the start' : follow === 'end' ? 'the record as it happened' : `the record through day ${follow}`;
}

/** Rebuilds one branch a link describes (with the levers of the mediator `playing`, if any); whatever does not fit the scenario is noted in `notes` and left to the defaults. */
export function branchFromLink(scenario: Scenario, spec: BranchSpec, notes: string[], playing: string | undefined, label = ''): Built {
  let params: Record<string, number> = {};
  let model: Model;
  try {
    for (const [k, v] of Object.entries(spec.params)) if (scenario.parameters[k]?.default !== v) params[k] = v;
    model = compile(scenario, params);
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    notes.push(`${label}${error.message}; the defaults are used instead`);
    params = {};
    model = compile(scenario);
  }
  let follow = spec.follow;
  if (follow !== undefined && !hasRecord(scenario)) {
    notes.push(`${label}this scenario has no record of what happened, so the run follows the parties' models`);
    follow = undefined;
  }
  const choices: Record<number, ChoiceSpec> = {};
  for (const [n, response] of Object.entries(spec.choices)) choices[Number(n)] = { response };
  let seat = spec.seat;
  if (seat !== undefined && !hasTalksSeat(scenario, seat)) {
    notes.push(`${label}there is no seat \`${seat}\` at these talks`);
    seat = undefined;
  }
  const built = rebuildSession(model, spec.seed, choices, { decisions: spec.at }, { follow, levers: leversFor(model, playing), seat, answers: spec.talks });
  if (built.dropped > 0) notes.push(`${label}${built.dropped} choice${built.dropped === 1 ? '' : 's'} in the link did not fit the run and ${built.dropped === 1 ? 'was' : 'were'} left to the model`);
  return { seed: spec.seed, params, ...(follow !== undefined ? { follow } : {}), model, session: built.session, view: viewOf(built.session), meta: built.meta };
}

const letterIndex = (name: string) => [...name].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

/**
 * The branches of a shared comparison around `shown`, the branch the link's own fields describe:
 * in the link's order, `shown` where the link marks the branch on screen (first if it marks none).
 */
export function openBranches(scenario: Scenario, shown: Built, spec: BranchSpec, shares: readonly BranchShare[], notes: string[], playing: string | undefined): Pick<RunContext, 'branches' | 'active' | 'made'> {
  const branches: Branch[] = [];
  const named = (name: string) => branches.some((b) => b.name === name);
  const marked = shares.find((s) => s.active);
  for (const share of shares) {
    if (named(share.name)) {
      notes.push(`the link names branch ${share.name} twice; the second is left out`);
      continue;
    }
    const origin = share.origin ? originText(share.origin) : undefined;
    if (share === marked) {
      branches.push({ ...shown, id: share.name, name: share.name, origin: origin ?? defaultOrigin(shown.follow) });
      continue;
    }
    const own: BranchSpec = {
      seed: share.seed ?? spec.seed,
      params: share.params ?? spec.params,
      choices: share.choices,
      at: share.at,
      ...(share.follow !== undefined ? { follow: share.follow } : {}),
      ...(share.seat !== undefined ? { seat: share.seat } : {}),
      ...(share.talks !== undefined ? { talks: share.talks } : {}),
    };
    const built = branchFromLink(scenario, own, notes, playing, `branch ${share.name}: `);
    branches.push({ ...built, id: share.name, name: share.name, origin: origin ?? defaultOrigin(built.follow) });
  }
  if (!marked) {
    let n = 0;
    while (named(String.fromCharCode(65 + n))) n += 1;
    const name = String.fromCharCode(65 + n);
    branches.unshift({ ...shown, id: name, name, origin: defaultOrigin(shown.follow) });
  }
  const active = marked && named(marked.name) ? marked.name : branches[0]!.id;
  return { branches, active, made: Math.max(...branches.map((b) => letterIndex(b.name))) + 1 };
}

const sameParams = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** Every branch for a link (none when there is only one: the link's own fields say it all). */
export function branchesShare(branches: readonly Branch[], active: Branch): BranchShare[] | undefined {
  if (branches.length < 2) return undefined;
  return branches.map((b) => {
    const origin = b.origin === defaultOrigin(b.follow) ? {} : { origin: parseOrigin(b.origin) };
    if (b.id === active.id) return { name: b.name, active: true as const, choices: {}, at: 0, ...origin };
    return {
      name: b.name,
      choices: b.view.choices,
      at: b.view.decisions,
      ...(b.seed !== active.seed ? { seed: b.seed } : {}),
      ...(sameParams(b.params, active.params) ? {} : { params: b.params }),
      ...(b.follow !== undefined ? { follow: b.follow } : {}),
      ...(b.view.talks?.seat !== undefined ? { seat: b.view.talks.seat } : {}),
      ...(b.view.talks && b.view.talks.answers.length > 0 ? { talks: b.view.talks.answers } : {}),
      ...origin,
    };
  });
}

/** The link's own fields, as a branch spec (defaults for anything missing). */
export function specOf(share: Partial<ShareState>, defaultSeed: string): BranchSpec {
  return {
    seed: share.seed ?? defaultSeed,
    params: share.params ?? {},
    choices: share.choices ?? {},
    at: share.at ?? 0,
    ...(share.follow !== undefined ? { follow: share.follow } : {}),
    ...(share.seat !== undefined ? { seat: share.seat } : {}),
    ...(share.talks !== undefined ? { talks: share.talks } : {}),
  };
}
