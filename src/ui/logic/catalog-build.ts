/**
 * Every bundled scenario file loaded and checked, for the library. Vite runs it when it builds or
 * serves the app (vite.config.ts, `virtual:parley-catalog`), so the page itself never loads YAML.
 */
import { loadScenario } from '../../scenario/index.ts';
import { FLAGSHIP_ID, type CatalogEntry } from './catalog.ts';

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
