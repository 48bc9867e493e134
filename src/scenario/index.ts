export * from './schema.ts';
export { loadScenario, type LoadResult } from './load.ts';
export { formatProblem, formatProblems, ScenarioRejected, type Problem } from './problem.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { referenceHint, nearMatch } from './near-match.ts';
export { parseExpression, FUNCTIONS, NAMES, type Expr, type BinaryOp } from './expression.ts';
export { BEHAVIOUR_MODELS, type BehaviourModelSpec } from './behaviour-models.ts';
export { readRatio, readHours, scheduledDays, quantityByCategory, phaseOf } from './terms.ts';
export { MAX_BYTES, MAX_NESTING } from './yaml-source.ts';
