/**
 * Checks of each obligation: its id, party and timing (shared by every kind), the stock it moves
 * (for kinds that move one), then the kind module's own checks.
 */
import { BOUNDS } from '../bounds.ts';
import type { CheckContext, StockTerms } from '../kinds/kind.ts';
import { moduleOf, OBLIGATION_KINDS } from '../kinds/registry.ts';
import { own } from '../own.ts';
import type { Obligation, Scenario } from '../schema.ts';
import { phaseOf, quantityByCategory, timingsOf } from '../terms.ts';
import { checkBehaviourSettings } from './parties.ts';
import type { References, Reporter } from './references.ts';

type At = (...rest: (string | number)[]) => (string | number)[];

export function checkObligations(s: Scenario, report: Reporter, refs: References): void {
  const obligationIds = s.obligations.map((o) => o.id);
  const byId = new Map<string, Obligation>();
  for (const o of s.obligations) if (!byId.has(o.id)) byId.set(o.id, o);
  const seen = new Map<string, number>();
  const kinds = new Set<string>(OBLIGATION_KINDS);
  let idsAndKinds: readonly string[] | undefined;
  const candidates: HintCandidates = { ids: obligationIds, idsAndKinds: () => (idsAndKinds ??= [...obligationIds, ...OBLIGATION_KINDS]) };
  s.obligations.forEach((o, i) => {
    const at: At = (...rest) => ['obligations', i, ...rest];
    if (seen.has(o.id)) report(at('id'), `two obligations are named \`${o.id}\``, `the first is obligation ${seen.get(o.id)! + 1}; give each its own id`);
    seen.set(o.id, i);
    if (kinds.has(o.id)) report(at('id'), `\`${o.id}\` is the name of a kind; pick another id so \`alongside\` stays unambiguous`);
    refs.party(at('party'), o.party, ['principal']);
    refs.source(at('source'), o.source);
    checkTiming(s, o, at, report, refs, byId, kinds, candidates);
    checkTermBehaviour(s, o, at, report, refs);
    const module = moduleOf(o);
    const terms = module.stock?.(o);
    if (terms) checkStockTerms(s, o, terms, at, report, refs);
    const ctx: CheckContext = {
      report: (path, message, hint, where) => report(at(...path), message, hint, where),
      value: (path, v, use) => refs.value(at(...path), v, use),
      hint: refs.hint,
      stocks: s.stocks,
      zones: s.zones,
      crossings: s.crossings,
      obligation(id) {
        const other = byId.get(id);
        if (!other) return undefined;
        const otherModule = moduleOf(other);
        return { kind: other.kind, stock: otherModule.stock?.(other), payable: otherModule.payable === true };
      },
      obligationIds,
    };
    module.check?.(o, ctx);
  });
}

/** Candidates for near-name hints, built once: building them per unknown name made the checks quadratic. */
interface HintCandidates {
  ids: readonly string[];
  idsAndKinds(): readonly string[];
}

function checkTiming(s: Scenario, o: Obligation, at: At, report: Reporter, refs: References, byId: ReadonlyMap<string, Obligation>, kinds: ReadonlySet<string>, candidates: HintCandidates): void {
  const timings = timingsOf(o);
  if (timings.length === 0) report(at(), `obligation \`${o.id}\` never falls due`, 'add one of `day`, `days`, `every`, `after`, `by`, `alongside`, `when`, `during`');
  if (timings.length > 1) report(at(timings[1]!), `obligation \`${o.id}\` has both \`${timings[0]}\` and \`${timings[1]}\``, 'give exactly one of `day`, `days`, `every`, `after`, `by`, `alongside`, `when`, `during`', { key: true });
  if ((o.from !== undefined || o.until !== undefined) && o.every === undefined) report(at(o.from !== undefined ? 'from' : 'until'), '`from` and `until` go with `every`', undefined, { key: true });
  if (o.wait !== undefined && o.after === undefined) report(at('wait'), '`wait` goes with `after`', undefined, { key: true });
  refs.expression(at('when'), o.when);
  checkDaysInPhase(s, o, at, report, refs);
  if (o.every === 0) report(at('every'), '`every` needs at least 1 day');
  if (o.after !== undefined && !byId.has(o.after)) report(at('after'), `unknown obligation \`${o.after}\``, refs.hint('obligation', o.after, candidates.ids));
  if (o.after === o.id) report(at('after'), `\`${o.id}\` cannot come after itself`);
  if (o.alongside !== undefined && !kinds.has(o.alongside) && !byId.has(o.alongside)) {
    report(at('alongside'), `\`${o.alongside}\` is neither an obligation nor a kind`, refs.hint('obligation or kind', o.alongside, candidates.idsAndKinds()));
  }
  if (o.alongside !== undefined && (o.alongside === o.id || o.alongside === o.kind)) report(at('alongside'), `\`${o.id}\` cannot fall due alongside itself`);
  refs.value(at('grace'), o.grace, 'days');
  if (o.by !== undefined && o.grace !== undefined && o.grace !== 0) report(at('grace'), 'a deadline (`by`) allows no grace', 'remove `grace`, or use `day` instead of `by`');
}

