/**
 * The scenario layer without the YAML loader (load.ts, yaml, json-schema): what the engine and the
 * app's first page need. index.ts adds the loader for the command line, the batch layer, the
 * editor and the lab.
 */
export * from './schema.ts';
export { formatProblem, formatProblems, ScenarioRejected, MAX_PROBLEMS, type Problem } from './problem.ts';
export { referenceHint, nearMatch } from './near-match.ts';
export { parseExpression, FUNCTIONS, NAMES, type Expr, type BinaryOp } from './expression.ts';
export { BEHAVIOUR_MODELS, type BehaviourModelSpec } from './behaviour-models.ts';
export { readRatio, readHours, scheduledDays, occurrenceCount, quantityByCategory, phaseOf } from './terms.ts';
export { BOUNDS } from './bounds.ts';
export { own, hasOwn, nullPrototype } from './own.ts';
export { COUNTERS, kindModule, moduleOf, isObligationKind, reportedCounters, trackOf, type AnyKindModule } from './kinds/registry.ts';
export { TRACKS, type CounterSpec, type EffectContext, type EffectResult, type Payment, type StockTerms, type Track, type WordingContext } from './kinds/kind.ts';
export type { ObligationBase } from './kinds/obligation-base.ts';
export { listPhrase } from './kinds/quantity.ts';
export { parameterValueProblem, type ParameterValueProblem } from './parameter-value.ts';
export { checkHistory, dateNumber, dateOfDay, dateText, dayNumber, entryKind, readableDate, readAnswer, type HistoryEntry, type ParsedAnswer, type DayOrDate } from './history.ts';
export { parseStatistic, compares, OUTCOME_NAMES, StatisticSyntaxError, type Statistic, type Comparison, type DayKind, type ScenarioTarget } from './targets.ts';
export { perReleaseIds } from './reserved-ids.ts';
export { Talks, TALKS_STRATEGIES, type TalksIssue, type TalksPosition, type TalksMediator, type TalksLever, type TalksEvent, type TalksStrategyName } from './talks.ts';
export { issueScale, issueValue, gridSize } from './talks-checks.ts';
