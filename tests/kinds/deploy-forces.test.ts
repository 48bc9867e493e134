/**
 * The kind added to show that a kind is one module: `deploy-forces` is known to the loader, the
 * JSON Schema, the engine, the timeline, the narrative and the counters without touching them.
 */
import { describe, expect, it } from 'vitest';
import { formatNarrative } from '../../src/cli/narrative.ts';
import { compile, plannedTimeline, runOnce } from '../../src/engine/index.ts';
import { activityCounters } from '../../src/ui/logic/counters.ts';
import { Session } from '../../src/engine/index.ts';
import { loadScenario, scenarioJsonSchema, type Scenario } from '../../src/scenario/index.ts';

const scenario = (obligation: string) => `parley: 1
id: stabilization
title: Stabilization force
parameters:
  force-size: { default: 400, range: [0, 2000], unit: troops }
parties:
  hamas: { name: Hamas, behaviour: { model: always-comply } }
  israel: { name: Israel, behaviour: { model: always-comply } }
zones:
  rafah-sector: { name: the Rafah sector, held-by: israel }
phases:
  - { id: truce, length: 10 }
obligations:
  ${obligation}
`;
const DEPLOY = '- { id: deploy, kind: deploy-forces, party: israel, zone: rafah-sector, troops: force-size, days: [2, 5] }';

function load(text: string): Scenario {
  const result = loadScenario(text, 'stabilization.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

describe('deploy-forces, a kind in one file', () => {
  it('loads, with its zone and troops', () => {
    const o = load(scenario(DEPLOY)).obligations[0]!;
    expect(o.kind).toBe('deploy-forces');
    expect(o.kind === 'deploy-forces' && [o.zone, o.troops]).toEqual(['rafah-sector', 'force-size']);
  });

  it('reports a missing or unknown zone and a troop count that is not a count, at file:line:col', () => {
    const missing = loadScenario(scenario('- { id: deploy, kind: deploy-forces, party: israel, troops: 5, day: 1 }'), 'f.yaml');
    expect(!missing.ok && missing.problems.map((p) => p.message)).toEqual(['missing `zone`']);
    const text = scenario('- { id: deploy, kind: deploy-forces, party: israel, zone: rafah, troops: 2.5, day: 1 }');
    const line = text.split('\n')[13]!;
    const unknown = loadScenario(text, 'f.yaml');
    expect(!unknown.ok && unknown.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      `14:${line.indexOf('rafah,') + 1} unknown zone \`rafah\``,
      `14:${line.indexOf('2.5') + 1} 2.5 is not a count`,
    ]);
    expect(!unknown.ok && unknown.problems[0]!.hint).toBe('there is a zone named `rafah-sector`');
  });

  it('is in the JSON Schema as its own option, with its own properties', () => {
    const items = ((scenarioJsonSchema().properties as Record<string, { items: { oneOf: { properties: Record<string, { const?: string }>; required: string[] }[] } }>).obligations!).items;
    const deploy = items.oneOf.find((option) => option.properties['kind']!.const === 'deploy-forces')!;
    expect(Object.keys(deploy.properties)).toEqual(expect.arrayContaining(['zone', 'troops', 'day', 'grace']));
    expect(deploy.required).toEqual(expect.arrayContaining(['zone', 'troops']));
    expect(Object.keys(deploy.properties)).not.toContain('stock');
  });

  it('counts troops deployed in the run, from a parameter', () => {
    const model = compile(load(scenario(DEPLOY)));
    const result = runOnce(model, { seed: '1' });
    expect(result.outcome.metrics['troopsDeployed']).toBe(800);
    expect(runOnce(compile(model.scenario, { 'force-size': 1000 }), { seed: '1' }).outcome.metrics['troopsDeployed']).toBe(2000);
    const responded = result.trace.filter((e) => e.type === 'party.responded').map((e) => e.text);
    expect(responded).toEqual(['Israel complied: deployed 400 troops into the Rafah sector.', 'Israel complied: deployed 400 troops into the Rafah sector.']);
  });

  it('reports its counter only in scenarios that use it, so older outputs keep their columns', () => {
    const other = compile(load(scenario('- { id: talks, kind: start-talks, party: israel, day: 1 }')));
    expect(Object.keys(runOnce(other, { seed: '1' }).outcome.metrics)).not.toContain('troopsDeployed');
    expect(compile(load(scenario(DEPLOY))).counters).toContain('troopsDeployed');
  });

  it('has a timeline track, narrative words and a counters tile', () => {
    const model = compile(load(scenario(DEPLOY)));
    expect(plannedTimeline(model).map((item) => [item.day, item.track])).toEqual([[2, 'withdrawals'], [5, 'withdrawals']]);
    const result = runOnce(model, { seed: '1' });
    const narrative = formatNarrative(model.scenario, result);
    expect(narrative).toContain('troops deployed: 800');
    const due = result.trace.find((e) => e.type === 'obligation.due')!;
    expect(due.text).toBe('Israel must deploy 400 troops into the Rafah sector.');
    const session = Session.start(model, '1');
    session.advance('end');
    expect(activityCounters(session.state).find((row) => row.id === 'troops')).toEqual({ id: 'troops', label: 'Troops deployed', value: 800 });
  });
});
