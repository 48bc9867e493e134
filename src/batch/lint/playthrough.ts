/**
 * The playthrough check (`parley lint`, the editor's panel): many seeded runs of a scenario with
 * full traces, plus a pass over its planned schedule, reporting what a writer cannot see by
 * reading — terms that never fall due or always lapse, phases never or always reached, gates never
 * or always met, red lines never or always crossed, incidents that never happen, releases that
 * find their stock empty, runs stopped by the step budget. Each finding has its line, the share
 * of runs it describes and a hint. Pure: same scenario, runs and seed ⇒ same findings.
 */
import { compile, deriveRunSeed, plannedTimeline, runOnce, StepBudgetExceeded, type Model, type TraceEvent } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import { lineOfId } from './lines.ts';

export type FindingKind =
  | 'never-due'
  | 'always-lapses'
  | 'phase-never-reached'
  | 'phase-always-reached'
  | 'gate-never-met'
  | 'gate-always-met'
  | 'red-line-never-crossed'
  | 'red-line-always-crossed'
  | 'incident-never-happens'
  | 'stock-runs-out'
  | 'step-budget';

export interface Finding {
  kind: FindingKind;
  /** What it is about, e.g. `obligation \`names-list\``. */
  subject: string;
  line: number;
  message: string;
  /** The share of runs the finding describes (0..1). */
  rate: number;
  hint: string;
}

export interface PlaythroughOptions {
  runs: number;
  seed: string;
}

export const DEFAULT_LINT_RUNS = 1000;

