/**
 * What the parts of the day loop (day.ts, responses.ts, extensions.ts, phases.ts, outcome.ts)
 * share about one run. `Simulation` implements it; the parts are functions over it.
 */
import type { SourceRef } from '../scenario/core.ts';
import type { RunEffects } from './effect-context.ts';
import type { TruceEvent, TruceSnapshot } from './machine.ts';
import type { Model } from './model.ts';
import type { ResponseProbabilities } from './response.ts';
import type { Purpose } from './rng.ts';
import type { PartyState, SimState } from './state.ts';
import type { TraceEvent } from './trace.ts';

export interface RunContext {
  readonly model: Model;
  readonly st: SimState;
  /** Null in batch runs: no sentences are built. */
  readonly trace: TraceEvent[] | null;
  readonly effects: RunEffects;
  /** `st.parties`' objects in `model.parties` order (the same objects: an index, not a copy). */
  readonly partyStates: readonly PartyState[];
  /** The statechart's snapshot: phase, extension days, cause and terminal outcome are read from it. */
  readonly machineSnapshot: TruceSnapshot;
  /** Adds a trace event; `make` runs only when a trace is kept. */
  record(make: () => Omit<TraceEvent, 'day' | 'phase'>): void;
  draw(purpose: Purpose, subject: number, a: number, b: number): number;
  /** draw(…) < p: the same draw, compared where it is made (a number returned from a call that is not inlined is boxed on the heap). */
  chance(purpose: Purpose, subject: number, a: number, b: number, p: number): boolean;
  partyName(id: string): string;
  phaseName(): string;
  send(event: TruceEvent): void;
  probabilitiesFor(partyId: string): ResponseProbabilities;
  /** Set while a recorded answer is carried out: `record` marks its trace events (record.ts). */
  recordedNow: RecordedMark | undefined;
}

/** How the trace marks what the record (or its silence) decided: a note for the text, the record's source. */
export interface RecordedMark {
  note: string;
  source?: SourceRef;
  recorded: boolean;
}

/**
 * Adds an event the caller built after checking `run.trace`. The day loop's functions call this
 * rather than `run.record(() => …)`: a closure over their own variables would make V8 allocate a
 * context on every call, trace or not, and batch runs make millions of those calls.
 */
export function recordEvent(run: RunContext, event: Omit<TraceEvent, 'day' | 'phase'>): void {
  run.record(() => event);
}

export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
