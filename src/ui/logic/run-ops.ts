/**
 * What a student does to a run, as functions from one RunContext to the next. The session is the
 * engine's; these only call it (advance, decide, undo, fork, rebuild) and take a fresh view.
 */
import { compile, leversOf, ParameterError, Session, type AdvanceTarget, type Model, type Response, type SimState } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
export { leversFor } from './rebuild.ts';
export { activeBranch, type Branch, type Notice, type RunContext } from './run-context.ts';
export { answerTalks } from './talks-ops.ts';
import { choiceConsequences } from './consequences.ts';
import { leversFor, rebuildSession, rebuildWithLevers, sessionOptions, type BranchStart, type StopAt } from './rebuild.ts';
import { hasRecord, recordLastDay } from './record-follow.ts';
import { dayLabel } from './day-label.ts';
import { activeBranch, choicesOf, refreshed, replaceActive, type Branch, type RunContext } from './run-context.ts';
import { viewOf } from './run-view.ts';
import { branchesShare, branchFromLink, openBranches, specOf } from './shared-run.ts';
import type { ShareState } from './share-url.ts';
import { hasTalksSeat, seatOf, takeSeat, whereOf } from './talks-ops.ts';

export const DEFAULT_SEED = '1';

/**
 * Parties that have decisions to make or a seat at the talks, principals first: the ones a student
 * can play. A mediator or guarantor decides through its levers (press, guarantee, broker: engine/levers.ts)
 * and, when the talks list it among their mediators, through its bridges at the talks.
 */
export function playableParties(model: Model): { id: string; name: string; role: 'principal' | 'mediator' | 'guarantor' }[] {
  const deciders = new Set(model.obligations.map((o) => o.def.party));
  return model.parties
    .filter((p) => deciders.has(p.id) || hasTalksSeat(model.scenario, p.id) || leversOf(model, p.id).length > 0)
    .sort((a, b) => Number(b.role === 'principal') - Number(a.role === 'principal'))
    .map((p) => ({ id: p.id, name: p.name, role: p.role }));
}

function letter(n: number): string {
  let s = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) s = String.fromCharCode(65 + (i % 26)) + s;
  return s;
}

/** Opens a scenario at the state a shared link describes (defaults for anything missing), with every branch it lists. */
export function openRun(scenario: Scenario, share: Partial<ShareState>, problems: readonly string[] = []): RunContext {
  const notes = [...problems];
  let playing = share.play;
  if (playing !== undefined && !playableParties(compile(scenario)).some((p) => p.id === playing)) {
    notes.push(`there is no party \`${playing}\` to play here`);
    playing = undefined;
  }
  const spec = specOf(share, DEFAULT_SEED);
  // A link that plays a talks side or mediator from the start, with no seat of its own, takes that seat.
  if (spec.seat === undefined && spec.talks === undefined && spec.at === 0 && playing !== undefined && hasTalksSeat(scenario, playing)) spec.seat = playing;
  const shown = branchFromLink(scenario, spec, notes, playing);
  const branches = openBranches(scenario, shown, spec, share.branches ?? [{ name: 'A', active: true, choices: {}, at: 0 }], notes, playing);
  return {
    scenario,
    playing,
    ...branches,
    ...(share.debrief ? { debrief: true } : {}),
    ...(notes.length > 0 ? { notice: { kind: 'error' as const, text: `Part of the link could not be used: ${notes.join('; ')}.` } } : {}),
  };
}

export function shareOf(run: RunContext): ShareState {
  const b = activeBranch(run);
  const branches = branchesShare(run.branches, b);
  return {
    scenario: run.scenario.id,
    seed: b.seed,
    params: b.params,
    choices: b.view.choices,
    at: b.view.decisions,
    ...(run.playing ? { play: run.playing } : {}),
    ...(b.follow !== undefined ? { follow: b.follow } : {}),
    ...(b.view.talks?.seat !== undefined ? { seat: b.view.talks.seat } : {}),
    ...(b.view.talks && b.view.talks.answers.length > 0 ? { talks: b.view.talks.answers } : {}),
    ...(run.debrief ? { debrief: true } : {}),
    ...(branches ? { branches } : {}),
  };
}

