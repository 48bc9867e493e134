/**
 * A bare-loop reference of the 60-day draft (scenarios/doha-60-day-draft.yaml): what a run costs
 * with nothing but the work itself — a plain loop over days, typed arrays, no XState, no objects
 * made inside a run. It follows docs/model.md step by step and makes the same keyed random draws as
 * the engine, so on the same seeds it gives the same outcomes, end days and metrics
 * (`npm run bench` checks this on 10,000 seeds before it times anything).
 *
 * Each occurrence keeps its own grace and, after a partial release or exchange, owes the rest the
 * next day; an exchange pays for the balance of its release not yet paid for (docs/model.md).
 *
 * Numbers (parameters, initial party values, quantities, schedule, dependencies) are read from the
 * compiled model once (including the id hashes the keyed draws use); the draft's conditions (its red line, guarantee, extension rule and gate)
 * and its kinds of obligation are written out as code. `prepareBareLoop` refuses a model of
 * another shape.
 */
import type { Model } from '../src/engine/index.ts';
import { readRatio, type Quantity } from '../src/scenario/index.ts';

// ── randomness: the only place the loop gets random numbers ───────────────────────────────────
// Keyed draws (docs/model.md, "Randomness and seeds"): the run key is the first two outputs of
// seedrandom's alea seeded with "<base>:<run>" (deriveRunSeed, without building the string);
// each draw is MurmurHash3 of (purpose, subject, a, b) under that key.
// The alea state lives in a typed array: doubles in `let` variables would be boxed on every write.
const MASH = 0;
const S0 = 1;
const S1 = 2;
const S2 = 3;
const CARRY = 4;
const rng = new Float64Array(5);

function mashChar(code: number): void {
  let n = rng[MASH]! + code;
  let h = 0.02519603282416938 * n;
  n = h >>> 0;
  h -= n;
  h *= n;
  n = h >>> 0;
  h -= n;
  rng[MASH] = n + h * 0x100000000;
}

function mashSeed(base: string, run: number): number {
  for (let i = 0; i < base.length; i++) mashChar(base.charCodeAt(i));
  mashChar(58); // ':'
  let scale = 1;
  while (scale * 10 <= run) scale *= 10;
  for (let rest = run; scale >= 1; scale = Math.floor(scale / 10)) {
    const digit = Math.floor(rest / scale);
    mashChar(48 + digit);
    rest -= digit * scale;
  }
  return (rng[MASH]! >>> 0) * 2.3283064365386963e-10;
}

function mashSpace(): number {
  mashChar(32);
  return (rng[MASH]! >>> 0) * 2.3283064365386963e-10;
}

const runKey = new Int32Array(2);

/** Starts run `run`'s random numbers: its key from `seedrandom.alea("<base>:<run>")`. */
export function startRandom(base: string, run: number): void {
  rng[MASH] = 0xefc8249d;
  rng[CARRY] = 1;
  rng[S0] = mashSpace();
  rng[S1] = mashSpace();
  rng[S2] = mashSpace();
  for (let slot = S0; slot <= S2; slot++) {
    rng[slot]! -= mashSeed(base, run);
    if (rng[slot]! < 0) rng[slot]! += 1;
  }
  runKey[0] = (aleaNext() * 0x100000000) | 0;
  runKey[1] = (aleaNext() * 0x100000000) | 0;
}

function aleaNext(): number {
  const t = 2091639 * rng[S0]! + rng[CARRY]! * 2.3283064365386963e-10;
  rng[S0] = rng[S1]!;
  rng[S1] = rng[S2]!;
  const carry = t | 0;
  rng[CARRY] = carry;
  return (rng[S2] = t - carry);
}

const P_RESPONSE = 1, P_PARTIAL = 2, P_DELAY = 3, P_INCIDENT = 4, P_INCIDENT_COLLAPSE = 5, P_EXTENSION = 6;

