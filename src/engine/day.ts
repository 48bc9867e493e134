/**
 * The day, in its documented order: incidents → obligations due today (made due in due order,
 * with what falls due alongside) → … → counterparts and mediators react → guarantees, red lines
 * and breaking points are checked → the phase ends if its last day is done → decay.
 */
import type { CompiledParty, Model } from './model.ts';
import { collapse } from './outcome.ts';
import { followingToday, recordedEndFollowed, recordedIncident } from './record.ts';
import { PURPOSE } from './rng.ts';
import { holdsLevers, withdrawGuarantee } from './levers.ts';
import { clamp01, recordEvent, type RunContext } from './run-context.ts';
import type { AgendaItem } from './state.ts';
import { describeObligation } from './wording.ts';

const MEDIATOR_PRESSURE_DECAY = 0.2;

/** An occurrence not yet made due: it gets its number when it enters a day's list. */
export function fresh(obligation: number, day: number): AgendaItem {
  return { obligation, day, firstDue: day, occurrence: -1, attempt: 0, delayed: 0, owed: undefined };
}

function byDueOrder(a: AgendaItem, b: AgendaItem): number {
  return a.firstDue - b.firstDue || a.obligation - b.obligation || a.occurrence - b.occurrence;
}

/** A stable insertion sort by due order: a day's list is short, and Array.prototype.sort allocates. */
function sortInDueOrder(items: AgendaItem[]): void {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i;
    while (j > 0 && byDueOrder(items[j - 1]!, item) > 0) {
      items[j] = items[j - 1]!;
      j--;
    }
    items[j] = item;
  }
}

export function startDay(run: RunContext): void {
  const s = run.st;
  s.day += 1;
  if (!runIncidents(run)) return;
  watchConditions(run);
  // Today's entries leave the agenda (kept in order, in place: no closures or copies per day).
  const agenda = s.agenda;
  let due: AgendaItem[] | undefined;
  let kept = 0;
  for (let i = 0; i < agenda.length; i++) {
    const item = agenda[i]!;
    if (item.day === s.day) (due ??= []).push(item);
    else agenda[kept++] = item;
  }
  if (due) {
    agenda.length = kept;
    sortInDueOrder(due);
    for (let i = 0; i < due.length; i++) makeDue(run, due[i]!, due);
  }
  s.stage = 'obligations';
}

/** Obligations timed `when:` whose condition holds today fall due today (once: never made due before). */
function watchConditions(run: RunContext): void {
  const s = run.st;
  for (const j of run.model.phases[s.phaseIndex]!.watch) {
    const status = s.obligations[j]!;
    if (status.occurrences > 0 || status.status !== 'waiting' || s.agenda.some((item) => item.obligation === j)) continue;
    if (run.model.obligations[j]!.when!(s) !== 0) s.agenda.push(fresh(j, s.day));
  }
}

/** Today's incidents; false when one (or the record's end) ends the truce. */
function runIncidents(run: RunContext): boolean {
  const s = run.st;
  // Following the record: its end, and chance incidents only as recorded, with no draws (record.ts).
  const follow = followingToday(s);
  const end = follow ? recordedEndFollowed(run.model, s) : undefined;
  if (end && end.day === s.day) {
    run.recordedNow = { note: ' (as recorded)', source: end.source, recorded: true };
    collapse(run, end.cause, end.source);
    run.recordedNow = undefined;
    return false;
  }
  const incidents = run.model.incidents;
  for (let index = 0; index < incidents.length; index++) {
    const incident = incidents[index]!;
    const def = incident.def;
    let happens: boolean;
    if (def.day !== undefined) happens = def.day === s.day;
    else if (follow) happens = recordedIncident(run.model, index, s.day) !== undefined;
    else happens = s.day >= (def.from ?? 1) && s.day <= (def.until ?? Infinity) && run.chance(PURPOSE.incident, incident.idHash, s.day, 0, incident.chance!);
    if (!happens) continue;
    s.incidents[def.id] = (s.incidents[def.id] ?? 0) + 1;
    for (const effect of incident.effects) {
      const p = s.parties[effect.party]!;
      if (effect.trust) p.trust = clamp01(p.trust + effect.trust);
      if (effect.grievance) p.grievance = clamp01(p.grievance + effect.grievance);
      if (effect.domesticPressure) p.domesticPressure = clamp01(p.domesticPressure + effect.domesticPressure);
      if (effect.pressure) p.mediatorPressure = clamp01(p.mediatorPressure + effect.pressure);
    }
    if (run.trace) recordEvent(run, { type: 'incident', text: def.text, source: def.source });
    if (!follow && incident.collapseChance > 0 && run.chance(PURPOSE.incidentCollapse, incident.idHash, s.day, 0, incident.collapseChance)) {
      collapse(run, `incident: ${def.text}`);
      return false;
    }
  }
  return true;
}

/**
 * Puts an entry on today's list in due order, with anything due alongside it. A fresh copy is
 * dropped (unnumbered) while the obligation is listed and unanswered, or when a waiting entry of
 * it comes back today (`returning`: the day's entries from the agenda); a waiting entry is always listed.
 */
