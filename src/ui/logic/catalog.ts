/**
 * The scenario library: every bundled scenario file loaded and checked. A file that does not load
 * stays in the list with its problems, so one broken file never hides the others.
 */
import { formatProblem, loadScenario, type Problem, type Scenario } from '../../scenario/index.ts';

export type CatalogEntry =
  /** A writer's draft from the editor carries its text (the lab hashes it as the CLI hashes a file). */
  | { file: string; ok: true; scenario: Scenario; text?: string; draft?: true }
  | { file: string; ok: false; problems: Problem[] };

/** The scenario everyone starts with; shown first. */
export const FLAGSHIP_ID = 'doha-60-day-draft';

/** file path → YAML text (as Vite's `import.meta.glob` gives it) → checked entries, flagship first. */
export function buildCatalog(files: Readonly<Record<string, string>>): CatalogEntry[] {
  const entries: CatalogEntry[] = Object.entries(files).map(([path, text]) => {
    const file = path.split('/').pop() ?? path;
    const result = loadScenario(text, file);
    return result.ok ? { file, ok: true, scenario: result.scenario } : { file, ok: false, problems: result.problems };
  });
  // The flagship first, then scenarios by title, the writers' template, and files that did not load.
  const rank = (e: CatalogEntry) => (!e.ok ? 3 : e.scenario.id === FLAGSHIP_ID ? 0 : /template/.test(e.file) ? 2 : 1);
  const name = (e: CatalogEntry) => (e.ok ? e.scenario.title : e.file);
  return entries.sort((a, b) => rank(a) - rank(b) || name(a).localeCompare(name(b)));
}

/** The loaded scenario with this id, if any. */
export function findScenario(catalog: readonly CatalogEntry[], id: string): Scenario | undefined {
  for (const entry of catalog) if (entry.ok && entry.scenario.id === id) return entry.scenario;
  return undefined;
}

export function problemText(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n\n');
}
