/** The scenarios shipped in scenarios/*.yaml, bundled by Vite as text. */
import { buildCatalog, type CatalogEntry } from './catalog.ts';

const files = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function bundledCatalog(): CatalogEntry[] {
  return buildCatalog(files);
}

/** The text of a bundled scenario file by its name (e.g. `doha-60-day-draft.yaml`): the lab hashes it as the CLI does. */
export function bundledText(file: string): string | undefined {
  for (const [path, text] of Object.entries(files)) if (path.split('/').pop() === file) return text;
  return undefined;
}
