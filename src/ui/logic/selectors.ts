/** Selectors over the app actor's snapshot, shared by components. */
import type { SnapshotFrom } from 'xstate';
import type { appMachine } from './app-machine.ts';
import { activeBranch, type Branch, type RunContext } from './run-ops.ts';

export type AppSnapshot = SnapshotFrom<typeof appMachine>;

export const selectRun = (s: AppSnapshot): RunContext => s.context.run!;
export const selectBranch = (s: AppSnapshot): Branch => activeBranch(s.context.run!);
export const selectView = (s: AppSnapshot) => activeBranch(s.context.run!).view;
export const selectModel = (s: AppSnapshot) => activeBranch(s.context.run!).model;
export const selectScenario = (s: AppSnapshot) => s.context.run!.scenario;
export const selectPlaying = (s: AppSnapshot) => s.context.run!.playing;