function checkDaysInPhase(s: Scenario, o: Obligation, at: At, report: Reporter, refs: References): void {
  const phaseIds = s.phases.map((p) => p.id);
  if (o.phase !== undefined && !phaseIds.includes(o.phase)) {
    report(at('phase'), `unknown phase \`${o.phase}\``, refs.hint('phase', o.phase, phaseIds));
    return;
  }
  const phase = phaseOf(s, o);
  if (phase.final) report(at('phase'), `phase \`${phase.id}\` is final: nothing falls due in it`);
  const phaseLength = phase.length;
  if (phaseLength === undefined) return;
  if (o.during !== undefined && !phase.extensions) report(at('during'), `phase \`${phase.id}\` has no extensions, so \`during: extension\` never falls due`, 'add `extensions:` to the phase, or another timing');
  // Days past the length are allowed up to the most its extensions may add: they fall due only if it is extended that far.
  const reach = phaseLength + (typeof phase.extensions?.max === 'number' ? phase.extensions.max : phase.extensions ? BOUNDS.truceDays : 0);
  const laterPhase = s.phases.slice(phaseIds.indexOf(phase.id) + 1).find((p) => !p.final)?.id;
  const outside = (d: number) => `day ${d} is outside its phase, which lasts ${phaseLength} days${reach > phaseLength ? ` and at most ${reach} with every extension` : ''}`;
  for (const key of ['day', 'by', 'from', 'until'] as const) {
    const d = o[key];
    if (d !== undefined && d > reach) report(at(key), outside(d), `use a day from 1 to ${reach}${laterPhase ? `, or set \`phase: ${laterPhase}\`` : ''}`);
  }
  o.days?.forEach((d, k) => {
    if (d > reach) report(at('days', k), outside(d), `use a day from 1 to ${reach}`);
  });
}

/** The stock exists, the party holds it, and the quantity names its categories. */
function checkStockTerms(s: Scenario, o: Obligation, terms: StockTerms, at: At, report: Reporter, refs: References): void {
  const stock = own(s.stocks, terms.stock);
  if (!stock) {
    report(at('stock'), `unknown stock \`${terms.stock}\``, refs.hint('stock', terms.stock, Object.keys(s.stocks)));
    return;
  }
  if (own(s.parties, o.party) && stock.heldBy !== o.party) report(at('party'), `\`${o.party}\` cannot release \`${terms.stock}\`: they are held by \`${stock.heldBy}\``, `make \`${stock.heldBy}\` the party, or change the stock's \`held-by\``);
  if (terms.quantity === undefined) return;
  const categories = Object.keys(stock.count);
  const q = quantityByCategory(terms.quantity, categories);
  if (!q) report(at('quantity'), `say which category of \`${terms.stock}\`: ${categories.map((c) => `\`${c}\``).join(', ')}`, `write e.g. \`quantity: { ${categories[0]}: ${terms.quantity} }\``);
  else for (const [category, amount] of Object.entries(q)) {
    if (!categories.includes(category)) report(at('quantity', category), `stock \`${terms.stock}\` has no category \`${category}\``, refs.hint('category', category, categories), { key: true });
    refs.value(typeof terms.quantity === 'object' ? at('quantity', category) : at('quantity'), amount, 'count');
  }
}

/** A term's own behaviour (its model, or the party's, must have the settings it names) and grievances. */
function checkTermBehaviour(s: Scenario, o: Obligation, at: At, report: Reporter, refs: References): void {
  if (o.behaviour) {
    const model = o.behaviour.model ?? own(s.parties, o.party)?.behaviour?.model ?? 'state-dependent';
    checkBehaviourSettings(o.behaviour, model, (...rest) => at('behaviour', ...rest), report, refs);
  }
  for (const [field, v] of Object.entries(o.grievance ?? {})) refs.value(at('grievance', field), v, 'grievance');
}
