/**
 * The app as a statechart: the library or a run. Every student action is an event; the run's
 * context is updated by the pure-ish operations in run-ops.ts (they drive the engine's Session).
 * Components read it with `useSelector` and `send` events (see app-context.ts).
 */
import { assign, setup } from 'xstate';
import type { AdvanceTarget, Response } from '../../engine/index.ts';
import { findScenario, type CatalogEntry } from './catalog.ts';
import {
  branchFromDay,
  choose,
  deleteBranch,
  dismissNotice,
  fork,
  leaveRecordAfter,
  openRun,
  restart,
  selectBranch,
  setParam,
  setPlaying,
  setSeed,
  shareOf,
  step,
  undo,
  watchAsItHappened,
  type Notice,
  type RunContext,
} from './run-ops.ts';
import { closeDebrief, openDebrief } from './debrief-ops.ts';
import { editHash, encodeShare, labHash, LIBRARY_HASH, parseHash } from './share-url.ts';

export interface AppContext {
  catalog: readonly CatalogEntry[];
  run?: RunContext;
  /** The lab is open (on this scenario id, if one was named). */
  lab?: { scenario?: string };
  /** The editor is open (on this draft, or on a draft shared in the address). */
  edit?: { draft?: string; shared?: string };
  /** A message for the library page (e.g. a link to a scenario that does not exist). */
  notice?: Notice;
}

export type AppEvent =
  | { type: 'route.changed'; hash: string }
  | { type: 'step'; target: AdvanceTarget }
  | { type: 'choose'; response?: Response }
  | { type: 'undo' }
  | { type: 'restart' }
  | { type: 'seed.set'; seed: string }
  | { type: 'play'; party?: string }
  | { type: 'branch.fork' }
  | { type: 'branch.from-day'; day: number }
  /** A new branch on the record as it happened. */
  | { type: 'record.watch' }
  /** A new branch: the record through `day`, then the parties' models. */
  | { type: 'record.leave'; day: number }
  | { type: 'branch.select'; id: string }
  | { type: 'branch.delete'; id: string }
  | { type: 'param.set'; id: string; value?: number }
  | { type: 'notice.dismiss' }
  /** The debrief of the run (at its end), or back to the stepper. */
  | { type: 'debrief.open' }
  | { type: 'debrief.close' }
  /** Adds (or replaces) a draft in the catalog, then opens `hash` (the draft in the stepper or the lab). */
  | { type: 'draft.open'; entry: CatalogEntry; hash: string };

export interface AppInput {
  catalog: readonly CatalogEntry[];
  /** The location hash the app opens at. */
  hash?: string;
}

/** The hash that describes what is on screen. */
export function hashOf(context: AppContext): string {
  if (context.lab) return labHash(context.lab.scenario);
  if (context.edit) return editHash(context.edit);
  return context.run ? encodeShare(shareOf(context.run)) : LIBRARY_HASH;
}

/** Opens what a hash points at; a hash that already describes the open run changes nothing. */
export function route(context: AppContext, hash: string): AppContext {
  const target = parseHash(hash);
  if (target.page === 'library') return { catalog: context.catalog };
  if (target.page === 'edit') return { catalog: context.catalog, edit: { ...(target.draft !== undefined ? { draft: target.draft } : {}), ...(target.shared !== undefined ? { shared: target.shared } : {}) } };
  if (target.page === 'lab') return { catalog: context.catalog, lab: target.scenario !== undefined ? { scenario: target.scenario } : {} };
  if (context.run && hashOf(context) === hash) return context;
  const scenario = findScenario(context.catalog, target.scenario);
  if (!scenario) return { catalog: context.catalog, notice: { kind: 'error', text: `There is no bundled scenario \`${target.scenario}\`. Pick one below.` } };
  return { catalog: context.catalog, run: openRun(scenario, target.share, target.problems) };
}

/** What a page leaves behind when the address opens another: `assign` merges, so each is cleared by name. */
const NO_PAGE = { run: undefined, lab: undefined, edit: undefined, notice: undefined };

