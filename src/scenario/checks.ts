/**
 * Checks beyond shape: references, cycles, days inside their phase, probabilities, counts and
 * whether the stocks can meet what is promised. Every problem is reported, not just the first.
 */
import { BEHAVIOUR_MODELS } from './behaviour-models.ts';
import { BOUNDS, BOUNDS_HINT } from './bounds.ts';
import { ExpressionSyntaxError, FUNCTIONS, NAMES, parseExpression, walkExpression, type ArgumentKind } from './expression.ts';
import { checkHistory } from './history.ts';
import { referenceHint } from './near-match.ts';
import type { Scenario, NumberOrParameter, SourceRef } from './schema.ts';
import { OBLIGATION_KINDS } from './schema.ts';
import { namesStock, occurrenceCount, phaseOf, quantityByCategory, readHours, readRatio, timingsOf } from './terms.ts';
import { hasOwn, own } from './own.ts';
import type { DataPath } from './yaml-source.ts';

export interface Reporter {
  /** A problem at the value at `path` (or its key, with `key`), or `offset` characters into a scalar. */
  (path: DataPath, message: string, hint?: string, where?: { key?: boolean; offset?: number }): void;
}

export function checkScenario(s: Scenario, report: Reporter): void {
  // A hint compares a name with every declared one; past the problems a report can show, skip it.
  let hints = 0;
  const hintFor = (kind: string, wanted: string, candidates: readonly string[]) => (++hints > 100 ? undefined : referenceHint(kind, wanted, candidates));
  const partyIds = Object.keys(s.parties);
  const parameterIds = Object.keys(s.parameters);
  const obligationIds = s.obligations.map((o) => o.id);
  const obligationById = new Map<string, Scenario['obligations'][number]>();
  for (const o of s.obligations) if (!obligationById.has(o.id)) obligationById.set(o.id, o);
  const phaseIds = s.phases.map((p) => p.id);
  const stockIds = Object.keys(s.stocks);
  const zoneIds = Object.keys(s.zones);
  const crossingIds = Object.keys(s.crossings);
  const incidentIds = s.incidents.map((i) => i.id);
  const sourceIds = Object.keys(s.sources);

  const party = (path: DataPath, id: string | undefined, roles?: readonly string[]) => {
    if (id === undefined) return;
    const found = own(s.parties, id);
    if (!found) report(path, `unknown party \`${id}\``, hintFor('party', id, partyIds));
    else if (roles && !roles.includes(found.role)) report(path, `\`${id}\` is a ${found.role}; this needs a ${roles.join(' or ')}`);
  };
  const source = (path: DataPath, ref: SourceRef | undefined) => {
    if (typeof ref === 'string' && !own(s.sources, ref)) report(path, `unknown source \`${ref}\``, hintFor('source', ref, sourceIds));
  };
  /** A number or parameter used as a probability (`true`), a count (`'count'`) or freely (`false`). */
  const value = (path: DataPath, v: NumberOrParameter | undefined, probability: boolean | 'count') => {
    if (v === undefined) return;
    if (typeof v === 'string') {
      const parameter = own(s.parameters, v);
      if (!parameter) report(path, `unknown parameter \`${v}\``, hintFor('parameter', v, parameterIds));
      else if (probability === true && (parameter.range[0] < 0 || parameter.range[1] > 1)) {
        report(path, `parameter \`${v}\` is used as a probability but its range [${parameter.range.join(', ')}] goes outside [0, 1]`, `set its range inside [0, 1]`);
      } else if (probability === 'count' && (parameter.range[0] < 0 || parameter.range[1] > BOUNDS.count)) {
        report(path, `parameter \`${v}\` is used as a count but its range [${parameter.range.join(', ')}] goes outside [0, ${BOUNDS.count}]`, 'counts are not negative; set its range inside that');
      }
    } else if (probability === true && (v < 0 || v > 1)) {
      report(path, `${v} is not a probability`, 'probabilities are between 0 and 1, e.g. `0.25`');
    } else if (probability === 'count' && (!Number.isInteger(v) || v < 0 || v > BOUNDS.count)) {
      report(path, `${v} is not a count`, `counts are whole numbers from 0 to ${BOUNDS.count.toLocaleString('en')}`);
    }
  };
  const idSets: Record<ArgumentKind, ReadonlySet<string>> = {
    obligation: new Set(obligationIds),
    party: new Set(partyIds),
    stock: new Set(stockIds),
    zone: new Set(zoneIds),
    crossing: new Set(crossingIds),
    incident: new Set(incidentIds),
  };
  const expression = (path: DataPath, text: string | undefined) => {
    if (text === undefined) return;
    let parsed;
    try {
      parsed = parseExpression(text);
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) {
        report(path, `in condition: ${error.message}`, error.hint, { offset: error.at });
        return;
      }
      throw error;
    }
    const ids: Record<ArgumentKind, readonly string[]> = {
      obligation: obligationIds,
      party: partyIds,
      stock: stockIds,
      zone: zoneIds,
      crossing: crossingIds,
      incident: incidentIds,
    };
    for (const node of walkExpression(parsed)) {
      if (node.type === 'name' && !hasOwn(NAMES, node.name) && !own(s.parameters, node.name)) {
        const known = [...Object.keys(NAMES), ...parameterIds];
        const hint = own(FUNCTIONS, node.name) ? `\`${node.name}\` is a function: write \`${node.name}(...)\`` : hintFor('name', node.name, known);
        report(path, `unknown name \`${node.name}\` in condition`, hint, { offset: node.at });
      }
      if (node.type !== 'call') continue;
      const fn = own(FUNCTIONS, node.name);
      if (!fn) {
        report(path, `unknown function \`${node.name}\``, hintFor('function', node.name, Object.keys(FUNCTIONS)), { offset: node.at });
        continue;
      }
      if (node.args.length !== fn.args.length) {
        report(path, `\`${node.name}\` takes ${fn.args.length} argument${fn.args.length === 1 ? '' : 's'} (${fn.args.join(', ')})`, undefined, { offset: node.at });
        continue;
      }
      node.args.forEach((arg, i) => {
        const kind = fn.args[i]!;
        const [id, category] = arg.text.split('.');
        if (!idSets[kind].has(id!)) {
          report(path, `unknown ${kind} \`${id}\` in condition`, hintFor(kind, id!, ids[kind]), { offset: arg.at });
        } else if (category !== undefined) {
          if (kind !== 'stock') report(path, `only stocks have categories; \`${arg.text}\` is a ${kind}`, undefined, { offset: arg.at });
          else if (!hasOwn(own(s.stocks, id!)!.count, category)) {
            report(path, `stock \`${id}\` has no category \`${category}\``, hintFor('category', category, Object.keys(s.stocks[id!]!.count)), { offset: arg.at });
          }
        }
      });
    }
  };

  source(['source'], s.source);

  // parameters
  for (const [id, p] of Object.entries(s.parameters)) {
    if (p.range[0] > p.range[1]) report(['parameters', id, 'range'], `range [${p.range.join(', ')}] is empty: the lower bound is above the upper`, 'write it as [lowest, highest]');
    else if (p.default < p.range[0] || p.default > p.range[1]) report(['parameters', id, 'default'], `default ${p.default} is outside its range [${p.range.join(', ')}]`);
    source(['parameters', id, 'source'], p.source);
  }

  // parties
  const principals = partyIds.filter((id) => s.parties[id]!.role === 'principal');
  if (principals.length === 0) report(['parties'], 'a truce needs at least one party with `role: principal`');
  for (const [id, p] of Object.entries(s.parties)) {
    const at = (...rest: (string | number)[]) => ['parties', id, ...rest];
    party(at('counterpart'), p.counterpart, ['principal']);
    if (p.role === 'principal' && !p.counterpart && principals.length !== 2) {
      report(at(), `say who \`${id}\`'s counterpart is`, 'add `counterpart: <party>`; it is only implied when there are exactly two principals', { key: true });
    }
    value(at('trust'), p.trust, true);
    value(at('grievance'), p.grievance, true);
    value(at('domestic-pressure'), p.domesticPressure, true);
    value(at('breaking-point'), p.breakingPoint, true);
    value(at('pressure'), p.pressure, true);
    if (p.guarantees !== undefined) {
      if (p.role !== 'guarantor') report(at('guarantees'), 'only a party with `role: guarantor` gives guarantees');
      party(at('guarantees'), p.guarantees, ['principal']);
    }
    if (p.withdrawWhen !== undefined && p.guarantees === undefined) report(at('withdraw-when'), '`withdraw-when` needs `guarantees: <party>` beside it');
    expression(at('withdraw-when'), p.withdrawWhen);
    if (p.behaviour) {
      const spec = own(BEHAVIOUR_MODELS, p.behaviour.model);
      if (!spec) {
        report(at('behaviour', 'model'), `unknown response model \`${p.behaviour.model}\``, hintFor('model', p.behaviour.model, Object.keys(BEHAVIOUR_MODELS)));
      } else {
        for (const [setting, v] of Object.entries(p.behaviour)) {
          if (setting === 'model') continue;
          const known = own(spec.settings, setting);
          if (!known) report(at('behaviour', setting), `the \`${p.behaviour.model}\` model has no setting \`${setting}\``, hintFor('setting', setting, Object.keys(spec.settings)), { key: true });
          else value(at('behaviour', setting), v as NumberOrParameter, known.probability);
        }
      }
    }
    p.redLines.forEach((line, i) => {
      expression(at('red-lines', i, 'when'), line.when);
      source(at('red-lines', i, 'source'), line.source);
    });
    source(at('source'), p.source);
  }

  // stocks, zones, crossings
  for (const [id, stock] of Object.entries(s.stocks)) {
    party(['stocks', id, 'held-by'], stock.heldBy);
    source(['stocks', id, 'source'], stock.source);
  }
  for (const [id, zone] of Object.entries(s.zones)) {
    party(['zones', id, 'held-by'], zone.heldBy);
    value(['zones', id, 'width-m'], zone.widthM, false);
    source(['zones', id, 'source'], zone.source);
  }
  for (const [id, crossing] of Object.entries(s.crossings)) source(['crossings', id, 'source'], crossing.source);

  // phases
  const seenPhases = new Set<string>();
  s.phases.forEach((phase, i) => {
    const at = (...rest: (string | number)[]) => ['phases', i, ...rest];
    if (RESERVED_PHASE_IDS.includes(phase.id)) report(at('id'), `\`${phase.id}\` names an outcome, not a phase`, `pick another id; these are taken: ${RESERVED_PHASE_IDS.join(', ')}`);
    if (seenPhases.has(phase.id)) report(at('id'), `two phases are named \`${phase.id}\``, 'give each phase its own id');
    seenPhases.add(phase.id);
    if (!phase.final && phase.length === undefined) report(at(), `phase \`${phase.id}\` needs a \`length\``, 'add `length: 60 days`, or `final: true` if reaching it ends the run');
    if (phase.final && phase.length !== undefined) report(at('length'), 'a final phase ends the run when reached, so it has no length', 'remove `length` or `final: true`');
    if (phase.final && i === 0) report(at('final'), 'the first phase cannot be final: there would be nothing to simulate');
    if (phase.final && (phase.gate || phase.extensions)) report(at('final'), 'a final phase has no gate or extensions');
    if (phase.gate && i === s.phases.length - 1) report(at('gate'), `phase \`${phase.id}\` has a gate but no phase follows it`, 'add the next phase after it, or remove the gate');
    if (phase.length === 0) report(at('length'), 'a phase lasts at least 1 day');
    expression(at('gate', 'requires'), phase.gate?.requires);
    source(at('gate', 'source'), phase.gate?.source);
    source(at('source'), phase.source);
    phase.extensions?.rules.forEach((rule, r) => {
      const rat = (...rest: (string | number)[]) => at('extensions', 'rules', r, ...rest);
      source(rat('source'), rule.source);
      if ('mediator' in rule) {
        party(rat('mediator'), rule.mediator, ['mediator', 'guarantor']);
        expression(rat('while'), rule.while);
        value(rat('chance'), rule.chance, true);
      } else if ('while' in rule) {
        expression(rat('while'), rule.while);
        value(rat('chance'), rule.chance, true);
      } else {
        const pr = rule.perRelease;
        party(rat('per-release', 'party'), pr.party);
        const stock = own(s.stocks, pr.stock);
        if (!stock) report(rat('per-release', 'stock'), `unknown stock \`${pr.stock}\``, hintFor('stock', pr.stock, stockIds));
        else {
          if (stock.heldBy !== pr.party) report(rat('per-release', 'party'), `\`${pr.party}\` does not hold \`${pr.stock}\`; \`${stock.heldBy}\` does`);
          if (pr.category && !hasOwn(stock.count, pr.category)) report(rat('per-release', 'category'), `stock \`${pr.stock}\` has no category \`${pr.category}\``, hintFor('category', pr.category, Object.keys(stock.count)));
        }
        if (pr.exchange) {
          party(rat('per-release', 'exchange', 'party'), pr.exchange.party);
          const ex = own(s.stocks, pr.exchange.stock);
          if (!ex) report(rat('per-release', 'exchange', 'stock'), `unknown stock \`${pr.exchange.stock}\``, hintFor('stock', pr.exchange.stock, stockIds));
          else if (ex.heldBy !== pr.exchange.party) report(rat('per-release', 'exchange', 'party'), `\`${pr.exchange.party}\` does not hold \`${pr.exchange.stock}\`; \`${ex.heldBy}\` does`);
        }
      }
    });
  });

  // obligations
  const seenObligations = new Map<string, number>();
  const kinds = new Set<string>(OBLIGATION_KINDS);
  s.obligations.forEach((o, i) => {
    const at = (...rest: (string | number)[]) => ['obligations', i, ...rest];
    if (seenObligations.has(o.id)) report(at('id'), `two obligations are named \`${o.id}\``, `the first is obligation ${seenObligations.get(o.id)! + 1}; give each its own id`);
    seenObligations.set(o.id, i);
    if (kinds.has(o.id)) report(at('id'), `\`${o.id}\` is the name of a kind; pick another id so \`alongside\` stays unambiguous`);
    party(at('party'), o.party, ['principal']);
    source(at('source'), o.source);

    const timings = timingsOf(o);
    if (timings.length === 0) report(at(), `obligation \`${o.id}\` never falls due`, 'add one of `day`, `days`, `every`, `after`, `by`, `alongside`');
    if (timings.length > 1) report(at(timings[1]!), `obligation \`${o.id}\` has both \`${timings[0]}\` and \`${timings[1]}\``, 'give exactly one of `day`, `days`, `every`, `after`, `by`, `alongside`', { key: true });
    if ((o.from !== undefined || o.until !== undefined) && o.every === undefined) report(at(o.from !== undefined ? 'from' : 'until'), '`from` and `until` go with `every`', undefined, { key: true });
    if (o.wait !== undefined && o.after === undefined) report(at('wait'), '`wait` goes with `after`', undefined, { key: true });

    let phaseLength: number | undefined;
    if (o.phase !== undefined && !phaseIds.includes(o.phase)) report(at('phase'), `unknown phase \`${o.phase}\``, hintFor('phase', o.phase, phaseIds));
    else {
      const phase = phaseOf(s, o);
      phaseLength = phase.length;
      if (phase.final) report(at('phase'), `phase \`${phase.id}\` is final: nothing falls due in it`);
    }
    if (phaseLength !== undefined) {
      const ownPhase = phaseIds.indexOf(o.phase ?? phaseIds[0]!);
      const laterPhase = s.phases.slice(ownPhase + 1).find((p) => !p.final)?.id;
      for (const key of ['day', 'by', 'from', 'until'] as const) {
        const d = o[key];
        if (d !== undefined && d > phaseLength) report(at(key), `day ${d} is outside its phase, which lasts ${phaseLength} days`, `use a day from 1 to ${phaseLength}${laterPhase ? `, or set \`phase: ${laterPhase}\`` : ''}`);
      }
      o.days?.forEach((d, k) => {
        if (d > phaseLength!) report(at('days', k), `day ${d} is outside its phase, which lasts ${phaseLength} days`, `use a day from 1 to ${phaseLength}`);
      });
    }
    if (o.every === 0) report(at('every'), '`every` needs at least 1 day');
    if (o.after !== undefined && !obligationById.has(o.after)) report(at('after'), `unknown obligation \`${o.after}\``, hintFor('obligation', o.after, obligationIds));
    if (o.after === o.id) report(at('after'), `\`${o.id}\` cannot come after itself`);
    if (o.alongside !== undefined && !kinds.has(o.alongside) && !obligationById.has(o.alongside)) {
      report(at('alongside'), `\`${o.alongside}\` is neither an obligation nor a kind`, hintFor('obligation or kind', o.alongside, [...obligationIds, ...OBLIGATION_KINDS]));
    }
    if (o.alongside !== undefined && (o.alongside === o.id || o.alongside === o.kind)) report(at('alongside'), `\`${o.id}\` cannot fall due alongside itself`);
    if (o.by !== undefined && o.grace !== undefined && o.grace > 0) report(at('grace'), 'a deadline (`by`) allows no grace', 'remove `grace`, or use `day` instead of `by`');

    const needs = (key: 'stock' | 'zone' | 'crossing' | 'trucks' | 'quantity', why: string) => {
      if (o[key] === undefined) report(at(), `a \`${o.kind}\` obligation needs \`${key}\``, why);
    };
    const stock = o.stock !== undefined ? own(s.stocks, o.stock) : undefined;
    if (o.stock !== undefined && !stock) report(at('stock'), `unknown stock \`${o.stock}\``, hintFor('stock', o.stock, stockIds));
    if (stock && own(s.parties, o.party) && stock.heldBy !== o.party) report(at('party'), `\`${o.party}\` cannot release \`${o.stock}\`: they are held by \`${stock.heldBy}\``, `make \`${stock.heldBy}\` the party, or change the stock's \`held-by\``);
    if (stock && o.quantity !== undefined) {
      const categories = Object.keys(stock.count);
      const q = quantityByCategory(o.quantity, categories);
      if (!q) report(at('quantity'), `say which category of \`${o.stock}\`: ${categories.map((c) => `\`${c}\``).join(', ')}`, `write e.g. \`quantity: { ${categories[0]}: ${o.quantity} }\``);
      else for (const category of Object.keys(q)) {
        if (!categories.includes(category)) report(at('quantity', category), `stock \`${o.stock}\` has no category \`${category}\``, hintFor('category', category, categories), { key: true });
      }
    }
    switch (o.kind) {
      case 'release':
      case 'recover-remains':
        needs('stock', 'name the stock released, e.g. `stock: captives`');
        needs('quantity', 'say how many, e.g. `quantity: { alive: 2 }`');
        break;
      case 'exchange':
        needs('stock', 'name the stock released in exchange, e.g. `stock: prisoners`');
        if (o.ratio === undefined && o.quantity === undefined) report(at(), 'an exchange needs `ratio` (with `in-return-for`) or `quantity`');
        if (o.ratio !== undefined) {
          const ratio = readRatio(o.ratio);
          if (!ratio) report(at('ratio'), `cannot read the ratio \`${o.ratio}\``, 'write `3` or `3 prisoners per captive`');
          else if (ratio.value <= 0 || ratio.value > BOUNDS.ratio) report(at('ratio'), `a ratio of ${ratio.value} is outside 0 to ${BOUNDS.ratio}`, BOUNDS_HINT);
          if (o.inReturnFor === undefined) report(at('ratio'), 'a ratio needs `in-return-for: <release>` to say what it is a ratio of');
          if (ratio?.give && o.stock && !namesStock(ratio.give, o.stock)) report(at('ratio'), `the ratio gives \`${ratio.give}\` but the exchange releases \`${o.stock}\``);
          const paidFor = (o.inReturnFor !== undefined ? obligationById.get(o.inReturnFor) : undefined);
          if (ratio?.per && paidFor?.stock && !namesStock(ratio.per, paidFor.stock)) report(at('ratio'), `the ratio is per \`${ratio.per}\` but \`${paidFor.id}\` releases \`${paidFor.stock}\``);
          if (o.category !== undefined && stock && !hasOwn(stock.count, o.category)) report(at('category'), `stock \`${o.stock}\` has no category \`${o.category}\``, hintFor('category', o.category, Object.keys(stock.count)));
        }
        break;
      case 'withdraw':
        needs('zone', 'name the zone, e.g. `zone: morag-corridor`');
        if (o.zone !== undefined) {
          const zone = own(s.zones, o.zone);
          if (!zone) report(at('zone'), `unknown zone \`${o.zone}\``, hintFor('zone', o.zone, zoneIds));
          else if (zone.heldBy !== o.party) report(at('party'), `\`${o.party}\` cannot withdraw from \`${o.zone}\`: \`${zone.heldBy}\` holds it`);
        }
        break;
      case 'open-crossing':
        needs('crossing', 'name the crossing, e.g. `crossing: rafah`');
        if (o.crossing !== undefined && !own(s.crossings, o.crossing)) report(at('crossing'), `unknown crossing \`${o.crossing}\``, hintFor('crossing', o.crossing, crossingIds));
        break;
      case 'admit-aid':
        needs('trucks', 'say how many trucks, e.g. `trucks: 600`');
        value(at('trucks'), o.trucks, 'count');
        break;
      case 'halt-operations':
        if (o.hours !== undefined) {
          const hours = readHours(o.hours);
          if (hours === undefined) report(at('hours'), `cannot read hours \`${o.hours}\``, 'write `10` or `10-12`');
          else if (hours <= 0 || hours > BOUNDS.hours) report(at('hours'), `${hours} hours is not part of a day`, `write from 1 to ${BOUNDS.hours} hours`);
        }
        break;
      case 'return-displaced':
        value(at('people'), o.people, 'count');
        break;
    }
    if (o.inReturnFor !== undefined) {
      const paidFor = (o.inReturnFor !== undefined ? obligationById.get(o.inReturnFor) : undefined);
      if (!paidFor) report(at('in-return-for'), `unknown obligation \`${o.inReturnFor}\``, hintFor('obligation', o.inReturnFor, obligationIds));
      else if (!['release', 'recover-remains'].includes(paidFor.kind)) report(at('in-return-for'), `\`${o.inReturnFor}\` is a ${paidFor.kind}, not a release`);
    }
  });
  checkAfterCycles(s, report);
  checkStockSufficiency(s, report);
  checkTruceSize(s, report);

  // incidents
  const firstIncident = new Map<string, number>();
  s.incidents.forEach((incident, i) => {
    if (!firstIncident.has(incident.id)) firstIncident.set(incident.id, i);
    const at = (...rest: (string | number)[]) => ['incidents', i, ...rest];
    if ((incident.day === undefined) === (incident.chance === undefined)) report(at(), `incident \`${incident.id}\` needs exactly one of \`day\` or \`chance\``);
    value(at('chance'), incident.chance, true);
    value(at('collapse-chance'), incident.collapseChance, true);
    for (const target of Object.keys(incident.effects)) party(at('effects', target), target);
    if (firstIncident.get(incident.id) !== i) report(at('id'), `two incidents are named \`${incident.id}\``);
    source(at('source'), incident.source);
  });
  value(['settings', 'reciprocity'], s.settings.reciprocity, true);

  checkHistory(s, report);
  s.targets.forEach((target, i) => {
    if (s.targets.findIndex((t) => t.id === target.id) !== i) report(['targets', i, 'id'], `two targets are named \`${target.id}\``);
    source(['targets', i, 'source'], target.source);
  });
}

