/**
 * The talks as a table that can stop: round by round (docs/model.md, "Talks"): events → levers →
 * the round's proposer offers → the other side accepts, walks out or counters → mediators propose
 * → the deadline. With a seat, the seated side's turns (or a seated mediator's bridges) wait for a
 * person's answer (seat.ts); everything else goes on as without one. Pure and deterministic; every draw is keyed
 * (PURPOSE.talks, the event's id, the round), so no answer moves another draw.
 */
import { dateOfDay } from '../../scenario/core.ts';
import { draw, nameHash, PURPOSE, type RunKey } from '../rng.ts';
import { analyseTalks } from './analysis.ts';
import type { BridgeOutcome } from './bridge.ts';
import type { CompiledTalks, TalksSide } from './compile.ts';
import type { TalksNote, TalksResult } from './negotiate.ts';
import { answerFits, onGrid, type TalksAnswer, type TalksTurn } from './seat.ts';
import { TALKS_STRATEGY_REGISTRY } from './strategies/registry.ts';
import { packageAt, snap, utility } from './utility.ts';
import { describePackage } from './wording.ts';

const EPS = 1e-9;

/** What the table keeps between steps: each side's pressure, last target and offers so far. */
export interface Book {
  pressure: [number, number];
  lastTarget: [number, number];
  offers: [number[][], number[][]];
}

/** Where the table is: the round, the step within it, the mediator next to propose, what is on the table. */
interface Progress {
  round: number;
  stage: 'events' | 'offer' | 'answer' | 'mediate';
  mediator: number;
  offer?: number[];
  /** The seated side's counter-offer, made next time it proposes. */
  counter?: number[];
}

export interface TableOptions {
  trace: boolean;
  truceStart?: string;
  /** The seat a person answers for: a party id of one of the two sides, or of a mediator in `mediators`. */
  seat?: string;
}

export class TalksTable {
  private book: Book = { pressure: [0, 0], lastTarget: [1, 1], offers: [[], []] };
  private log: TalksNote[] = [];
  private at: Progress = { round: 1, stage: 'events', mediator: 0 };
  private given: TalksAnswer | undefined;
  private waiting: TalksTurn | undefined;
  private ended: TalksResult | undefined;
  /** What came of the seated mediator's latest turn: its proposal (or none); the sides' answers: bridge.ts. Read only. */
  lastBridge: BridgeOutcome | undefined;
  /** The seated side's index (a side's seat). */
  private readonly seat: number | undefined;
  /** The seat's id (a side's or a mediator's), when a person sits at the table. */
  readonly seatId: string | undefined;

  private constructor(readonly talks: CompiledTalks, private readonly key: RunKey, private readonly options: TableOptions) {
    const s = talks.sides.findIndex((side) => side.id === options.seat);
    this.seat = s >= 0 ? s : undefined;
    this.seatId = s >= 0 || talks.mediators.some((m) => m.id === options.seat) ? options.seat : undefined;
  }

  /** The talks run up to the seated side's first turn, or to their end. */
  static open(talks: CompiledTalks, key: RunKey, options: TableOptions): TalksTable {
    const table = new TalksTable(talks, key, options);
    table.run();
    return table;
  }

  /** The turn waiting for the person's answer. */
  get turn(): TalksTurn | undefined {
    return this.waiting;
  }

  /** How the talks ended; undefined while they go on. */
  get result(): TalksResult | undefined {
    return this.ended;
  }

  /** What happened so far (all of it, dated, once the talks ended). */
  get notes(): readonly TalksNote[] {
    return this.ended?.notes ?? this.log;
  }

  /** The latest offer each side made so far ([opening side, other side]). */
  get latestOffers(): [number[] | undefined, number[] | undefined] {
    return [this.book.offers[0].at(-1), this.book.offers[1].at(-1)];
  }

  /** Answers the waiting turn and runs on to the next turn or the end. Throws when the answer does not fit the turn. */
  answer(answer: TalksAnswer): void {
    const turn = this.waiting;
    if (!turn || !answerFits(this.talks.issues, turn, answer)) throw new Error(`the answer ${answer.type} does not fit the talks' ${turn?.kind ?? 'end'}`);
    this.given = 'values' in answer ? { type: answer.type, values: this.talks.issues.map((issue, i) => onGrid(issue, answer.values[i]!)) } : answer;
    this.waiting = undefined;
    this.run();
  }

  /** An independent copy at the same point. */
  clone(): TalksTable {
    const copy = new TalksTable(this.talks, this.key, this.options);
    copy.book = structuredClone(this.book);
    copy.log = structuredClone(this.log);
    copy.at = structuredClone(this.at);
    copy.waiting = this.waiting;
    copy.ended = this.ended;
    copy.lastBridge = this.lastBridge;
    return copy;
  }

  private run(): void {
    while (!this.ended && !this.waiting) this.step();
  }

