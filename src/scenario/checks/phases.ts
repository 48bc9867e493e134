/** Checks of phases: ids, lengths, final phases, gates, and each extension rule's references. */
import { hasOwn, own } from '../own.ts';
import type { ExtensionRule, Scenario } from '../schema.ts';
import type { References, Reporter } from './references.ts';

/** Outcome states of the truce statechart; a phase with one of these ids would be mistaken for it. */
export const RESERVED_PHASE_IDS: readonly string[] = ['ending', 'gate-failed', 'completed', 'extended-then-completed', 'stalled', 'collapsed'];

export function checkPhases(s: Scenario, report: Reporter, refs: References): void {
  const seenPhases = new Set<string>();
  s.phases.forEach((phase, i) => {
    const at = (...rest: (string | number)[]) => ['phases', i, ...rest];
    if (RESERVED_PHASE_IDS.includes(phase.id)) report(at('id'), `\`${phase.id}\` names an outcome, not a phase`, `pick another id; these are taken: ${RESERVED_PHASE_IDS.join(', ')}`);
    if (seenPhases.has(phase.id)) report(at('id'), `two phases are named \`${phase.id}\``, 'give each phase its own id');
    seenPhases.add(phase.id);
    if (!phase.final && phase.length === undefined && phase.endsWhen === undefined) report(at(), `phase \`${phase.id}\` needs a \`length\``, 'add `length: 60 days`, `ends-when: <condition>` for an open-ended phase, or `final: true` if reaching it ends the run');
    if (phase.final && phase.endsWhen !== undefined) report(at('ends-when'), 'a final phase ends the run when reached: it has no `ends-when`', undefined, { key: true });
    if (phase.length === undefined && phase.endsWhen !== undefined && phase.extensions) report(at('extensions'), 'an open-ended phase (`ends-when` without `length`) has no extensions', 'give it a `length`, or remove `extensions`', { key: true });
    refs.expression(at('ends-when'), phase.endsWhen);
    if (phase.final && phase.length !== undefined) report(at('length'), 'a final phase ends the run when reached, so it has no length', 'remove `length` or `final: true`');
    if (phase.final && i === 0) report(at('final'), 'the first phase cannot be final: there would be nothing to simulate');
    if (phase.final && (phase.gate || phase.extensions)) report(at('final'), 'a final phase has no gate or extensions');
    if (phase.gate && i === s.phases.length - 1) report(at('gate'), `phase \`${phase.id}\` has a gate but no phase follows it`, 'add the next phase after it, or remove the gate');
    if (phase.length === 0) report(at('length'), 'a phase lasts at least 1 day');
    refs.expression(at('gate', 'requires'), phase.gate?.requires);
    refs.source(at('gate', 'source'), phase.gate?.source);
    refs.source(at('source'), phase.source);
    refs.value(at('extensions', 'max'), phase.extensions?.max, 'days');
    phase.extensions?.rules.forEach((rule, r) => checkExtensionRule(s, rule, (...rest) => at('extensions', 'rules', r, ...rest), report, refs));
  });
}

function checkExtensionRule(s: Scenario, rule: ExtensionRule, at: (...rest: (string | number)[]) => (string | number)[], report: Reporter, refs: References): void {
  refs.source(at('source'), rule.source);
  if ('mediator' in rule || 'while' in rule) refs.value(at('days'), rule.days, 'extension-days');
  if ('mediator' in rule) {
    refs.party(at('mediator'), rule.mediator, ['mediator', 'guarantor']);
    refs.expression(at('while'), rule.while);
    refs.value(at('chance'), rule.chance, 'probability');
    return;
  }
  if ('while' in rule) {
    refs.expression(at('while'), rule.while);
    refs.value(at('chance'), rule.chance, 'probability');
    return;
  }
  const pr = rule.perRelease;
  const stockIds = Object.keys(s.stocks);
  refs.party(at('per-release', 'party'), pr.party);
  refs.value(at('per-release', 'count'), pr.count, 'release-count');
  refs.value(at('per-release', 'days'), pr.days, 'extension-days');
  const stock = own(s.stocks, pr.stock);
  if (!stock) report(at('per-release', 'stock'), `unknown stock \`${pr.stock}\``, refs.hint('stock', pr.stock, stockIds));
  else {
    if (stock.heldBy !== pr.party) report(at('per-release', 'party'), `\`${pr.party}\` does not hold \`${pr.stock}\`; \`${stock.heldBy}\` does`);
    if (pr.category && !hasOwn(stock.count, pr.category)) report(at('per-release', 'category'), `stock \`${pr.stock}\` has no category \`${pr.category}\``, refs.hint('category', pr.category, Object.keys(stock.count)));
  }
  if (pr.exchange) {
    refs.party(at('per-release', 'exchange', 'party'), pr.exchange.party);
    refs.value(at('per-release', 'exchange', 'ratio'), pr.exchange.ratio, 'ratio');
    const ex = own(s.stocks, pr.exchange.stock);
    if (!ex) report(at('per-release', 'exchange', 'stock'), `unknown stock \`${pr.exchange.stock}\``, refs.hint('stock', pr.exchange.stock, stockIds));
    else if (ex.heldBy !== pr.exchange.party) report(at('per-release', 'exchange', 'party'), `\`${pr.exchange.party}\` does not hold \`${pr.exchange.stock}\`; \`${ex.heldBy}\` does`);
  }
}