/** Is the pending decision the played party's (so the student must answer it)? */
export function yourMove(run: RunContext): boolean {
  const view = activeBranch(run).view;
  const party = view.decision?.party ?? view.talks?.turn?.party;
  return party !== undefined && run.playing !== undefined && party === run.playing;
}

/** Lets the models answer up to the next decision, the next day, or the end; stops at the student's decisions. */
export function step(run: RunContext, target: AdvanceTarget): RunContext {
  const b = activeBranch(run);
  if (!b.view.decision && !b.view.talks?.turn) return run;
  if (yourMove(run)) {
    const name = b.model.partyById.get(run.playing!)?.name ?? run.playing;
    const what = b.view.decision ? 'choose a response first' : 'answer at the talks first';
    return { ...run, notice: { kind: 'info', text: `It is your move as ${name}: ${what} (or let the model decide).` } };
  }
  const before = b.view.day;
  const session = b.session.advanced(target, run.playing);
  return replaceActive(run, (br) => {
    const next = refreshed(br, { session });
    // After "run to the end" many days had decisions; the note is only for single steps.
    const quiet = target === 'end' ? undefined : quietDays(before, next.view.day);
    return quiet ? { ...next, lastStep: quiet } : next;
  });
}

function quietDays(before: number, after: number): string | undefined {
  if (after - before <= 1) return undefined;
  return after - before === 2 ? `Day ${before + 1} passed with nothing to decide.` : `Days ${before + 1}–${after - 1} passed with nothing to decide.`;
}

/** Answers the pending decision: with the student's response, or by the party's model when none is given. */
export function choose(run: RunContext, response?: Response): RunContext {
  const b = activeBranch(run);
  const d = b.view.decision;
  if (!d) return run;
  if (response !== undefined && !d.allowed.includes(response)) return run;
  const n = b.view.decisions;
  const session = b.session.decided(response);
  const answered = structuredClone(session.state) as SimState;
  return replaceActive(run, (br) => {
    const next = refreshed(br, response !== undefined ? { session, meta: { ...br.meta, [n]: { party: d.party, obligation: d.obligation, kind: d.kind } } } : { session });
    const moment = { before: { state: b.view.state, traceLength: b.view.trace.length }, answered, trace: next.view.trace, nextDay: next.view.decision?.day };
    return { ...next, lastChoice: choiceConsequences(b.model, d, response, moment) };
  });
}

export function undo(run: RunContext): RunContext {
  const session = activeBranch(run).session.undone();
  if (!session) return run;
  return replaceActive(run, (br) => refreshed(br, { session }));
}

/** Back to day 1 with a fresh session: same seed and parameters, no choices. */
export function restart(run: RunContext): RunContext {
  return replaceActive(run, (b) => {
    const session = Session.start(b.model, b.seed, sessionOptions({ ...startOf(b, run.playing), answers: [] }));
    return refreshed(b, { session, meta: {} });
  });
}

/**
 * Plays a party (undefined: nobody). Taking a seat at the talks that the active branch has not
 * given to this party re-runs the branch from the first round of the talks with the student there.
 */
export function setPlaying(run: RunContext, party: string | undefined): RunContext {
  const { notice: _n, ...rest } = run;
  const played = party === undefined ? (({ playing: _p, ...r }) => r)(rest) : { ...rest, playing: party };
  // A mediator's levers are decisions only while it is played: each branch is run again with the new ones.
  let dropped = 0;
  const branches = run.branches.map((b) => {
    const from = leversFor(b.model, run.playing);
    const to = leversFor(b.model, party);
    if (party === run.playing || (from === undefined && to === undefined)) return b;
    const built = rebuildWithLevers(b.model, b.seed, choicesOf(b), b.view.decisions, startOf(b, undefined), from, to);
    dropped += built.dropped;
    return refreshed(b, { session: built.session, meta: built.meta });
  });
  const name = (id: string | undefined) => (id === undefined ? 'nobody' : (run.branches[0]!.model.partyById.get(id)?.name ?? id));
  const levered = dropped === 0 ? { ...played, branches } : { ...played, branches, notice: { kind: 'info' as const, text: `${dropped} choice${dropped === 1 ? '' : 's'} you made as ${name(run.playing)} ${dropped === 1 ? 'was' : 'were'} left to its model: only the party you play has levers.` } };
  return takeSeat(levered, party);
}