/** `f` applied to the open run (the event narrowed to its type), or no change in the library. */
function onRun<T extends AppEvent['type']>(type: T, f: (run: RunContext, event: Extract<AppEvent, { type: T }>) => RunContext) {
  return ({ context, event }: { context: AppContext; event: AppEvent }): Partial<AppContext> =>
    context.run && event.type === type ? { run: f(context.run, event as Extract<AppEvent, { type: T }>) } : {};
}

export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as AppInput,
  },
  guards: {
    'a run is open': ({ context }) => context.run !== undefined,
    'the lab is open': ({ context }) => context.lab !== undefined,
    'the editor is open': ({ context }) => context.edit !== undefined,
  },
  actions: {
    'add the draft and follow the link': assign(({ context, event }) =>
      event.type === 'draft.open' ? { ...NO_PAGE, ...route({ catalog: [event.entry, ...context.catalog.filter((e) => e.file !== event.entry.file)] }, event.hash) } : {},
    ),
    'follow the link': assign(({ context, event }) => (event.type === 'route.changed' ? { ...NO_PAGE, ...route(context, event.hash) } : {})),
    'step': assign(onRun('step', (run, e) => step(run, e.target))),
    'choose': assign(onRun('choose', (run, e) => choose(run, e.response))),
    'undo': assign(onRun('undo', undo)),
    'restart': assign(onRun('restart', restart)),
    'set the seed': assign(onRun('seed.set', (run, e) => setSeed(run, e.seed))),
    'play a party': assign(onRun('play', (run, e) => setPlaying(run, e.party))),
    'fork': assign(onRun('branch.fork', fork)),
    'branch from a day': assign(onRun('branch.from-day', (run, e) => branchFromDay(run, e.day))),
    'watch it as it happened': assign(onRun('record.watch', watchAsItHappened)),
    'leave the record after a day': assign(onRun('record.leave', (run, e) => leaveRecordAfter(run, e.day))),
    'select a branch': assign(onRun('branch.select', (run, e) => selectBranch(run, e.id))),
    'delete a branch': assign(onRun('branch.delete', (run, e) => deleteBranch(run, e.id))),
    'set a parameter': assign(onRun('param.set', (run, e) => setParam(run, e.id, e.value))),
    'dismiss the run notice': assign(onRun('notice.dismiss', dismissNotice)),
    'dismiss the notice': assign({ notice: undefined }),
    'open the debrief': assign(onRun('debrief.open', openDebrief)),
    'close the debrief': assign(onRun('debrief.close', closeDebrief)),
  },
}).createMachine({
  id: 'parley',
  context: ({ input }) => route({ catalog: input.catalog }, input.hash ?? ''),
  initial: 'routing',
  on: {
    'route.changed': { target: '.routing', actions: 'follow the link' },
    'draft.open': { target: '.routing', actions: 'add the draft and follow the link' },
  },
  states: {
    routing: {
      always: [{ guard: 'a run is open', target: 'run' }, { guard: 'the lab is open', target: 'lab' }, { guard: 'the editor is open', target: 'edit' }, { target: 'library' }],
    },
    library: {
      on: { 'notice.dismiss': { actions: 'dismiss the notice' } },
    },
    lab: {},
    edit: {},
    run: {
      on: {
        step: { actions: 'step' },
        choose: { actions: 'choose' },
        undo: { actions: 'undo' },
        restart: { actions: 'restart' },
        'seed.set': { actions: 'set the seed' },
        play: { actions: 'play a party' },
        'branch.fork': { actions: 'fork' },
        'branch.from-day': { actions: 'branch from a day' },
        'record.watch': { actions: 'watch it as it happened' },
        'record.leave': { actions: 'leave the record after a day' },
        'branch.select': { actions: 'select a branch' },
        'branch.delete': { actions: 'delete a branch' },
        'param.set': { actions: 'set a parameter' },
        'notice.dismiss': { actions: 'dismiss the run notice' },
        'debrief.open': { actions: 'open the debrief' },
        'debrief.close': { actions: 'close the debrief' },
      },
    },
  },
});