/** Counts over the runs, per thing a finding can be about: in how many runs it happened. */
class Tally {
  private counts = new Map<string, number>();
  /** Adds one run for each key in `seen`. */
  addRun(seen: Set<string>): void {
    for (const key of seen) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/** What one run's trace shows, as keys (`due:<obligation>`, `phase:<id>`, `gate-met:<id>`, …). */
function runKeys(trace: readonly TraceEvent[], model: Model, redLineCauses: Map<string, string>, incidentTexts: Map<string, string>): Set<string> {
  const seen = new Set<string>();
  for (const e of trace) {
    if (e.type === 'obligation.due' && e.obligation) seen.add(`due:${e.obligation}`);
    else if (e.lapsed && e.obligation) seen.add(`lapsed:${e.obligation}`);
    else if (e.type === 'party.responded' && e.obligation) {
      seen.add(`answered:${e.obligation}`);
      if (/nothing left to release/.test(e.text)) seen.add(`empty:${e.obligation}`);
    } else if (e.type === 'phase.entered') seen.add(`phase:${e.phase}`);
    else if (e.type === 'phase.ended' && / — (met|not met)\.$/.test(e.text)) seen.add(`${e.text.endsWith('not met.') ? 'gate-failed' : 'gate-met'}:${e.phase}`);
    else if (e.type === 'incident') {
      const id = incidentTexts.get(e.text);
      if (id) seen.add(`incident:${id}`);
    } else if (e.type === 'truce.collapsed') {
      for (const [cause, id] of redLineCauses) if (e.text.includes(cause)) seen.add(`red-line:${id}`);
    }
  }
  if (model.phases[0]) seen.add(`phase:${model.phases[0].def.id}`);
  return seen;
}

/** Runs the check; `runs` seeded runs with seeds `<seed>:0`, `<seed>:1`, … as `parley batch` uses. */
export function playthroughCheck(scenario: Scenario, text: string, options: PlaythroughOptions): Finding[] {
  const model = compile(scenario);
  const redLineCauses = new Map<string, string>();
  for (const party of Object.values(model.parties)) for (const line of party.redLines) redLineCauses.set(`red line crossed: ${line.text}`, line.id);
  const incidentTexts = new Map(scenario.incidents.map((i) => [i.text, i.id]));
  const tally = new Tally();
  let budget = 0;
  for (let i = 0; i < options.runs; i++) {
    try {
      const run = runOnce(model, { seed: deriveRunSeed(options.seed, i), trace: true });
      const keys = runKeys(run.trace, model, redLineCauses, incidentTexts);
      // A final phase ends the run as it is reached, without a `phase.entered` event.
      keys.add(`phase:${run.outcome.phase}`);
      tally.addRun(keys);
    } catch (error) {
      if (!(error instanceof StepBudgetExceeded)) throw error;
      budget++;
    }
  }
  const runs = Math.max(1, options.runs - budget);
  const findings = [...scheduleFindings(model, text, tally, runs), ...phaseFindings(model, text, tally, runs), ...partyFindings(model, scenario, text, tally, runs)];
  if (budget > 0) {
    findings.push({ kind: 'step-budget', subject: 'the runs', line: 1, rate: budget / options.runs, message: `${budget} of ${options.runs} runs never ended: they were stopped by the step budget`, hint: 'look for phases that extend themselves forever or repeating terms with `every: 0`' });
  }
  return findings.sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
}

function scheduleFindings(model: Model, text: string, tally: Tally, runs: number): Finding[] {
  const planned = new Set(plannedTimeline(model).map((p) => p.obligation));
  const out: Finding[] = [];
  for (const o of model.obligations) {
    const line = lineOfId(text, o.id);
    const subject = `obligation \`${o.id}\``;
    const due = tally.get(`due:${o.id}`);
    const lapsed = tally.get(`lapsed:${o.id}`);
    if (due === 0 && lapsed === 0) {
      out.push({ kind: 'never-due', subject, line, rate: 0, message: `${subject} never fell due in ${runs} runs${planned.has(o.id) ? ' (the plan has it, but every run ended or moved on first)' : ', and the planned schedule has no day for it'}`, hint: 'check its `day`, `phase`, `after` or `when`: a term that never falls due is dead text' });
      continue;
    }
    if (lapsed > 0 && tally.get(`answered:${o.id}`) === 0) {
      out.push({ kind: 'always-lapses', subject, line, rate: lapsed / runs, message: `${subject} lapsed every time it was waiting (${lapsed} of ${runs} runs), and was never answered`, hint: 'its day falls after its phase ends in these runs: move it earlier, or give it `during: extension`' });
    }
    const empty = tally.get(`empty:${o.id}`);
    if (empty > 0) {
      out.push({ kind: 'stock-runs-out', subject, line, rate: empty / runs, message: `${subject} found nothing left to release in ${empty} of ${runs} runs`, hint: 'the stock runs out before this release: lower earlier quantities or raise `count` under `stocks`' });
    }
  }
  return out;
}

function phaseFindings(model: Model, text: string, tally: Tally, runs: number): Finding[] {
  const out: Finding[] = [];
  model.phases.forEach((phase, index) => {
    const id = phase.def.id;
    const line = lineOfId(text, id);
    const subject = `phase \`${id}\``;
    const reached = tally.get(`phase:${id}`);
    if (index > 0 && reached === 0) out.push({ kind: 'phase-never-reached', subject, line, rate: 0, message: `${subject} was never reached in ${runs} runs`, hint: 'the phase before it never ends well enough to open it: look at its gate and its length' });
    else if (index > 0 && reached === runs && !model.phases[index - 1]!.gate) out.push({ kind: 'phase-always-reached', subject, line, rate: 1, message: `${subject} was reached in every one of ${runs} runs`, hint: 'nothing stops it: if the talks may fail, give the phase before it a gate with a condition' });
    if (!phase.gate) return;
    const met = tally.get(`gate-met:${id}`);
    const failed = tally.get(`gate-failed:${id}`);
    if (met + failed === 0) return;
    if (met === 0) out.push({ kind: 'gate-never-met', subject: `the gate of ${subject}`, line, rate: 0, message: `the gate of ${subject} was never met (${failed} runs reached it)`, hint: 'its `requires` cannot hold when the phase ends: check the numbers it compares' });
    else if (failed === 0) out.push({ kind: 'gate-always-met', subject: `the gate of ${subject}`, line, rate: 1, message: `the gate of ${subject} was met in every run that reached it (${met})`, hint: 'a gate that always opens changes nothing: is its condition what you meant?' });
  });
  return out;
}

function partyFindings(model: Model, scenario: Scenario, text: string, tally: Tally, runs: number): Finding[] {
  const out: Finding[] = [];
  for (const party of Object.values(model.parties)) {
    for (const redLine of party.redLines) {
      const crossed = tally.get(`red-line:${redLine.id}`);
      const subject = `red line \`${redLine.id}\``;
      const line = lineOfId(text, redLine.id);
      if (crossed === 0) out.push({ kind: 'red-line-never-crossed', subject, line, rate: 0, message: `${subject} was never crossed in ${runs} runs`, hint: 'its `when` never holds while the truce runs: check the names and numbers it compares' });
      else if (crossed === runs) out.push({ kind: 'red-line-always-crossed', subject, line, rate: 1, message: `${subject} was crossed in every run: it ends every truce`, hint: 'its `when` holds too easily, perhaps from day 1' });
    }
  }
  for (const incident of scenario.incidents) {
    if (tally.get(`incident:${incident.id}`) > 0) continue;
    const subject = `incident \`${incident.id}\``;
    out.push({ kind: 'incident-never-happens', subject, line: lineOfId(text, incident.id), rate: 0, message: `${subject} never happened in ${runs} runs`, hint: 'its day is past the truce\'s end, or its `chance` is too small for its days' });
  }
  return out;
}