/** Outcome states of the truce statechart; a phase with one of these ids would be mistaken for it. */
const RESERVED_PHASE_IDS: readonly string[] = ['ending', 'gate-failed', 'completed', 'extended-then-completed', 'stalled', 'collapsed'];

/** A truce is at most BOUNDS.truceDays long with every extension taken, and schedules at most BOUNDS.occurrences. */
function checkTruceSize(s: Scenario, report: Reporter): void {
  let days = 0;
  for (const [i, phase] of s.phases.entries()) {
    const before = days;
    days += (phase.length ?? 0) + (phase.extensions?.max ?? 0);
    if (before <= BOUNDS.truceDays && days > BOUNDS.truceDays) {
      report(['phases', i, phase.extensions && (phase.length ?? 0) + before <= BOUNDS.truceDays ? 'extensions' : 'length'], `the truce would last up to ${days.toLocaleString('en')} days with every extension; it may last at most ${BOUNDS.truceDays.toLocaleString('en')}`, 'shorten the phases or their `extensions.max`');
    }
  }
  let occurrences = 0;
  for (const [i, o] of s.obligations.entries()) {
    const before = occurrences;
    occurrences += occurrenceCount(o, phaseOf(s, o).length ?? 0);
    if (before <= BOUNDS.occurrences && occurrences > BOUNDS.occurrences) {
      report(['obligations', i], `the obligations fall due ${occurrences.toLocaleString('en')} times or more; at most ${BOUNDS.occurrences.toLocaleString('en')} are allowed`, 'use a larger `every`, or fewer obligations');
    }
  }
}

