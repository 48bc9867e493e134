export * from './core.ts';
export { loadScenario, type LoadResult } from './load.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { MAX_BYTES, MAX_NESTING } from './yaml-source.ts';