function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function murmur(seed: number, purpose: number, subject: number, a: number, b: number): number {
  let h = mixWord(mixWord(mixWord(mixWord(seed, purpose), subject), a), b) ^ 16;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The draw keyed by (purpose, subject, a, b) in the current run, uniform in [0, 1). */
function draw(purpose: number, subject: number, a: number, b: number): number {
  return ((murmur(runKey[0]!, purpose, subject, a, b) >>> 5) * 67108864 + (murmur(runKey[1]!, purpose, subject, a, b) >>> 6)) / 9007199254740992;
}

// ── the model, flattened ─────────────────────────────────────────────────────────────────────

const HAMAS = 0;
const ISRAEL = 1;
const Kind = { Halt: 0, OpenCrossing: 1, StartTalks: 2, Release: 3, Exchange: 4, Disclose: 5, DiscloseStock: 6, Withdraw: 7, AdmitAid: 8 } as const;
const Status = { Waiting: 0, Due: 1, Done: 2, Partial: 3, Failed: 4, Cancelled: 5 } as const;
export const RESULTS = ['advanced', 'stalled', 'collapsed'] as const;
const Result = { Advanced: 0, Stalled: 1, Collapsed: 2 } as const;
/** Why a run ended, as `Cause` codes; `causeText` turns one into the engine's wording's kind. */
export const Cause = { None: 0, Incident: 1, RedLine: 2, WalkedAwayHamas: 3, WalkedAwayIsrael: 4, Gate: 5 } as const;

/** Counters per run, in this order (`released.*` cells first, one per stock category). */
export interface BareLayout {
  cells: string[];
  metricNames: string[];
  partyNames: [string, string];
}

const MAX_ITEMS = 512;

/** A reusable runner for one compiled model of the 60-day draft. */
export interface BareLoop {
  layout: BareLayout;
  /** Runs run `run` of base seed `base`; the result is left in `out` (no allocation). */
  run(base: string, run: number): void;
  out: { result: number; cause: number; day: number; metrics: Float64Array };
}

function expect(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`bare loop: the model is not the 60-day draft it was written for (${what})`);
}

