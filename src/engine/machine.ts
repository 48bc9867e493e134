/**
 * The truce statechart: one compound state per phase (`running` → `extended`), the gates between
 * phases, and the terminal outcomes. It is the one source of truth for what it names: the phase
 * the truce is in, the extension days granted, why the truce ended (a collapse or a failed
 * gate), and the terminal outcome; the engine reads these back from its snapshot. The day-by-day
 * bookkeeping (obligations, parties, stocks) lives in the day loop (simulation.ts and its parts).
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import type { Phase } from '../scenario/core.ts';

export type TruceEvent =
  | { type: 'phase.extended'; days: number }
  | { type: 'phase.end'; gateOpen: boolean; cause?: string }
  | { type: 'truce.collapsed'; cause: string };

export interface TruceContext {
  /** Extra days granted across all phases. */
  extensionDays: number;
  /** Why the truce ended without running its course: a collapse, or a gate not met. */
  cause?: string;
}

/** Terminal state names; `advanced` states are named after the final phase reached. */
export const TERMINAL_STATES = ['completed', 'extended-then-completed', 'stalled', 'collapsed'] as const;

function gateFailureTarget(phase: Phase): string {
  const otherwise = phase.gate?.otherwise ?? 'stalled';
  return otherwise === 'completed' ? 'ending' : otherwise === 'collapsed' ? 'gate-failed' : 'stalled';
}

export function buildTruceMachine(phases: readonly Phase[]) {
  const states: Record<string, object> = {};
  phases.forEach((phase, i) => {
    if (phase.final) {
      states[phase.id] = { type: 'final', description: `Reached ${phase.name ?? phase.id}` };
      return;
    }
    const next = phases[i + 1];
    const onEnd = next === undefined
      ? [{ target: 'ending' }]
      : phase.gate
        ? [{ guard: 'gate is open', target: next.id }, { target: gateFailureTarget(phase), actions: 'record cause' }]
        : [{ target: next.id }];
    states[phase.id] = {
      description: phase.name ?? phase.id,
      initial: 'running',
      states: {
        running: { description: `Scheduled ${phase.length} days` },
        extended: { description: 'Running on extension days' },
      },
      on: {
        'phase.extended': { target: '.extended', actions: 'count extension' },
        'phase.end': onEnd,
        'truce.collapsed': { target: 'collapsed', actions: 'record cause' },
      },
    };
  });

  return setup({
    types: {
      context: {} as TruceContext,
      events: {} as TruceEvent,
    },
    guards: {
      'gate is open': ({ event }) => event.type === 'phase.end' && event.gateOpen,
      'was extended': ({ context }) => context.extensionDays > 0,
    },
    actions: {
      'count extension': assign({
        extensionDays: ({ context, event }) => context.extensionDays + (event.type === 'phase.extended' ? event.days : 0),
      }),
      'record cause': assign({
        cause: ({ event }) => (event.type === 'truce.collapsed' || event.type === 'phase.end' ? event.cause : undefined),
      }),
    },
  }).createMachine({
    id: 'truce',
    initial: phases[0]!.id,
    context: { extensionDays: 0 },
    states: {
      ...states,
      ending: {
        description: 'The last phase ran its course',
        always: [{ guard: 'was extended', target: 'extended-then-completed' }, { target: 'completed' }],
      },
      'gate-failed': {
        description: 'A gate into the next phase was not met, and that ends the truce',
        always: { target: 'collapsed' },
      },
      completed: { type: 'final' },
      'extended-then-completed': { type: 'final' },
      stalled: { type: 'final', description: 'A gate was not met; the truce lapsed without moving on' },
      collapsed: { type: 'final' },
    },
  });
}

export type TruceMachine = ReturnType<typeof buildTruceMachine>;
export type TruceSnapshot = SnapshotFrom<TruceMachine>;

/** The phase id the machine is in, or undefined in a terminal state. */
export function activePhase(snapshot: TruceSnapshot): string | undefined {
  return typeof snapshot.value === 'object' ? Object.keys(snapshot.value)[0] : undefined;
}