/** How a branch starts again: its way of following the record, the levers of the party played, its seat and answers at the talks. */
function startOf(b: Branch, playing: string | undefined): BranchStart {
  return { follow: b.follow, levers: leversFor(b.model, playing), ...seatOf(b) };
}

/** Runs the branch again from its start with another model or seed, keeping its choices and position. */
function rerun(b: Branch, model: Model, seed: string, params: Record<string, number>, playing: string | undefined, stop: StopAt = { decisions: b.view.decisions }): { branch: Branch; dropped: number } {
  const built = rebuildSession(model, seed, choicesOf(b), stop, startOf({ ...b, model }, playing));
  return { branch: refreshed(b, { model, seed, params, session: built.session, meta: built.meta }), dropped: built.dropped };
}

function droppedText(dropped: number): string {
  return dropped === 0 ? 'your choices kept' : `${dropped} of your choices no longer fit this run and were left to the model`;
}

export function setSeed(run: RunContext, seed: string): RunContext {
  const b = activeBranch(run);
  const clean = seed.trim();
  if (clean === '' || clean === b.seed) return run;
  const { branch, dropped } = rerun(b, b.model, clean, { ...b.params }, run.playing);
  return replaceActive(run, () => branch, { kind: 'info', text: `Branch ${b.name} re-ran from day 1 with seed ${clean} (${droppedText(dropped)}).` });
}

/** Changes one parameter (undefined: back to its default) and re-runs the branch from its start. */
export function setParam(run: RunContext, id: string, value: number | undefined): RunContext {
  const b = activeBranch(run);
  const declared = run.scenario.parameters[id];
  if (!declared) return run;
  const params = { ...b.params };
  if (value === undefined || value === declared.default) delete params[id];
  else params[id] = value;
  let model: Model;
  try {
    model = compile(run.scenario, params);
  } catch (error) {
    if (error instanceof ParameterError) return { ...run, notice: { kind: 'error', text: error.message } };
    throw error;
  }
  const { branch, dropped } = rerun(b, model, b.seed, params, run.playing);
  const shown = value ?? declared.default;
  return replaceActive(run, () => branch, { kind: 'info', text: `Branch ${b.name} re-ran from day 1 with ${id} = ${shown} (seed ${b.seed}, ${droppedText(dropped)}).` });
}

function addBranch(run: RunContext, branch: Omit<Branch, 'id' | 'name'>, notice: string): RunContext {
  const name = letter(run.made);
  const created: Branch = { ...branch, id: name, name };
  return { ...run, branches: [...run.branches, created], active: created.id, made: run.made + 1, notice: { kind: 'info', text: notice.replace('{name}', name) } };
}

/** A new branch from exactly where the active one is; it becomes the active branch. */
export function fork(run: RunContext): RunContext {
  const b = activeBranch(run);
  const session = b.session.fork();
  return addBranch(
    run,
    { seed: b.seed, params: b.params, ...(b.follow !== undefined ? { follow: b.follow } : {}), model: b.model, session, view: viewOf(session), meta: { ...b.meta }, origin: `${b.name} ${whereOf(b)}` },
    `Branch {name} starts here, ${whereOf(b)}: try another path. Branch ${b.name} is kept as it was.`,
  );
}

/**
 * Where a branch from `day` really starts: the active branch replayed (same seed, assumptions,
 * talks and choices) up to its first decision on or after that day, which is later when the day had nothing
 * to decide, or the run's end when nothing was left to decide after it. Undefined outside 1..today.
 */
export function branchStart(run: RunContext, day: number): { day: number; over: boolean } | undefined {
  const b = activeBranch(run);
  if (!Number.isInteger(day) || day < 1 || day > b.view.day) return undefined;
  const { session } = rebuildSession(b.model, b.seed, choicesOf(b), { day }, startOf(b, run.playing));
  return { day: session.state.day, over: session.decision === undefined };
}

