/**
 * Every run has a step budget, so no scenario can make one run forever (docs/model.md, "Step
 * budget"). A step is one start of a day, one end of a day, one phase-end step or one decision.
 * The load-time bounds (at most 3,650 days, 100,000 scheduled occurrences) keep real scenarios far
 * below it; reaching it means a bug or a scenario the bounds did not foresee, and the run stops
 * with this error instead of hanging.
 */
export const STEP_BUDGET = 10_000_000;

export class StepBudgetExceeded extends Error {
  constructor(readonly scenario: string, readonly seed: string, readonly day: number) {
    super(`the run of \`${scenario}\` with seed \`${seed}\` took more than ${STEP_BUDGET.toLocaleString('en')} steps (it reached day ${day}) and was stopped; please report the scenario and seed`);
    this.name = 'StepBudgetExceeded';
  }
}
