/**
 * The talks, round by round (docs/model.md, "Talks"): events → levers → the round's proposer
 * offers → the other side accepts, walks out or counters → mediators propose → the deadline.
 * Pure and deterministic; every draw is keyed (PURPOSE.talks, the event's id, the round).
 */
import { dateOfDay, type SourceRef } from '../../scenario/core.ts';
import { draw, nameHash, PURPOSE, type RunKey } from '../rng.ts';
import { analyseTalks } from './analysis.ts';
import type { CompiledTalks, TalksSide } from './compile.ts';
import { TALKS_STRATEGY_REGISTRY } from './strategies/registry.ts';
import { packageAt, snap, utility } from './utility.ts';
import { describePackage } from './wording.ts';

export type TalksNoteType = 'event' | 'lever' | 'offer' | 'mediator' | 'deal' | 'breakdown';

export interface TalksNote {
  round: number;
  /** YYYY-MM-DD, when the talks or the scenario have a start date. */
  date?: string;
  type: TalksNoteType;
  party?: string;
  text: string;
  values?: number[];
  source?: SourceRef;
}

export interface TalksResult {
  deal: boolean;
  /** The round the talks ended in. */
  round: number;
  /** Whose offer or proposal was accepted. */
  by?: string;
  /** The agreed value per issue (in issue order). */
  values?: number[];
  /** Why there is no deal. */
  cause?: string;
  /** Guarantors whose threat came true: the truce starts without their guarantee. */
  withdrawnGuarantees: string[];
  notes: TalksNote[];
}

const EPS = 1e-9;

interface Book {
  pressure: [number, number];
  lastTarget: [number, number];
  offers: [number[][], number[][]];
}

export function negotiate(talks: CompiledTalks, key: RunKey, options: { trace: boolean; truceStart?: string }): TalksResult {
  const book: Book = { pressure: [0, 0], lastTarget: [1, 1], offers: [[], []] };
  const notes: TalksNote[] = [];
  const note = options.trace ? (n: TalksNote) => notes.push(n) : () => {};
  const end = (result: Omit<TalksResult, 'notes' | 'withdrawnGuarantees'>): TalksResult => {
    const withdrawnGuarantees = talks.levers.filter((l) => l.withdrawAfter !== undefined && l.round <= result.round && (!result.deal || result.round > l.withdrawAfter)).map((l) => l.by);
    for (const n of notes) {
      const date = talks.start !== undefined ? dateOfDay(talks.start, n.round) : options.truceStart !== undefined ? dateOfDay(options.truceStart, n.round - result.round) : undefined;
      if (date !== undefined) n.date = date;
    }
    return { ...result, withdrawnGuarantees, notes };
  };
  for (let round = 1; round <= talks.deadline; round++) {
    const broke = roundEvents(talks, key, book, round, note);
    if (broke !== undefined) return end({ deal: false, round, cause: broke });
    const p = (round - 1) % 2;
    const r = 1 - p;
    const proposer = talks.sides[p]!;
    const responder = talks.sides[r]!;
    const target = aim(talks, book, p, round);
    book.lastTarget[p] = target;
    const offer = packageAt(talks.issues, proposer, target);
    book.offers[p]!.push(offer);
    note({ round, type: 'offer', party: proposer.id, values: offer, text: `${proposer.name} offers ${describePackage(talks.issues, offer)}.` });
    const worth = utility(responder, offer);
    if (accepts(talks, book, r, round, worth)) {
      note({ round, type: 'deal', party: responder.id, values: offer, text: `${responder.name} accepts. Deal: ${describePackage(talks.issues, offer)}.` });
      return end({ deal: true, round, by: proposer.id, values: offer });
    }
    if (responder.walkBelow !== undefined && round >= responder.walkAfter && worth < responder.walkBelow - EPS) {
      note({ round, type: 'breakdown', party: responder.id, text: `${responder.name} walks out of the talks.` });
      return end({ deal: false, round, cause: `${responder.name} walked out` });
    }
    const bridged = mediate(talks, book, round, note);
    if (bridged) return end({ deal: true, round, by: bridged.by, values: bridged.values });
  }
  note({ round: talks.deadline, type: 'breakdown', text: `The deadline passes without a deal.` });
  return end({ deal: false, round: talks.deadline, cause: 'the deadline passed without a deal' });
}