/** "Day 7's first decision (days 4–6 had nothing to decide)": where a branch from `asked` starts, in words. */
export function branchStartText(asked: number, start: { day: number; over: boolean }): string {
  if (start.over) return `the end of the run (day ${start.day}): nothing was left to decide from day ${asked} on`;
  if (start.day === asked) return `day ${asked}'s first decision`;
  const skipped = start.day - asked === 1 ? `day ${asked} had` : `days ${asked}–${start.day - 1} had`;
  return `day ${start.day}'s first decision (${skipped} nothing to decide)`;
}

/** A new branch that replays the active one up to the first decision on `day` (a past day), or the first after it. */
export function branchFromDay(run: RunContext, day: number): RunContext {
  const b = activeBranch(run);
  if (!Number.isInteger(day) || day < 1 || day > b.view.day) return { ...run, notice: { kind: 'error', text: `Pick a day from 1 to ${b.view.day} to branch from.` } };
  const { branch } = rerun(b, b.model, b.seed, { ...b.params }, run.playing, { day });
  const { id: _i, name: _n, ...rest } = branch;
  const start = { day: branch.view.day, over: branch.view.decision === undefined };
  return addBranch(run, { ...rest, origin: `${b.name} at day ${branch.view.day}` }, `Branch {name} goes back to ${branchStartText(day, start)} in branch ${b.name}, with the same choices before it.`);
}

export function selectBranch(run: RunContext, id: string): RunContext {
  if (!run.branches.some((b) => b.id === id)) return run;
  const { notice: _n, ...rest } = run;
  return { ...rest, active: id };
}

export function deleteBranch(run: RunContext, id: string): RunContext {
  if (run.branches.length <= 1 || !run.branches.some((b) => b.id === id)) return run;
  const branches = run.branches.filter((b) => b.id !== id);
  const { notice: _n, ...rest } = run;
  return { ...rest, branches, active: run.active === id ? branches[branches.length - 1]!.id : run.active };
}

export function dismissNotice(run: RunContext): RunContext {
  const { notice: _n, ...rest } = run;
  return rest;
}

/** The branch's seed, assumptions and model, for a new branch that decides its own way of following the record. */
function settingsOf(b: Branch): Pick<Branch, 'seed' | 'params' | 'model'> {
  return { seed: b.seed, params: b.params, model: b.model };
}

/** A new branch on the record as it happened, from day 1 (same seed and assumptions, no choices); it becomes the active branch. */
export function watchAsItHappened(run: RunContext): RunContext {
  const b = activeBranch(run);
  if (!hasRecord(run.scenario)) return { ...run, notice: { kind: 'error', text: 'This scenario has no record of what happened.' } };
  const session = Session.start(b.model, b.seed, sessionOptions({ follow: 'end', levers: leversFor(b.model, run.playing) }));
  return addBranch(
    run,
    { ...settingsOf(b), follow: 'end', session, view: viewOf(session), meta: {}, origin: 'the record as it happened' },
    `Branch {name} follows the record as it happened, from day 1. Branch ${b.name} is kept as it was.`,
  );
}

/**
 * A new branch that follows the record through `day` and then lets the parties' models answer
 * (`parley run --record-until day`), at its first decision after that day; same seed and
 * assumptions as the active branch, no choices. It becomes the active branch.
 */
export function leaveRecordAfter(run: RunContext, day: number): RunContext {
  const b = activeBranch(run);
  if (!hasRecord(run.scenario)) return { ...run, notice: { kind: 'error', text: 'This scenario has no record of what happened.' } };
  const last = recordLastDay(b.model);
  if (!Number.isInteger(day) || day < 1 || day >= last) return { ...run, notice: { kind: 'error', text: `Pick a day from 1 to ${last - 1}: the record ends on day ${last}.` } };
  const built = rebuildSession(b.model, b.seed, {}, { day: day + 1 }, { follow: day, levers: leversFor(b.model, run.playing) });
  const when = dayLabel(run.scenario, day);
  return addBranch(
    run,
    { ...settingsOf(b), follow: day, session: built.session, view: viewOf(built.session), meta: {}, origin: `the record through day ${day}` },
    `Branch {name} follows the record through ${when}; from day ${day + 1} the parties' models decide (seed ${b.seed}). Branch ${b.name} is kept as it was.`,
  );
}
