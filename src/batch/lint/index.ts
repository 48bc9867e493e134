export { playthroughCheck, DEFAULT_LINT_RUNS, type Finding, type FindingKind, type PlaythroughOptions } from './playthrough.ts';
export { formatFindings } from './format.ts';
export { lineOfId } from './lines.ts';
