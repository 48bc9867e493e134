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

/** The open scenario's file name in the library (for CLI commands); its id with `.yaml` if it is not there. */
export const selectQuickBatchFile = (s: AppSnapshot): string => {
  const scenario = s.context.run!.scenario;
  const entry = s.context.catalog.find((e) => e.ok && e.scenario === scenario);
  return entry?.file ?? `${scenario.id}.yaml`;
};