function checkAfterCycles(s: Scenario, report: Reporter): void {
  const indexById = new Map(s.obligations.map((o, i) => [o.id, i]));
  // 0 = unvisited, 1 = on the current walk, 2 = known to end outside any circle
  const mark = new Array<number>(s.obligations.length).fill(0);
  s.obligations.forEach((_obligation, startIndex) => {
    if (mark[startIndex] !== 0) return;
    const walk: number[] = [];
    let i: number | undefined = startIndex;
    while (i !== undefined && mark[i] === 0) {
      mark[i] = 1;
      walk.push(i);
      const after: string | undefined = s.obligations[i]!.after;
      i = after !== undefined ? indexById.get(after) : undefined;
    }
    if (i !== undefined && mark[i] === 1) {
      const circle = walk.slice(walk.indexOf(i));
      const first = circle[0]!;
      if (circle.length > 1) {
        const ids = circle.map((k) => s.obligations[k]!.id);
        report(['obligations', first, 'after'], `\`after\` goes round in a circle: ${[...ids, ids[0]].join(' → ')}`, 'one of them must fall due on a day, not after another');
      }
    }
    for (const k of walk) mark[k] = 2;
  });
}

/** Flags promises the stocks cannot keep: more released than held, or a ratio that outruns its stock. */
function checkStockSufficiency(s: Scenario, report: Reporter): void {
  const promised = new Map<string, Record<string, number>>();
  const firstIndex = new Map<string, number>();
  const indexById = new Map(s.obligations.map((o, i) => [o.id, i]));
  const memo = new Map<number, number>();
  const occurrences = (start: number): number => {
    // Follow `after` to the obligation that sets the schedule (iteratively: chains can be long).
    const chain: number[] = [];
    const seen = new Set<number>();
    let i = start;
    while (!memo.has(i) && chain.length <= s.obligations.length) {
      chain.push(i);
      seen.add(i);
      const target = s.obligations[i]!.after;
      const next = target !== undefined ? indexById.get(target) : undefined;
      if (next === undefined || seen.has(next)) {
        const o = s.obligations[i]!;
        const days = next === undefined ? occurrenceCount(o, phaseOf(s, o).length ?? 0) : 1;
        memo.set(i, days > 0 ? days : 1);
        break;
      }
      i = next;
    }
    const value = memo.get(i) ?? 1;
    for (const k of chain) memo.set(k, value);
    return value;
  };
  const add = (stockId: string, category: string, amount: number, i: number) => {
    const bucket = promised.get(stockId) ?? {};
    bucket[category] = (bucket[category] ?? 0) + amount;
    promised.set(stockId, bucket);
    if (!firstIndex.has(stockId)) firstIndex.set(stockId, i);
  };
  s.obligations.forEach((o, i) => {
    const stock = o.stock !== undefined ? own(s.stocks, o.stock) : undefined;
    if (!stock) return;
    const categories = Object.keys(stock.count);
    if (o.kind === 'exchange' && o.ratio !== undefined) {
      const ratio = readRatio(o.ratio);
      const paidFor = o.inReturnFor !== undefined ? (indexById.get(o.inReturnFor) ?? -1) : -1;
      const paidForObligation = s.obligations[paidFor];
      if (!ratio || !paidForObligation?.stock || !own(s.stocks, paidForObligation.stock)) return;
      const q = quantityByCategory(paidForObligation.quantity, Object.keys(s.stocks[paidForObligation.stock]!.count));
      const units = q ? Object.values(q).reduce((a, b) => a + b, 0) * occurrences(paidFor) : 0;
      add(o.stock!, o.category ?? categories[0]!, Math.ceil(units * ratio.value), i);
      return;
    }
    const q = quantityByCategory(o.quantity, categories);
    if (!q) return;
    for (const [category, amount] of Object.entries(q)) add(o.stock!, category, amount * occurrences(i), i);
  });
  for (const [stockId, bucket] of promised) {
    const stock = s.stocks[stockId]!;
    for (const [category, amount] of Object.entries(bucket)) {
      const held = own(stock.count, category);
      if (held !== undefined && amount > held) {
        const label = category === 'all' ? `\`${stockId}\`` : `\`${stockId}.${category}\``;
        report(['obligations', firstIndex.get(stockId)!], `the obligations release ${amount} of ${label} but only ${held} are held`, `lower the quantities or ratio, or raise \`stocks.${stockId}.count\``);
      }
    }
  }
}
