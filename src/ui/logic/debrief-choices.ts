/**
 * The student's choices in a run, as the debrief reads them: each with the decision it answered,
 * the model's probabilities at that moment and the run's state just before it (where the choice's
 * impact is measured from). The run is replayed from its seed and choices (and, in a scenario
 * with talks, the person's seat and answers there; a played mediator's levers), exactly as a
 * shared link reopens it.
 */
import { Session, type Decision, type Model, type Outcome, type Response, type ResponseProbabilities, type SimState, type TraceEvent } from '../../engine/index.ts';
import { sessionOptions, type BranchStart } from './rebuild.ts';
import { percent, responseText } from './responses.ts';

export interface StudentChoice {
  /** The decision's number in the run (the key of the choice log). */
  n: number;
  day: number;
  party: string;
  obligation: string;
  kind: Decision['kind'];
  /** "Hamas must disclose information about the remaining captives." */
  text: string;
  response: Response;
  /** The model's odds at that decision. */
  probabilities: ResponseProbabilities;
  /** The run's state with the decision pending: plain data, so it can go to a worker. */
  state: SimState;
}

export interface ReplayedRun {
  choices: StudentChoice[];
  outcome: Outcome | undefined;
  trace: readonly TraceEvent[];
  /** The model the truce ran under: with talks that ended in a deal, the scenario's under the agreed terms. */
  model: Model;
}

/** Replays a run from its seed and the person's choices to its end, keeping each choice with its moment. */
export function replayChoices(model: Model, seed: string, choices: Readonly<Record<number, Response>>, start: BranchStart = {}): ReplayedRun {
  const session = Session.start(model, seed, sessionOptions(start));
  const kept: StudentChoice[] = [];
  for (let decision = session.decision; decision; decision = session.decision) {
    const n = session.state.decisions;
    const response = choices[n];
    if (response !== undefined && decision.allowed.includes(response)) {
      kept.push({
        n,
        day: decision.day,
        party: decision.party,
        obligation: decision.obligation,
        kind: decision.kind,
        text: decision.text,
        response,
        probabilities: { ...decision.probabilities },
        state: structuredClone(session.state) as SimState,
      });
      session.decide(response);
    } else session.decide();
  }
  return { choices: kept, outcome: session.outcome, trace: session.trace, model: session.model };
}

const VERB: Readonly<Record<Response, string>> = { comply: 'complied', delay: 'delayed', partial: 'partly complied', violate: 'violated', refuse: 'refused' };
const MODEL_VERB: Readonly<Record<Response, string>> = { comply: 'complies', delay: 'delays', partial: 'partly complies', violate: 'violates', refuse: 'refuses' };
const OFFER_VERB: Readonly<Partial<Record<Response, [string, string]>>> = { comply: ['accepted', 'accepts'], refuse: ['declined', 'declines'] };
/** A played mediator's levers are used (comply) or not (refuse): said in the lever's own words. */
const LEVER_VERB: Readonly<Record<'press' | 'guarantee' | 'reoffer' | 'broker', Partial<Record<Response, [string, string]>>>> = {
  press: { comply: ['pressed', 'presses'], refuse: ['held back', 'holds back'] },
  guarantee: { comply: ['kept the guarantee', 'keeps it'], refuse: ['withdrew the guarantee', 'withdraws it'] },
  reoffer: { comply: ['offered the guarantee again', 'offers it again'], refuse: ['stayed out', 'stays out'] },
  broker: { comply: ['brokered the extension', 'brokers it'], refuse: ['let the extension lapse', 'lets it lapse'] },
};

/** How rare the choice was under the model: "rare" below 10%, "uncommon" below 30%, else "common". */
export function rarity(p: number): 'rare' | 'uncommon' | 'common' {
  return p < 0.1 ? 'rare' : p < 0.3 ? 'uncommon' : 'common';
}

/** "You refused where the model refuses 4% of the time." */
export function oddsSentence(choice: Pick<StudentChoice, 'response' | 'probabilities' | 'kind'>): string {
  const own = choice.kind === 'extension' ? OFFER_VERB[choice.response] : choice.kind === 'obligation' ? undefined : LEVER_VERB[choice.kind][choice.response];
  const [did, does] = own ?? [VERB[choice.response], MODEL_VERB[choice.response]];
  return `You ${did} where the model ${does} ${percent(choice.probabilities[choice.response])} of the time.`;
}

/** The model's most likely answer there, in the words of the choice buttons: "Comply (84%)". */
export function modelFavourite(choice: Pick<StudentChoice, 'probabilities' | 'kind'>): string {
  const [best, p] = (Object.entries(choice.probabilities) as [Response, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  return `${responseText(best, choice.kind).label} (${percent(p)})`;
}
