/**
 * Compiled models a worker keeps from one job to the next (a warm-up's, a study's next batch): the
 * same scenario with the same parameters gives back the same Model object. V8 optimises the
 * engine's code for the objects it meets, a model's compiled conditions among them; a model
 * compiled anew for each job would send it back to optimising (measured in Chromium: a third of
 * a core spent recompiling during a 2-worker batch that followed the lab's warm-up).
 */
import { compile, type Model } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';

/** Models kept per scenario (variations beyond this are recompiled, ≈1 ms, when their chunk comes). */
const MODELS_PER_SCENARIO = 64;
/** Scenarios kept (by their content), the most recently used. */
const SCENARIOS = 2;

export class ModelCache {
  private readonly byScenario = new Map<string, Map<string, Model>>();

  /** The models of `scenario`, by parameter overrides: a scenario equal in content to one seen before shares its models. */
  modelsOf(scenario: Scenario): (overrides: Readonly<Record<string, number>>) => Model {
    const key = JSON.stringify(scenario);
    let models = this.byScenario.get(key);
    if (models) this.byScenario.delete(key);
    else if (this.byScenario.size >= SCENARIOS) this.byScenario.delete(this.byScenario.keys().next().value!);
    models ??= new Map();
    this.byScenario.set(key, models);
    const kept = models;
    return (overrides) => {
      const k = JSON.stringify(overrides);
      let model = kept.get(k);
      if (!model) {
        if (kept.size >= MODELS_PER_SCENARIO) kept.delete(kept.keys().next().value!);
        model = compile(scenario, { ...overrides });
        kept.set(k, model);
      }
      return model;
    };
  }
}
