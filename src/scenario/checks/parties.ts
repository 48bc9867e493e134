/** Checks of parameters, parties (roles, guarantees, response models, red lines), stocks, zones and crossings. */
import { BEHAVIOUR_MODELS } from '../behaviour-models.ts';
import { own } from '../own.ts';
import type { NumberOrParameter, Party, Scenario } from '../schema.ts';
import type { References, Reporter } from './references.ts';

export function checkParameters(s: Scenario, report: Reporter, refs: References): void {
  for (const [id, p] of Object.entries(s.parameters)) {
    if (p.range[0] > p.range[1]) report(['parameters', id, 'range'], `range [${p.range.join(', ')}] is empty: the lower bound is above the upper`, 'write it as [lowest, highest]');
    else if (p.default < p.range[0] || p.default > p.range[1]) report(['parameters', id, 'default'], `default ${p.default} is outside its range [${p.range.join(', ')}]`);
    refs.source(['parameters', id, 'source'], p.source);
  }
}

export function checkParties(s: Scenario, report: Reporter, refs: References): void {
  const principals = Object.keys(s.parties).filter((id) => s.parties[id]!.role === 'principal');
  if (principals.length === 0) report(['parties'], 'a truce needs at least one party with `role: principal`');
  for (const [id, p] of Object.entries(s.parties)) {
    const at = (...rest: (string | number)[]) => ['parties', id, ...rest];
    refs.party(at('counterpart'), p.counterpart, ['principal']);
    if (p.role === 'principal' && !p.counterpart && principals.length !== 2) {
      report(at(), `say who \`${id}\`'s counterpart is`, 'add `counterpart: <party>`; it is only implied when there are exactly two principals', { key: true });
    }
    refs.value(at('trust'), p.trust, 'probability');
    refs.value(at('grievance'), p.grievance, 'probability');
    refs.value(at('domestic-pressure'), p.domesticPressure, 'probability');
    refs.value(at('breaking-point'), p.breakingPoint, 'probability');
    refs.value(at('pressure'), p.pressure, 'probability');
    if (p.guarantees !== undefined) {
      if (p.role !== 'guarantor') report(at('guarantees'), 'only a party with `role: guarantor` gives guarantees');
      refs.party(at('guarantees'), p.guarantees, ['principal']);
    }
    if (p.withdrawWhen !== undefined && p.guarantees === undefined) report(at('withdraw-when'), '`withdraw-when` needs `guarantees: <party>` beside it');
    refs.expression(at('withdraw-when'), p.withdrawWhen);
    checkBehaviour(p, at, report, refs);
    p.redLines.forEach((line, i) => {
      refs.expression(at('red-lines', i, 'when'), line.when);
      refs.source(at('red-lines', i, 'source'), line.source);
    });
    refs.source(at('source'), p.source);
  }
}

function checkBehaviour(p: Party, at: (...rest: (string | number)[]) => (string | number)[], report: Reporter, refs: References): void {
  if (!p.behaviour) return;
  const spec = own(BEHAVIOUR_MODELS, p.behaviour.model);
  if (!spec) {
    report(at('behaviour', 'model'), `unknown response model \`${p.behaviour.model}\``, refs.hint('model', p.behaviour.model, Object.keys(BEHAVIOUR_MODELS)));
    return;
  }
  for (const [setting, v] of Object.entries(p.behaviour)) {
    if (setting === 'model') continue;
    const known = own(spec.settings, setting);
    if (!known) report(at('behaviour', setting), `the \`${p.behaviour.model}\` model has no setting \`${setting}\``, refs.hint('setting', setting, Object.keys(spec.settings)), { key: true });
    else refs.value(at('behaviour', setting), v as NumberOrParameter, known.probability ? 'probability' : 'free');
  }
}

export function checkPlaces(s: Scenario, refs: References): void {
  for (const [id, stock] of Object.entries(s.stocks)) {
    refs.party(['stocks', id, 'held-by'], stock.heldBy);
    refs.source(['stocks', id, 'source'], stock.source);
  }
  for (const [id, zone] of Object.entries(s.zones)) {
    refs.party(['zones', id, 'held-by'], zone.heldBy);
    refs.value(['zones', id, 'width-m'], zone.widthM, 'free');
    refs.source(['zones', id, 'source'], zone.source);
  }
  for (const [id, crossing] of Object.entries(s.crossings)) refs.source(['crossings', id, 'source'], crossing.source);
}

export function checkIncidents(s: Scenario, report: Reporter, refs: References): void {
  const firstIncident = new Map<string, number>();
  s.incidents.forEach((incident, i) => {
    if (!firstIncident.has(incident.id)) firstIncident.set(incident.id, i);
    const at = (...rest: (string | number)[]) => ['incidents', i, ...rest];
    if ((incident.day === undefined) === (incident.chance === undefined)) report(at(), `incident \`${incident.id}\` needs exactly one of \`day\` or \`chance\``);
    refs.value(at('chance'), incident.chance, 'probability');
    refs.value(at('collapse-chance'), incident.collapseChance, 'probability');
    for (const target of Object.keys(incident.effects)) refs.party(at('effects', target), target);
    if (firstIncident.get(incident.id) !== i) report(at('id'), `two incidents are named \`${incident.id}\``);
    refs.source(at('source'), incident.source);
  });
}