  private note(n: TalksNote): void {
    if (this.options.trace) this.log.push(n);
  }

  /** One step of a round; a seated turn without an answer stops the table there. */
  private step(): void {
    const at = this.at;
    if (at.round > this.talks.deadline) {
      this.note({ round: this.talks.deadline, type: 'breakdown', text: `The deadline passes without a deal.` });
      return this.end({ deal: false, round: this.talks.deadline, cause: 'the deadline passed without a deal' });
    }
    if (at.stage === 'events') {
      const broke = this.roundEvents(at.round);
      if (broke !== undefined) return this.end({ deal: false, round: at.round, cause: broke });
      at.stage = 'offer';
    } else if (at.stage === 'offer') this.offer();
    else if (at.stage === 'answer') this.respond();
    else this.mediate();
  }

  /** Asks the seat, when `party` is it: its answer, 'wait' (asked now), or undefined (the model answers). */
  private ask(party: string, turn: Omit<TalksTurn, 'round' | 'party' | 'last'>): TalksAnswer | 'wait' | undefined {
    if (party !== this.seatId) return undefined;
    const given = this.given;
    if (!given) {
      this.waiting = { ...turn, round: this.at.round, party, last: this.at.round === this.talks.deadline };
      return 'wait';
    }
    this.given = undefined;
    return given.type === 'model' ? undefined : given;
  }

  private offer(): void {
    const round = this.at.round;
    const p = (round - 1) % 2;
    const proposer = this.talks.sides[p]!;
    let offer = this.at.counter;
    if (offer === undefined) {
      const asked = this.ask(proposer.id, { kind: 'open' });
      if (asked === 'wait') return;
      if (asked?.type === 'walk') return this.walkOut(proposer);
      offer = asked?.type === 'counter' ? asked.values : undefined;
    }
    delete this.at.counter;
    if (offer === undefined) {
      const target = aim(this.talks, this.book, p, round);
      this.book.lastTarget[p] = target;
      offer = packageAt(this.talks.issues, proposer, target);
    } else this.book.lastTarget[p] = utility(proposer, offer);
    this.book.offers[p]!.push(offer);
    this.note({ round, type: 'offer', party: proposer.id, values: offer, text: `${proposer.name} offers ${describePackage(this.talks.issues, offer)}.` });
    this.at.offer = offer;
    this.at.stage = 'answer';
  }

  private respond(): void {
    const round = this.at.round;
    const p = (round - 1) % 2;
    const r = 1 - p;
    const responder = this.talks.sides[r]!;
    const offer = this.at.offer!;
    const asked = this.ask(responder.id, { kind: 'respond', values: offer, from: this.talks.sides[p]!.id });
    if (asked === 'wait') return;
    const worth = utility(responder, offer);
    const accepted = asked === undefined ? accepts(this.talks, this.book, r, round, worth) : asked.type === 'accept';
    if (accepted) {
      this.note({ round, type: 'deal', party: responder.id, values: offer, text: `${responder.name} accepts. Deal: ${describePackage(this.talks.issues, offer)}.` });
      return this.end({ deal: true, round, by: this.talks.sides[p]!.id, values: offer });
    }
    const walks = asked === undefined ? responder.walkBelow !== undefined && round >= responder.walkAfter && worth < responder.walkBelow - EPS : asked.type === 'walk';
    if (walks) return this.walkOut(responder);
    if (asked?.type === 'counter') this.at.counter = asked.values;
    this.at.stage = 'mediate';
    this.at.mediator = 0;
  }

  private walkOut(side: TalksSide): void {
    this.note({ round: this.at.round, type: 'breakdown', party: side.id, text: `${side.name} walks out of the talks.` });
    this.end({ deal: false, round: this.at.round, cause: `${side.name} walked out` });
  }