export function makeDue(run: RunContext, item: AgendaItem, returning?: readonly AgendaItem[]): void {
  const s = run.st;
  const today = s.today;
  if (item.occurrence < 0) {
    for (let i = 0; i < today.length; i++) if (today[i]!.obligation === item.obligation) return;
    if (returning) for (let i = 0; i < returning.length; i++) if (returning[i]!.obligation === item.obligation && returning[i]!.occurrence >= 0) return;
  }
  let at = 0;
  while (at < today.length && byDueOrder(item, today[at]!) >= 0) at++;
  const status = s.obligations[item.obligation]!;
  if (item.occurrence < 0) item.occurrence = status.occurrences++;
  if (at === today.length) today.push(item);
  else today.splice(at, 0, item);
  status.status = 'due';
  const o = run.model.obligations[item.obligation]!;
  if (run.trace) {
    const when = item.owed !== undefined ? ` (the rest of what fell due on day ${item.firstDue})` : item.attempt > 0 ? ` (delayed from day ${item.firstDue})` : '';
    recordEvent(run, { type: 'obligation.due', party: o.party, obligation: o.id, kind: o.kind, text: `${run.partyName(o.party)} must ${describeObligation(run.model, o)}${when}.`, source: o.def.source });
  }
  for (let i = 0; i < o.alongside.length; i++) makeDue(run, fresh(o.alongside[i]!, s.day), returning);
}

/** Counterparts and mediators react, then guarantees, red lines and breaking points are checked. */
export function closeDay(run: RunContext): void {
  const s = run.st;
  applyReactions(run);
  // A red line or breaking point ended the truce, or a played guarantor must decide first (then this runs again).
  if (checkGuaranteesAndLimits(run) !== false) return;
  const phase = run.model.phases[s.phaseIndex]!;
  // `ends-when` ends the phase today, with no extension; otherwise its last day does, extensions first.
  const byCondition = phase.endsWhen !== undefined && phase.endsWhen(s) !== 0;
  if (byCondition || s.day >= s.phaseEndDay) {
    if (byCondition) {
      if (run.trace) recordEvent(run, { type: 'phase.ended', text: `The ${run.phaseName()}'s end condition holds: ${phase.def.endsWhen}.`, source: phase.def.source });
      s.phaseEndDay = s.day;
    }
    s.stage = 'phase-end';
    s.extensionCursor = byCondition ? phase.extensionRules.length : 0;
    return;
  }
  endDay(run);
}

function applyReactions(run: RunContext): void {
  const s = run.st;
  for (const r of s.reactions) {
    const p = s.parties[r.party]!;
    if (r.trust) p.trust = clamp01(p.trust + r.trust);
    if (r.grievance) p.grievance = clamp01(p.grievance + r.grievance);
    if (r.mediatorPressure) p.mediatorPressure = clamp01(p.mediatorPressure + r.mediatorPressure);
    if (run.trace && (r.grievance || r.mediatorPressure)) {
      const what = r.mediatorPressure ? `pressure on ${run.partyName(r.party)} rises to ${p.mediatorPressure.toFixed(2)}` : `${run.partyName(r.party)}'s grievance rises to ${p.grievance.toFixed(2)}`;
      recordEvent(run, { type: 'party.reacted', party: r.party, chosen: r.chosen, text: `${r.because}: ${what}.` });
    }
  }
  if (s.reactions.length > 0) s.reactions = [];
}

/**
 * Withdraws guarantees whose condition holds — or, for a guarantor a person plays, asks it first,
 * and asks it whether to offer a withdrawn guarantee again ('ask': its decision waits; levers.ts).
 * True when a red line or a breaking point ends the truce.
 */
function checkGuaranteesAndLimits(run: RunContext): boolean | 'ask' {
  const s = run.st;
  const model = run.model;
  for (const g of model.parties) {
    if (!g.guarantees || !g.withdrawWhen) continue;
    const played = s.levers !== undefined && holdsLevers(s, g.id);
    if (!s.guarantees[g.id]) {
      // A played guarantor out of its guarantee is asked to offer it again once the beneficiary has complied since.
      if (played && s.parties[g.guarantees]!.complied > (s.stayedOut?.[g.id] ?? 0)) {
        s.offerAsk = g.id;
        return 'ask';
      }
      continue;
    }
    if (!g.withdrawWhen(s)) {
      if (played && s.kept?.[g.id]) s.kept[g.id] = false;
      continue;
    }
    if (played) {
      if (s.kept?.[g.id]) continue;
      s.guaranteeAsk = g.id;
      return 'ask';
    }
    withdrawGuarantee(run, g);
  }
  const limits = limitsOf(model);
  for (let i = 0; i < limits.redLines.length; i++) {
    const { party: p, line } = limits.redLines[i]!;
    if (line.when(s)) {
      collapse(run, `${p.name}'s red line crossed: ${line.text}`, line.source);
      return true;
    }
  }
  for (let i = 0; i < limits.principals.length; i++) {
    const { party: p, index } = limits.principals[i]!;
    const grievance = run.partyStates[index]!.grievance;
    if (grievance >= p.breakingPoint) {
      collapse(run, `${p.name} walked away: grievance ${grievance.toFixed(2)} reached its breaking point ${p.breakingPoint}`);
      return true;
    }
  }
  return false;
}

/** Per model, once: every red line with its party (parties' order, then each party's), and the principals with their index in `model.parties`. */
interface Limits {
  redLines: { party: CompiledParty; line: CompiledParty['redLines'][number] }[];
  principals: { party: CompiledParty; index: number }[];
}
const limitsByModel = new WeakMap<Model, Limits>();

function limitsOf(model: Model): Limits {
  let limits = limitsByModel.get(model);
  if (!limits) {
    limits = {
      redLines: model.parties.flatMap((party) => party.redLines.map((line) => ({ party, line }))),
      principals: model.principalParties.map((party) => ({ party, index: model.parties.indexOf(party) })),
    };
    limitsByModel.set(model, limits);
  }
  return limits;
}

export function endDay(run: RunContext): void {
  const keep = 1 - run.model.grievanceDecay;
  const parties = run.partyStates;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i]!;
    p.grievance *= keep;
    p.mediatorPressure *= 1 - MEDIATOR_PRESSURE_DECAY;
  }
  run.st.stage = 'day-start';
}
