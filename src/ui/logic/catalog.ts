/**
 * The scenario library's entries: a checked scenario, or a file that did not load with its
 * problems (catalog-build.ts makes them), so one broken file never hides the others.
 */
import { formatProblem, type Problem, type Scenario } from '../../scenario/core.ts';

export type CatalogEntry =
  /** A writer's draft from the editor carries its text (the lab hashes it as the CLI hashes a file). */
  | { file: string; ok: true; scenario: Scenario; text?: string; draft?: true }
  | { file: string; ok: false; problems: Problem[] };

/** The scenario everyone starts with; shown first. */
export const FLAGSHIP_ID = 'doha-60-day-draft';

/** The writers' template: a starting point for the editor, not a truce for students to step through. */
export function isTemplate(entry: CatalogEntry): boolean {
  return entry.file === 'template.yaml';
}

/** The loaded scenario with this id, if any. */
export function findScenario(catalog: readonly CatalogEntry[], id: string): Scenario | undefined {
  for (const entry of catalog) if (entry.ok && entry.scenario.id === id) return entry.scenario;
  return undefined;
}

export function problemText(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n\n');
}