/** The round's events and levers; returns the cause when an event breaks the talks. */
function roundEvents(talks: CompiledTalks, key: RunKey, book: Book, round: number, note: (n: TalksNote) => void): string | undefined {
  for (const event of talks.events) {
    if (event.round !== round) continue;
    const subject = nameHash(event.id);
    if (!(draw(key, PURPOSE.talks, subject, round, 0) < event.chance)) continue;
    press(book, 0, event.pressure[0]);
    press(book, 1, event.pressure[1]);
    note({ round, type: 'event', text: event.text, ...(event.source !== undefined ? { source: event.source } : {}) });
    if (event.breakChance > 0 && draw(key, PURPOSE.talks, subject, round, 1) < event.breakChance) {
      note({ round, type: 'breakdown', text: 'The talks break down.' });
      return event.text;
    }
  }
  for (const lever of talks.levers) {
    if (lever.round !== round) continue;
    press(book, lever.on, lever.pressure);
    const side = talks.sides[lever.on]!;
    const threat = lever.withdrawAfter !== undefined ? ` and threatens to withdraw its guarantee without a deal by round ${lever.withdrawAfter}` : '';
    note({ round, type: 'lever', party: lever.by, text: lever.text ?? `${lever.byName} presses ${side.name}${threat}.`, ...(lever.source !== undefined ? { source: lever.source } : {}) });
  }
  return undefined;
}

function press(book: Book, side: number, by: number): void {
  book.pressure[side] = Math.min(1, Math.max(-1, book.pressure[side]! + by));
}

/** The utility side `s` aims at in `round`: its strategy's target, never below its floor. */
function aim(talks: CompiledTalks, book: Book, s: number, round: number): number {
  const side = talks.sides[s]!;
  const strategy = TALKS_STRATEGY_REGISTRY[side.strategy];
  const theirs = book.offers[1 - s]!;
  const n = theirs.length;
  const opponentConcession = n >= 2 ? Math.max(0, utility(side, theirs[n - 1]!) - utility(side, theirs[n - 2]!)) : 0;
  const view = { round, deadline: talks.deadline, pressure: book.pressure[s]!, lastTarget: book.lastTarget[s]!, opponentConcession };
  return Math.max(strategy.floor(side, view.pressure), strategy.target(side, view));
}

/** Accept when the package is worth at least the side's own next offer, or at least its floor in the last round. */
function accepts(talks: CompiledTalks, book: Book, s: number, round: number, worth: number): boolean {
  const side = talks.sides[s]!;
  const next = utility(side, packageAt(talks.issues, side, aim(talks, book, s, round + 1)));
  if (worth >= next - EPS) return true;
  return round === talks.deadline && worth >= TALKS_STRATEGY_REGISTRY[side.strategy].floor(side, book.pressure[s]!) - EPS;
}

function mediate(talks: CompiledTalks, book: Book, round: number, note: (n: TalksNote) => void): { by: string; values: number[] } | undefined {
  for (const m of talks.mediators) {
    if (round < m.from || (round - m.from) % m.every !== 0) continue;
    const proposal = m.method === 'nash' ? analyseTalks(talks).nash?.values : splitTheDifference(talks, book);
    if (!proposal) continue;
    const yes = talks.sides.map((side: TalksSide, s) => accepts(talks, book, s, round, utility(side, proposal)));
    const answer = yes[0] && yes[1] ? 'both sides accept' : yes[0] || yes[1] ? `${talks.sides[yes[0] ? 1 : 0].name} refuses` : 'both sides refuse';
    note({ round, type: 'mediator', party: m.id, values: proposal, text: `${m.name} proposes ${describePackage(talks.issues, proposal)} (${m.method === 'nash' ? 'the Nash point' : 'splitting the difference'}): ${answer}.`, ...(m.source !== undefined ? { source: m.source } : {}) });
    if (yes[0] && yes[1]) return { by: m.id, values: [...proposal] };
  }
  return undefined;
}

/** The midpoint of each side's latest offer, per issue, on the grid; none before both have offered. */
function splitTheDifference(talks: CompiledTalks, book: Book): number[] | undefined {
  const a = book.offers[0].at(-1);
  const b = book.offers[1].at(-1);
  if (!a || !b) return undefined;
  return talks.issues.map((issue, i) => snap(issue, (a[i]! + b[i]!) / 2));
}
