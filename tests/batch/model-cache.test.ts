/** A worker keeps compiled models across jobs: the same scenario content and parameters give back the same Model. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ModelCache } from '../../src/batch/model-cache.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';

function flagship(): Scenario {
  const loaded = loadScenario(readFileSync(new URL('../../scenarios/doha-60-day-draft.yaml', import.meta.url), 'utf8'), 'doha-60-day-draft.yaml');
  if (!loaded.ok) throw new Error('the flagship does not load');
  return loaded.scenario;
}

describe('ModelCache', () => {
  it('gives the same model for an equal scenario (a fresh copy, as a new job brings) and equal parameters', () => {
    const cache = new ModelCache();
    const first = cache.modelsOf(flagship());
    const again = cache.modelsOf(structuredClone(flagship()));
    expect(again({})).toBe(first({}));
    expect(again({ 'clash-rate': 0.05 })).toBe(first({ 'clash-rate': 0.05 }));
    expect(first({ 'clash-rate': 0.05 })).not.toBe(first({}));
    expect(first({ 'clash-rate': 0.05 }).params['clash-rate']).toBe(0.05);
  });

  it('compiles a changed scenario anew', () => {
    const cache = new ModelCache();
    const scenario = flagship();
    const changed = structuredClone(scenario);
    changed.title = `${scenario.title} (edited)`;
    expect(cache.modelsOf(changed)({})).not.toBe(cache.modelsOf(scenario)({}));
    expect(cache.modelsOf(changed)({}).scenario.title).toBe(changed.title);
  });
});