export function prepareBareLoop(model: Model): BareLoop {
  // Parties: two principals (hamas, israel) with state-dependent models, then brokers.
  expect(model.principals.join() === 'hamas,israel', 'principals');
  const principals = [model.partyById.get('hamas')!, model.partyById.get('israel')!];
  for (const p of principals) expect(p.responseModel.id === 'state-dependent', `${p.id} model`);
  const settings = principals.map((p) => p.settings);
  const brokerPressure = Float64Array.from(model.brokers, (id) => model.partyById.get(id)!.pressure);
  const brokerIsGuarantor = model.brokers.map((id) => model.partyById.get(id)!.guarantees !== undefined);
  expect(model.brokers.filter((id, i) => brokerIsGuarantor[i] && model.partyById.get(id)!.guarantees === 'hamas').length === 1, 'one guarantee to hamas');
  const r = model.reciprocity;
  const maxDelay = model.maxDelay;
  const keep = 1 - model.grievanceDecay;
  // Terms answer with their party's model and anger the counterpart by the reciprocity defaults.
  for (const phase of model.phases) expect(phase.endsWhen === undefined, `${phase.def.id} ends-when`);
  for (const o of model.obligations) {
    expect(o.behaviour === undefined, `${o.id} behaviour`);
    expect(o.when === undefined && o.def.during === undefined, `${o.id} when/during`);
    expect(o.grievance.delay === r * 0.25 && o.grievance.partial === r * 0.5 && o.grievance.violate === r, `${o.id} grievance`);
  }

  // Stocks as cells, one per category.
  const cells: string[] = [];
  const cellOf = new Map<string, number>();
  const initialHeld: number[] = [];
  for (const stock of model.start.stocks) {
    stock.categories.forEach((category, i) => {
      cellOf.set(`${stock.id}.${category}`, cells.length);
      cells.push(`released.${stock.id}.${category}`);
      initialHeld.push(stock.counts[i]!);
    });
  }
  const captiveCells = Int32Array.from(model.start.stocks.find((s) => s.id === 'captives')!.categories, (c) => cellOf.get(`captives.${c}`)!);

  // Obligations.
  const n = model.obligations.length;
  const kind = new Int32Array(n);
  const party = new Int32Array(n);
  const grace = new Int32Array(n);
  const wait = new Int32Array(n);
  const quantity = new Float64Array(n * cells.length);
  const exchangeCell = new Int32Array(n);
  const exchangeRatio = new Float64Array(n);
  const paidBy = new Int32Array(n).fill(-1);
  const subject = Int32Array.from(model.obligations, (o) => o.idHash);
  const trucks = new Float64Array(n);
  const depStart = new Int32Array(n + 1);
  const alongStart = new Int32Array(n + 1);
  const deps: number[] = [];
  const along: number[] = [];
  for (const o of model.obligations) {
    const i = o.index;
    expect(o.party === 'hamas' || o.party === 'israel', `${o.id} party`);
    expect(o.counterpart === (o.party === 'hamas' ? 'israel' : 'hamas'), `${o.id} counterpart`);
    party[i] = o.party === 'hamas' ? HAMAS : ISRAEL;
    grace[i] = o.grace;
    wait[i] = o.def.wait ?? 0;
    depStart[i] = deps.length;
    deps.push(...o.dependents);
    alongStart[i] = along.length;
    along.push(...o.alongside);
    const stockQuantity = (stock: string, q: Quantity | undefined) => {
      const categories = model.start.stocks.find((s) => s.id === stock)!.categories;
      const byCategory = q === undefined ? {} : typeof q !== 'object' ? { [categories[0]!]: q } : q;
      for (const [category, amount] of Object.entries(byCategory)) quantity[i * cells.length + cellOf.get(`${stock}.${category}`)!] = model.names.whole(amount);
    };
    const def = o.def;
    switch (def.kind) {
      case 'halt-operations': kind[i] = Kind.Halt; break;
      case 'open-crossing': kind[i] = Kind.OpenCrossing; break;
      case 'start-talks': kind[i] = Kind.StartTalks; break;
      case 'withdraw': kind[i] = Kind.Withdraw; break;
      case 'admit-aid': kind[i] = Kind.AdmitAid; trucks[i] = model.names.whole(def.trucks); break;
      case 'release':
        kind[i] = Kind.Release;
        stockQuantity(def.stock, def.quantity);
        // What a release still owes is kept per obligation: each falls due once.
        expect(def.day !== undefined && def.days === undefined && def.every === undefined && def.after === undefined && !model.obligations.some((x) => x.alongside.includes(i)), `${o.id} falls due once`);
        break;
      case 'disclose':
        kind[i] = def.stock === undefined ? Kind.Disclose : Kind.DiscloseStock;
        if (def.stock !== undefined) stockQuantity(def.stock, def.quantity);
        break;
      case 'exchange': {
        kind[i] = Kind.Exchange;
        expect(def.ratio !== undefined && typeof def.ratio !== 'object' && o.inReturnFor !== undefined, `${o.id} is an exchange at one ratio`);
        const categories = model.start.stocks.find((s) => s.id === def.stock)!.categories;
        exchangeCell[i] = cellOf.get(`${def.stock}.${def.category ?? categories[0]}`)!;
        exchangeRatio[i] = model.names.number(readRatio(def.ratio as number | string)!.value);
        paidBy[i] = o.inReturnFor!;
        break;
      }
      default: expect(false, `kind ${o.kind}`);
    }
  }
  depStart[n] = deps.length;
  alongStart[n] = along.length;
  const depList = Int32Array.from(deps);
  const alongList = Int32Array.from(along);
  const openRafah = model.obligationIndex.get('open-rafah');
  const permanentTalks = model.obligationIndex.get('permanent-talks');
  expect(openRafah !== undefined && permanentTalks !== undefined, 'open-rafah and permanent-talks');

  // Phases: the truce (one extension rule on the condition written out below, a gate), then a final
  // phase. The rule may be a `while` rule or a mediator's (`mediator: us`): nobody plays the
  // mediator here, and then both draw the same way (docs/model.md).
  expect(model.phases.length === 2 && model.phases[1]!.def.final === true, 'phases');
  const truce = model.phases[0]!;
  const ruleDef = truce.def.extensions?.rules[0] as { while?: string } | undefined;
  expect(truce.extensionRules.length === 1 && (truce.extensionRules[0]!.kind === 'while' || truce.extensionRules[0]!.kind === 'mediator') && ruleDef?.while === 'done(permanent-talks) and held(captives) == 0', 'extension rule');
  const extensionRule = truce.extensionRules[0] as { days: number; chance: number };
  expect(truce.gate?.requires !== undefined && truce.def.gate?.otherwise === 'stalled', 'gate');
  const scheduleObligation = Int32Array.from(truce.schedule.map((s) => s.obligation));
  const scheduleDay = Int32Array.from(truce.schedule.map((s) => s.day));

  // Incidents: chance incidents (one that may collapse the truce) and scheduled ones.
  const incidents = model.incidents;
  const incidentDay = Int32Array.from(incidents.map((x) => x.def.day ?? 0));
  const incidentChance = Float64Array.from(incidents.map((x) => x.chance ?? 0));
  const incidentCollapse = Float64Array.from(incidents.map((x) => x.collapseChance));
  const incidentSubject = Int32Array.from(incidents, (x) => x.idHash);
  for (const x of incidents) expect(x.def.from === undefined && x.def.until === undefined, `${x.def.id} from/until`);
  // Effects per incident on the two principals: trust, grievance, domestic, mediator pressure.
  const incidentEffect = new Float64Array(incidents.length * 8);
  incidents.forEach((x, i) => {
    for (const effect of x.effects) {
      expect(effect.party === 'hamas' || effect.party === 'israel', `${x.def.id} effects`);
      const at = i * 8 + (effect.party === 'hamas' ? 0 : 4);
      incidentEffect[at] = effect.trust;
      incidentEffect[at + 1] = effect.grievance;
      incidentEffect[at + 2] = effect.domesticPressure;
      incidentEffect[at + 3] = effect.pressure;
    }
  });

  const metricNames = [...cells, 'aidTrucks', 'disclosures', 'withdrawals', 'partialWithdrawals', 'talksStarted', 'operationsHalts', 'extensions', 'extensionDays', `violations.hamas`, `violations.israel`, `delays.hamas`, `delays.israel`];
  const C = cells.length;
  const M_AID = C, M_DISCLOSURES = C + 1, M_WITHDRAWALS = C + 2, M_PARTIAL_WITHDRAWALS = C + 3, M_TALKS = C + 4, M_HALTS = C + 5, M_EXTENSIONS = C + 6, M_EXTENSION_DAYS = C + 7, M_VIOLATIONS = C + 8, M_DELAYS = C + 10;

  // Run state, allocated once.
  const held = new Float64Array(C);
  const metrics = new Float64Array(metricNames.length);
  const trust = new Float64Array(2);
  const grievance = new Float64Array(2);
  const domestic = new Float64Array(2);
  const mediator = new Float64Array(2);
  const status = new Int32Array(n);
  // Units each obligation has moved so far, and units of its release each exchange has paid for.
  const units = new Float64Array(n);
  const paid = new Float64Array(n);
  // What each release still owes per cell after a partial answer (each falls due once).
  const owed = new Float64Array(n * C);
  const occurrences = new Int32Array(n);
  // Agenda and today's list: obligation, first-due day, occurrence (−1 until made due), attempt,
  // the occurrence's delay days against grace, and whether it is the rest owed after a partial answer.
  const agendaObl = new Int32Array(MAX_ITEMS);
  const agendaDay = new Int32Array(MAX_ITEMS);
  const agendaFirst = new Int32Array(MAX_ITEMS);
  const agendaOcc = new Int32Array(MAX_ITEMS);
  const agendaAttempt = new Int32Array(MAX_ITEMS);
  const agendaDelayed = new Int32Array(MAX_ITEMS);
  const agendaRest = new Int32Array(MAX_ITEMS);
  let agendaLength = 0;
  const todayObl = new Int32Array(MAX_ITEMS);
  const todayFirst = new Int32Array(MAX_ITEMS);
  const todayOcc = new Int32Array(MAX_ITEMS);
  const todayAttempt = new Int32Array(MAX_ITEMS);
  const todayDelayed = new Int32Array(MAX_ITEMS);
  const todayRest = new Int32Array(MAX_ITEMS);
  let todayLength = 0;
  // True while the day's list is made from the agenda: a fresh copy then yields to a waiting entry coming back.
  let listing = false;
  const reactParty = new Int32Array(MAX_ITEMS);
  const reactTrust = new Float64Array(MAX_ITEMS);
  const reactGrievance = new Float64Array(MAX_ITEMS);
  const reactMediator = new Float64Array(MAX_ITEMS);
  let reactions = 0;
  let guaranteeInForce = true;
  let day = 0;
  const out = { result: 0, cause: 0, day: 0, metrics };

  const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
  const logit = (p: number) => {
    const q = Math.min(0.999, Math.max(0.001, p));
    return Math.log(q / (1 - q));
  };
  // Per principal: logit(base-comply), trust, grievance, domestic, mediator and guarantee weights.
  const weights = new Float64Array(12);
  settings.forEach((s, p) => weights.set([logit(s['base-comply']!), s['trust-weight']!, s['grievance-weight']!, s['domestic-weight']!, s['mediator-weight']!, s['guarantee-weight']!], p * 6));

  const react = (who: number, dTrust: number, dGrievance: number, dMediator: number) => {
    reactParty[reactions] = who;
    reactTrust[reactions] = dTrust;
    reactGrievance[reactions] = dGrievance;
    reactMediator[reactions] = dMediator;
    reactions++;
  };

  const agendaPush = (o: number, d: number, first: number, occurrence: number, attempt: number, delayedDays: number, rest: number) => {
    agendaObl[agendaLength] = o;
    agendaDay[agendaLength] = d;
    agendaFirst[agendaLength] = first;
    agendaOcc[agendaLength] = occurrence;
    agendaAttempt[agendaLength] = attempt;
    agendaDelayed[agendaLength] = delayedDays;
    agendaRest[agendaLength] = rest;
    agendaLength++;
  };

  const makeDue = (o: number, first: number, occurrence: number, attempt: number, delayedDays: number, rest: number): void => {
    if (occurrence < 0) {
      for (let t = 0; t < todayLength; t++) if (todayObl[t] === o) return;
      if (listing) for (let t = 0; t < agendaLength; t++) if (agendaObl[t] === o && agendaDay[t] === day && agendaOcc[t]! >= 0) return;
    }
    let at = todayLength;
    for (let t = 0; t < todayLength; t++) {
      if ((first - todayFirst[t]! || o - todayObl[t]! || occurrence - todayOcc[t]!) < 0) {
        at = t;
        break;
      }
    }
    for (let t = todayLength; t > at; t--) {
      todayObl[t] = todayObl[t - 1]!;
      todayFirst[t] = todayFirst[t - 1]!;
      todayOcc[t] = todayOcc[t - 1]!;
      todayAttempt[t] = todayAttempt[t - 1]!;
      todayDelayed[t] = todayDelayed[t - 1]!;
      todayRest[t] = todayRest[t - 1]!;
    }
    todayObl[at] = o;
    todayFirst[at] = first;
    todayOcc[at] = occurrence < 0 ? occurrences[o]!++ : occurrence;
    todayAttempt[at] = attempt;
    todayDelayed[at] = delayedDays;
    todayRest[at] = rest;
    todayLength++;
    status[o] = Status.Due;
    for (let k = alongStart[o]!; k < alongStart[o + 1]!; k++) makeDue(alongList[k]!, day, -1, 0, 0, 0);
  };

  const cancelDependents = (o: number): void => {
    for (let k = depStart[o]!; k < depStart[o + 1]!; k++) {
      const j = depList[k]!;
      if (status[j] !== Status.Waiting && status[j] !== Status.Due) continue;
      status[j] = Status.Cancelled;
      let kept = 0;
      for (let t = 0; t < todayLength; t++) {
        if (todayObl[t] === j) continue;
        todayObl[kept] = todayObl[t]!;
        todayFirst[kept] = todayFirst[t]!;
        todayOcc[kept] = todayOcc[t]!;
        todayAttempt[kept] = todayAttempt[t]!;
        todayDelayed[kept] = todayDelayed[t]!;
        todayRest[kept] = todayRest[t]!;
        kept++;
      }
      todayLength = kept;
      kept = 0;
      for (let t = 0; t < agendaLength; t++) {
        if (agendaObl[t] === j) continue;
        agendaObl[kept] = agendaObl[t]!;
        agendaDay[kept] = agendaDay[t]!;
        agendaFirst[kept] = agendaFirst[t]!;
        agendaOcc[kept] = agendaOcc[t]!;
        agendaAttempt[kept] = agendaAttempt[t]!;
        agendaDelayed[kept] = agendaDelayed[t]!;
        agendaRest[kept] = agendaRest[t]!;
        kept++;
      }
      agendaLength = kept;
      cancelDependents(j);
    }
  };

  const fail = (o: number) => {
    const p = party[o]!;
    status[o] = Status.Failed;
    metrics[M_VIOLATIONS + p]! += 1;
    react(1 - p, -r, r, 0);
    for (let b = 0; b < brokerPressure.length; b++) {
      if (brokerIsGuarantor[b] && !guaranteeInForce) continue;
      react(p, 0, 0, brokerPressure[b]!);
    }
    cancelDependents(o);
  };

  /** Moves up to floor(quantity·f) per cell of `o` from held to released; returns the units moved. */
  const moveStock = (o: number, fraction: number) => {
    let moved = 0;
    for (let c = 0; c < C; c++) {
      const wanted = Math.floor(quantity[o * C + c]! * fraction + 1e-9);
      const m = Math.max(0, Math.min(held[c]!, wanted));
      held[c]! -= m;
      metrics[c]! += m;
      moved += m;
    }
    return moved;
  };

  /** A release: moves f of what it owes (its quantity the first time) and keeps what it still owes; true when some is owed. */
  const moveOwed = (o: number, fraction: number, rest: number): boolean => {
    let moved = 0;
    let owing = false;
    for (let c = 0; c < C; c++) {
      const at = o * C + c;
      const owes = rest ? owed[at]! : quantity[at]!;
      const m = Math.max(0, Math.min(held[c]!, Math.floor(owes * fraction + 1e-9)));
      held[c]! -= m;
      metrics[c]! += m;
      moved += m;
      owed[at] = Math.min(owes - m, held[c]!);
      if (owed[at]! > 0) owing = true;
    }
    units[o]! += moved;
    return owing;
  };

  /** An exchange at a ratio: pays for f of its release's balance; true when some of it is still owed. */
  const payExchange = (o: number, fraction: number): boolean => {
    const c = exchangeCell[o]!;
    const k = exchangeRatio[o]!;
    const owing = units[paidBy[o]!]! - paid[o]!;
    const paying = Math.floor(owing * fraction + 1e-9);
    const wanted = Math.round((paid[o]! + paying) * k) - Math.round(paid[o]! * k);
    paid[o]! += paying;
    const moved = Math.max(0, Math.min(held[c]!, wanted));
    held[c]! -= moved;
    metrics[c]! += moved;
    units[o]! += moved;
    return held[c]! > 0 && owing - paying > 0;
  };

  /** Carries out obligation `o` with fraction f (`rest`: what a partial answer left owed); true when some is still owed. */
  const carryOut = (o: number, fraction: number, rest: number): boolean => {
    switch (kind[o]) {
      case Kind.Halt: metrics[M_HALTS]! += 1; return false;
      case Kind.OpenCrossing: return false;
      case Kind.StartTalks: metrics[M_TALKS]! += 1; return false;
      case Kind.Withdraw:
        metrics[fraction >= 1 ? M_WITHDRAWALS : M_PARTIAL_WITHDRAWALS]! += 1;
        return false;
      case Kind.AdmitAid: metrics[M_AID]! += Math.floor(trucks[o]! * fraction + 1e-9); return false;
      case Kind.Release: return moveOwed(o, fraction, rest);
      case Kind.Disclose: metrics[M_DISCLOSURES]! += 1; return false;
      case Kind.DiscloseStock: metrics[M_DISCLOSURES]! += 1; units[o]! += moveStock(o, fraction); return false;
      case Kind.Exchange: return payExchange(o, fraction);
    }
    return false;
  };

  const respond = (o: number, first: number, occurrence: number, attempt: number, delayedDays: number, rest: number) => {
    const p = party[o]!;
    // The state-dependent model (src/engine/policies/state-dependent.ts), term for term.
    const w = p * 6;
    const x = weights[w]! + weights[w + 1]! * (trust[p]! - 0.5) - weights[w + 2]! * grievance[p]! - weights[w + 3]! * domestic[p]! + weights[w + 4]! * mediator[p]! + (p === HAMAS && guaranteeInForce ? weights[w + 5]! : 0);
    const comply = 1 / (1 + Math.exp(-x));
    const notComply = 1 - comply;
    const hostility = clamp01((grievance[p]! + domestic[p]!) / 2);
    const pDelay = notComply * (1 - hostility) * 0.6;
    const pPartial = notComply * (1 - hostility) * 0.4;
    const pViolate = notComply * hostility * 0.75;
    const pRefuse = notComply * hostility * 0.25;
    const u = draw(P_RESPONSE, subject[o]!, occurrence, attempt);
    let cumulative = comply;
    let response: number;
    if (u < cumulative) response = 0;
    else if (u < (cumulative += pDelay)) response = 1;
    else if (u < (cumulative += pPartial)) response = 2;
    else if (u < (cumulative += pViolate)) response = 3;
    else if (u < (cumulative += pRefuse)) response = 4;
    else response = pRefuse > 0 ? 4 : pViolate > 0 ? 3 : pPartial > 0 ? 2 : pDelay > 0 ? 1 : 0;

    if (response === 0 || response === 2) {
      const fraction = response === 0 ? 1 : 0.25 + 0.5 * draw(P_PARTIAL, subject[o]!, occurrence, attempt);
      const owing = carryOut(o, fraction, rest);
      status[o] = response === 0 ? Status.Done : Status.Partial;
      if (response === 0) react(1 - p, 0.02, 0, 0);
      else react(1 - p, 0, r * 0.5, 0);
      // The rest falls due the next day, a day against the occurrence's grace; with none left it lapses.
      if (owing && delayedDays + 1 <= grace[o]!) agendaPush(o, day + 1, first, occurrence, attempt + 1, delayedDays + 1, 1);
      for (let k = depStart[o]!; k < depStart[o + 1]!; k++) {
        const j = depList[k]!;
        if (rest && paidBy[j] !== o) continue;
        if (wait[j] === 0) makeDue(j, day, -1, 0, 0, 0);
        else agendaPush(j, day + wait[j]!, day + wait[j]!, -1, 0, 0, 0);
      }
      return;
    }
    if (response === 1) {
      const days = 1 + Math.floor(draw(P_DELAY, subject[o]!, occurrence, attempt) * maxDelay);
      if (delayedDays + days > grace[o]!) {
        fail(o);
        return;
      }
      metrics[M_DELAYS + p]! += 1;
      status[o] = Status.Waiting;
      agendaPush(o, day + days, first, occurrence, attempt + 1, delayedDays + days, rest);
      react(1 - p, 0, r * 0.25, 0);
      return;
    }
    fail(o);
  };

  const decay = () => {
    for (let p = 0; p < 2; p++) {
      grievance[p]! *= keep;
      mediator[p]! *= 1 - 0.2;
    }
  };

  const run = (base: string, runIndex: number) => {
    startRandom(base, runIndex);
    for (let c = 0; c < C; c++) held[c] = initialHeld[c]!;
    metrics.fill(0);
    for (let p = 0; p < 2; p++) {
      trust[p] = principals[p]!.initial.trust;
      grievance[p] = principals[p]!.initial.grievance;
      domestic[p] = principals[p]!.initial.domesticPressure;
      mediator[p] = 0;
    }
    status.fill(Status.Waiting);
    units.fill(0);
    paid.fill(0);
    occurrences.fill(0);
    agendaLength = 0;
    todayLength = 0;
    reactions = 0;
    guaranteeInForce = true;
    day = 0;
    let phaseEndDay = truce.length;
    let extended = 0;
    for (let k = 0; k < scheduleObligation.length; k++) agendaPush(scheduleObligation[k]!, scheduleDay[k]!, scheduleDay[k]!, -1, 0, 0, 0);

    for (;;) {
      day++;
      // 1. incidents
      for (let i = 0; i < incidentDay.length; i++) {
        if (incidentDay[i]! > 0 ? incidentDay[i] !== day : !(draw(P_INCIDENT, incidentSubject[i]!, day, 0) < incidentChance[i]!)) continue;
        for (let p = 0; p < 2; p++) {
          const at = i * 8 + p * 4;
          if (incidentEffect[at]) trust[p] = clamp01(trust[p]! + incidentEffect[at]!);
          if (incidentEffect[at + 1]) grievance[p] = clamp01(grievance[p]! + incidentEffect[at + 1]!);
          if (incidentEffect[at + 2]) domestic[p] = clamp01(domestic[p]! + incidentEffect[at + 2]!);
          if (incidentEffect[at + 3]) mediator[p] = clamp01(mediator[p]! + incidentEffect[at + 3]!);
        }
        if (incidentCollapse[i]! > 0 && draw(P_INCIDENT_COLLAPSE, incidentSubject[i]!, day, 0) < incidentCollapse[i]!) return finish(Result.Collapsed, Cause.Incident);
      }
      // 2. obligations due today, in due order
      listing = true;
      for (;;) {
        let best = -1;
        for (let t = 0; t < agendaLength; t++) {
          if (agendaDay[t] !== day) continue;
          if (best < 0 || (agendaFirst[t]! - agendaFirst[best]! || agendaObl[t]! - agendaObl[best]! || agendaOcc[t]! - agendaOcc[best]!) < 0) best = t;
        }
        if (best < 0) break;
        const o = agendaObl[best]!;
        const first = agendaFirst[best]!;
        const occurrence = agendaOcc[best]!;
        const attempt = agendaAttempt[best]!;
        const delayedDays = agendaDelayed[best]!;
        const rest = agendaRest[best]!;
        agendaLength--;
        for (let t = best; t < agendaLength; t++) {
          agendaObl[t] = agendaObl[t + 1]!;
          agendaDay[t] = agendaDay[t + 1]!;
          agendaFirst[t] = agendaFirst[t + 1]!;
          agendaOcc[t] = agendaOcc[t + 1]!;
          agendaAttempt[t] = agendaAttempt[t + 1]!;
          agendaDelayed[t] = agendaDelayed[t + 1]!;
          agendaRest[t] = agendaRest[t + 1]!;
        }
        makeDue(o, first, occurrence, attempt, delayedDays, rest);
      }
      listing = false;
      // 3. responses
      while (todayLength > 0) {
        const o = todayObl[0]!;
        const first = todayFirst[0]!;
        const occurrence = todayOcc[0]!;
        const attempt = todayAttempt[0]!;
        const delayedDays = todayDelayed[0]!;
        const rest = todayRest[0]!;
        todayLength--;
        for (let t = 0; t < todayLength; t++) {
          todayObl[t] = todayObl[t + 1]!;
          todayFirst[t] = todayFirst[t + 1]!;
          todayOcc[t] = todayOcc[t + 1]!;
          todayAttempt[t] = todayAttempt[t + 1]!;
          todayDelayed[t] = todayDelayed[t + 1]!;
          todayRest[t] = todayRest[t + 1]!;
        }
        respond(o, first, occurrence, attempt, delayedDays, rest);
      }
      // 4. reactions
      for (let k = 0; k < reactions; k++) {
        const p = reactParty[k]!;
        if (reactTrust[k]) trust[p] = clamp01(trust[p]! + reactTrust[k]!);
        if (reactGrievance[k]) grievance[p] = clamp01(grievance[p]! + reactGrievance[k]!);
        if (reactMediator[k]) mediator[p] = clamp01(mediator[p]! + reactMediator[k]!);
      }
      reactions = 0;
      // 5. checks: the US guarantee, Hamas's red line, breaking points
      if (guaranteeInForce && metrics[M_VIOLATIONS + HAMAS]! >= 2) {
        guaranteeInForce = false;
        grievance[HAMAS] = clamp01(grievance[HAMAS]! + r);
      }
      if (status[openRafah] === Status.Failed) return finish(Result.Collapsed, Cause.RedLine);
      if (grievance[HAMAS]! >= principals[HAMAS]!.breakingPoint) return finish(Result.Collapsed, Cause.WalkedAwayHamas);
      if (grievance[ISRAEL]! >= principals[ISRAEL]!.breakingPoint) return finish(Result.Collapsed, Cause.WalkedAwayIsrael);
      // 6. end of the phase: the extension rule, else the gate
      if (day >= phaseEndDay) {
        const talks = status[permanentTalks] === Status.Done || status[permanentTalks] === Status.Partial;
        let captivesHeld = 0;
        for (let k = 0; k < captiveCells.length; k++) captivesHeld += held[captiveCells[k]!]!;
        if (extended < truce.maxExtension && talks && captivesHeld === 0 && draw(P_EXTENSION, truce.idHash, 0, day) < extensionRule.chance) {
          const days = Math.min(extensionRule.days, truce.maxExtension - extended);
          phaseEndDay += days;
          extended += days;
          metrics[M_EXTENSIONS]! += 1;
          metrics[M_EXTENSION_DAYS]! += days;
        } else {
          return captivesHeld === 0 && talks ? finish(Result.Advanced, Cause.None) : finish(Result.Stalled, Cause.Gate);
        }
      }
      // 7. the day ends
      decay();
    }
  };

  const finish = (result: number, cause: number) => {
    out.result = result;
    out.cause = cause;
    out.day = day;
  };

  return { layout: { cells, metricNames, partyNames: [principals[0]!.name, principals[1]!.name] }, run, out };
}
