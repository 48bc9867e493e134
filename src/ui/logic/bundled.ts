/**
 * The scenarios shipped in scenarios/*.yaml. Vite loads and checks them when it builds the app
 * (vite.config.ts, `virtual:parley-catalog`); their text is fetched only when the lab needs it.
 */
import catalog from 'virtual:parley-catalog';
import type { CatalogEntry } from './catalog.ts';

const texts = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export function bundledCatalog(): CatalogEntry[] {
  return catalog;
}

/** The text of a bundled scenario file by its name (e.g. `doha-60-day-draft.yaml`): the lab hashes it as the CLI does. */
export async function bundledText(file: string): Promise<string | undefined> {
  for (const [path, load] of Object.entries(texts)) if (path.split('/').pop() === file) return load();
  return undefined;
}