  /** The next mediator due this round proposes; after the last one, the next round. */
  private mediate(): void {
    const { talks, book, at } = this;
    const round = at.round;
    const m = talks.mediators[at.mediator];
    if (!m) {
      at.round += 1;
      at.stage = 'events';
      return;
    }
    const due = round >= m.from && (round - m.from) % m.every === 0;
    let proposal = !due ? undefined : m.method === 'nash' ? analyseTalks(talks).nash?.values : splitTheDifference(talks, book);
    let own = false;
    if (due && m.id === this.seatId) {
      const asked = this.ask(m.id, { kind: 'bridge', values: proposal });
      if (asked === 'wait') return;
      if (asked?.type === 'stay') {
        this.note({ round, type: 'mediator', party: m.id, text: `${m.name} stays out this round.` });
        proposal = undefined;
      } else if (asked?.type === 'propose') [proposal, own] = [asked.values, true];
      this.lastBridge = { round, answer: (asked?.type ?? 'model') as BridgeOutcome['answer'], ...(proposal ? { values: proposal, book: structuredClone(book) } : {}) };
    }
    if (!proposal) {
      at.mediator += 1;
      return;
    }
    const yes = talks.sides.map((side: TalksSide, s) => accepts(talks, book, s, round, utility(side, proposal)));
    if (this.seat !== undefined && yes[1 - this.seat]) {
      const asked = this.ask(talks.sides[this.seat]!.id, { kind: 'mediator', values: proposal, from: m.id });
      if (asked === 'wait') return;
      if (asked !== undefined) yes[this.seat] = asked.type === 'accept';
    }
    const answer = yes[0] && yes[1] ? 'both sides accept' : yes[0] || yes[1] ? `${talks.sides[yes[0] ? 1 : 0].name} refuses` : 'both sides refuse';
    const how = own ? 'its own bridge' : m.method === 'nash' ? 'the Nash point' : 'splitting the difference';
    this.note({ round, type: 'mediator', party: m.id, values: proposal, text: `${m.name} proposes ${describePackage(talks.issues, proposal)} (${how}): ${answer}.`, ...(m.source !== undefined && !own ? { source: m.source } : {}) });
    if (yes[0] && yes[1]) return this.end({ deal: true, round, by: m.id, values: [...proposal] });
    at.mediator += 1;
  }

  private end(result: Omit<TalksResult, 'notes' | 'withdrawnGuarantees'>): void {
    const { talks, options } = this;
    const withdrawnGuarantees = talks.levers.filter((l) => l.withdrawAfter !== undefined && l.round <= result.round && (!result.deal || result.round > l.withdrawAfter)).map((l) => l.by);
    for (const n of this.log) {
      const date = talks.start !== undefined ? dateOfDay(talks.start, n.round) : options.truceStart !== undefined ? dateOfDay(options.truceStart, n.round - result.round) : undefined;
      if (date !== undefined) n.date = date;
    }
    this.ended = { ...result, withdrawnGuarantees, notes: this.log };
  }

  /** The round's events and levers; returns the cause when an event breaks the talks. */
  private roundEvents(round: number): string | undefined {
    const { talks, key, book } = this;
    for (const event of talks.events) {
      if (event.round !== round) continue;
      const subject = nameHash(event.id);
      if (!(draw(key, PURPOSE.talks, subject, round, 0) < event.chance)) continue;
      press(book, 0, event.pressure[0]);
      press(book, 1, event.pressure[1]);
      this.note({ round, type: 'event', text: event.text, ...(event.source !== undefined ? { source: event.source } : {}) });
      if (event.breakChance > 0 && draw(key, PURPOSE.talks, subject, round, 1) < event.breakChance) {
        this.note({ round, type: 'breakdown', text: 'The talks break down.' });
        return event.text;
      }
    }
    for (const lever of talks.levers) {
      if (lever.round !== round) continue;
      press(book, lever.on, lever.pressure);
      const side = talks.sides[lever.on]!;
      const threat = lever.withdrawAfter !== undefined ? ` and threatens to withdraw its guarantee without a deal by round ${lever.withdrawAfter}` : '';
      this.note({ round, type: 'lever', party: lever.by, text: lever.text ?? `${lever.byName} presses ${side.name}${threat}.`, ...(lever.source !== undefined ? { source: lever.source } : {}) });
    }
    return undefined;
  }
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

/**
 * The acceptance rule: the bar a package worth `worth` to side `s` clears — its own next offer
 * (`next`), or in the last round its floor (`floor`) — or undefined when it clears neither (refused).
 */
export function acceptance(talks: CompiledTalks, book: Book, s: number, round: number, worth: number): 'next' | 'floor' | undefined {
  const side = talks.sides[s]!;
  if (worth >= nextWorth(talks, book, s, round) - EPS) return 'next';
  if (round === talks.deadline && worth >= TALKS_STRATEGY_REGISTRY[side.strategy].floor(side, book.pressure[s]!) - EPS) return 'floor';
  return undefined;
}

/** Accept when the package is worth at least the side's own next offer, or at least its floor in the last round. */
export function accepts(talks: CompiledTalks, book: Book, s: number, round: number, worth: number): boolean {
  return acceptance(talks, book, s, round, worth) !== undefined;
}

/** U(side `s`'s own next offer) to it in `round`. */
export function nextWorth(talks: CompiledTalks, book: Book, s: number, round: number): number {
  const side = talks.sides[s]!;
  return utility(side, packageAt(talks.issues, side, aim(talks, book, s, round + 1)));
}

/** The midpoint of each side's latest offer, per issue, on the grid; none before both have offered. */
function splitTheDifference(talks: CompiledTalks, book: Book): number[] | undefined {
  const a = book.offers[0].at(-1);
  const b = book.offers[1].at(-1);
  if (!a || !b) return undefined;
  return talks.issues.map((issue, i) => snap(issue, (a[i]! + b[i]!) / 2));
}
