/**
 * The student at the talks (scenarios with `talks:`): taking a side's seat or a talks mediator's,
 * answering the turn waiting there, and what a branch's seat and answers are for rebuilding,
 * forking and sharing it.
 */
import { allowedAnswers, counterProblems, type TalksAnswer } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/core.ts';
import { leversFor, rebuildSession, type BranchStart } from './rebuild.ts';
import { activeBranch, refreshed, replaceActive, type Branch, type RunContext } from './run-context.ts';

/** Whether a party has a seat at the scenario's talks: one of the two sides, or a mediator listed in `talks.mediators`. */
export function hasTalksSeat(scenario: Scenario, party: string): boolean {
  return (scenario.talks?.positions[party] ?? scenario.talks?.mediators[party]) !== undefined;
}

/** A branch's seat at the talks and the answers given there, to start or rebuild it with. */
export function seatOf(b: Branch): Pick<BranchStart, 'seat' | 'answers'> {
  const talks = b.view.talks;
  if (!talks) return {};
  return { ...(talks.seat !== undefined ? { seat: talks.seat } : {}), ...(talks.answers.length > 0 ? { answers: talks.answers } : {}) };
}

/** Where a branch stands, for a fork's origin: "on day 12", or "in round 6 of the talks". */
export function whereOf(b: Branch): string {
  const talks = b.view.talks;
  return talks && !talks.result ? `in round ${talks.turn?.round ?? 1} of the talks` : `on day ${b.view.day}`;
}

/**
 * The seat part of playing `party`: taking a seat at the talks that the active branch has not
 * given to this party re-runs the branch from the first round of the talks with the student there.
 */
export function takeSeat(run: RunContext, party: string | undefined): RunContext {
  const b = activeBranch(run);
  if (party === undefined || !hasTalksSeat(run.scenario, party) || b.view.talks?.seat === party) return run;
  const built = rebuildSession(b.model, b.seed, {}, { decisions: 0 }, { follow: b.follow, levers: leversFor(b.model, party), seat: party });
  const name = b.model.partyById.get(party)?.name ?? party;
  const text = [run.notice?.text, `You take ${name}'s seat at the talks: branch ${b.name} starts again at round 1.`].filter(Boolean).join(' ');
  return replaceActive(run, (br) => refreshed(br, { session: built.session, meta: built.meta }), { kind: 'info', text });
}

/** Answers the talks turn waiting in the active branch (the student's counter, acceptance, walk-out, bridge, or the model's answer). */
export function answerTalks(run: RunContext, answer: TalksAnswer): RunContext {
  const b = activeBranch(run);
  const turn = b.view.talks?.turn;
  if (!turn) return run;
  if ('values' in answer) {
    const problems = counterProblems(b.view.talks!.talks.issues, answer.values);
    if (problems.length > 0) return { ...run, notice: { kind: 'error', text: `That ${answer.type === 'counter' ? 'counter-offer' : 'proposal'} cannot be made: ${problems.join('; ')}.` } };
  }
  if (!allowedAnswers(turn).includes(answer.type)) return run;
  return replaceActive(run, (br) => refreshed(br, { session: br.session.talksAnswered(answer) }));
}
