/** The scenarios shipped in scenarios/*.yaml, bundled by Vite as text. */
import { buildCatalog, type CatalogEntry } from './catalog.ts';

const files = import.meta.glob('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function bundledCatalog(): CatalogEntry[] {
  return buildCatalog(files);
}
