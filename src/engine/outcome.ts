/** How a run ends (a collapse, or the statechart reaching a terminal state) and what it reports. */
import type { Model } from './model.ts';
import type { RunContext } from './run-context.ts';
import type { SimState } from './state.ts';
import type { Metrics, Outcome, OutcomeResult, TraceEvent } from './trace.ts';
import { listPhrase } from './wording.ts';
import type { TruceSnapshot } from './machine.ts';

const RESULTS: readonly string[] = ['completed', 'extended-then-completed', 'stalled', 'collapsed'];

export function collapse(run: RunContext, cause: string, source?: TraceEvent['source']): void {
  run.send({ type: 'truce.collapsed', cause });
  finish(run, source);
}

/** Ends the run with exactly one terminal trace event: `truce.collapsed` or `truce.ended`. */
export function finish(run: RunContext, source?: TraceEvent['source']): void {
  const s = run.st;
  s.stage = 'over';
  s.today = [];
  s.agenda = [];
  s.reactions = [];
  if (!run.trace) return;
  const o = outcomeOf(run.model, s, run.machineSnapshot)!;
  if (o.result === 'collapsed') {
    run.record(() => ({ type: 'truce.collapsed', text: `The truce collapses on day ${s.day}: ${o.cause}.`, source }));
    return;
  }
  const finalPhase = run.model.phases.find((p) => p.def.id === o.phase)!.def;
  const released = listPhrase(
    Object.entries(o.metrics.released).flatMap(([stock, byCategory]) => {
      const total = Object.values(byCategory).reduce((a, b) => a + b, 0);
      return total > 0 ? [`${total} ${run.model.names.stockName(stock)}`] : [];
    }),
  );
  run.record(() => ({ type: 'truce.ended', text: `${resultSentence(o, finalPhase.name ?? finalPhase.id)}${released ? ` Released in all: ${released}.` : ''}` }));
}

/** The outcome once the run is over (read from the statechart's snapshot); undefined before. */
export function outcomeOf(model: Model, s: SimState, machine: TruceSnapshot): Outcome | undefined {
  if (s.stage !== 'over') return undefined;
  const value = machine.value;
  const terminal = typeof value === 'string' ? value : '';
  const result: OutcomeResult = RESULTS.includes(terminal) ? (terminal as OutcomeResult) : 'advanced';
  const cause = machine.context.cause;
  return {
    result,
    phase: result === 'advanced' ? terminal : model.phases[s.phaseIndex]!.def.id,
    day: s.day,
    ...(cause !== undefined && (result === 'collapsed' || result === 'stalled') ? { cause } : {}),
    metrics: metricsOf(model, s),
  };
}

export function metricsOf(model: Model, s: SimState): Metrics {
  const released: Metrics['released'] = {};
  // In the stocks' and categories' own order (that of `s.stocks` and each `released`, made from it).
  for (const stock of model.start.stocks) released[stock.id] = copyCounts(s.stocks[stock.id]!.released, stock.categories);
  const violations: Record<string, number> = {};
  const delays: Record<string, number> = {};
  for (const id of model.principals) {
    violations[id] = s.parties[id]!.violations;
    delays[id] = s.parties[id]!.delays;
  }
  return { days: s.day, released, ...s.counters, violations, delays };
}

/** A plain copy of a stock's count per category, whose keys are its categories (a loop over them: copying a prototype-less record by its keys is slow in V8). */
function copyCounts(counts: Readonly<Record<string, number>>, categories: readonly string[]): Record<string, number> {
  const copy: Record<string, number> = {};
  for (let i = 0; i < categories.length; i++) copy[categories[i]!] = counts[categories[i]!]!;
  return copy;
}

function resultSentence(outcome: Outcome, phaseName: string): string {
  switch (outcome.result) {
    case 'completed': return `The truce ran its full course to day ${outcome.day}.`;
    case 'extended-then-completed': return `The truce was extended (${outcome.metrics['extensionDays'] as number} extra days) and ran its course to day ${outcome.day}.`;
    case 'advanced': return `The agreement advanced to ${phaseName} after day ${outcome.day}.`;
    case 'stalled': return `The truce stalled on day ${outcome.day}: ${outcome.cause}.`;
    case 'collapsed': return `The truce collapsed on day ${outcome.day}: ${outcome.cause}.`;
    case 'no-deal': return `The talks ended without a deal: ${outcome.cause}.`;
  }
}
