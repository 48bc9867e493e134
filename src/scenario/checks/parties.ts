/** Checks of parameters, parties (roles, guarantees, response models, red lines), stocks, zones and crossings. */
import { BEHAVIOUR_MODELS } from '../behaviour-models.ts';
import { BRIEFING_SECTIONS } from '../briefing.ts';
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
    checkBriefing(p, at, refs);
  }
}

/** Every source a briefing line cites is declared under `sources`. */
function checkBriefing(p: Party, at: (...rest: (string | number)[]) => (string | number)[], refs: References): void {
  if (!p.briefing) return;
  for (const { key, field } of BRIEFING_SECTIONS) {
    p.briefing[key].forEach((item, i) => refs.source(at('briefing', field, i, 'source'), item.source));
  }
}

function checkBehaviour(p: Party, at: (...rest: (string | number)[]) => (string | number)[], report: Reporter, refs: References): void {
  if (p.behaviour) checkBehaviourSettings(p.behaviour, p.behaviour.model, (...rest) => at('behaviour', ...rest), report, refs);
}

/** A behaviour's model exists and each setting is one of its settings, with a fitting value. Shared by parties and obligations. */
export function checkBehaviourSettings(behaviour: Readonly<Record<string, unknown>>, model: string, at: (...rest: (string | number)[]) => (string | number)[], report: Reporter, refs: References): void {
  const spec = own(BEHAVIOUR_MODELS, model);
  if (!spec) {
    report(at('model'), `unknown response model \`${model}\``, refs.hint('model', model, Object.keys(BEHAVIOUR_MODELS)));
    return;
  }
  for (const [setting, v] of Object.entries(behaviour)) {
    if (setting === 'model') continue;
    const known = own(spec.settings, setting);
    if (!known) report(at(setting), `the \`${model}\` model has no setting \`${setting}\``, refs.hint('setting', setting, Object.keys(spec.settings)), { key: true });
    else refs.value(at(setting), v as NumberOrParameter, known.probability ? 'probability' : 'free');
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
    for (const [target, effect] of Object.entries(incident.effects)) {
      refs.party(at('effects', target), target);
      for (const [field, v] of Object.entries(effect)) refs.value(at('effects', target, field), v, 'effect');
    }
    if (firstIncident.get(incident.id) !== i) report(at('id'), `two incidents are named \`${incident.id}\``);
    refs.source(at('source'), incident.source);
  });
}
