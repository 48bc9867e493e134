import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { splitBriefings } from './src/ui/logic/briefings.ts';
import { buildCatalog } from './src/ui/logic/catalog-build.ts';

const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));
const CATALOG_ID = 'virtual:parley-catalog';
/** The parties' briefings, the reflection questions and the sources' quotes, loaded on demand (src/ui/logic/briefings.ts). */
const BRIEFINGS_ID = 'virtual:parley-briefings';

function readScenarios(watch: (file: string) => void): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort()) {
    watch(SCENARIOS + name);
    files[name] = readFileSync(SCENARIOS + name, 'utf8');
  }
  return files;
}

/** A value as JavaScript source: JSON, except that `undefined` members are kept, so the page gets the very object the loader made. */
export function jsLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (value === null || typeof value !== 'object') return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(',')}]`;
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`the bundled catalog holds a ${value.constructor.name}, which cannot be written as source`);
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsLiteral(v)}`).join(',')}}`;
}

/**
 * The bundled scenarios, loaded and checked when Vite builds (or serves) the app: the first page
 * gets the checked scenarios (or a file's problems) as data, without the YAML text and the work of
 * parsing it. The lab, which hashes a file's text as the CLI does, fetches the text on demand.
 */
function bundledCatalog(): Plugin {
  return {
    name: 'parley-bundled-catalog',
    resolveId: (id) => (id === CATALOG_ID || id === BRIEFINGS_ID ? `\0${id}` : undefined),
    load(id) {
      if (id !== `\0${CATALOG_ID}` && id !== `\0${BRIEFINGS_ID}`) return undefined;
      const { catalog, briefings, reflection, quotes } = splitBriefings(buildCatalog(readScenarios((file) => this.addWatchFile(file))));
      if (id === `\0${CATALOG_ID}`) return `export default ${jsLiteral(catalog)};`;
      return `export default ${jsLiteral(briefings)};\nexport const reflection = ${jsLiteral(reflection)};\nexport const quotes = ${jsLiteral(quotes)};`;
    },
    // `npm start`: an edited, added or removed scenario file reloads the page with the catalog made anew.
    configureServer(server) {
      const changed = (file: string) => {
        if (!file.startsWith(SCENARIOS) || !file.endsWith('.yaml')) return;
        for (const id of [CATALOG_ID, BRIEFINGS_ID]) {
          const module = server.environments.client.moduleGraph.getModuleById(`\0${id}`);
          if (module) server.environments.client.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.add(SCENARIOS);
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
    },
  };
}

export default defineConfig({
  plugins: [react(), bundledCatalog()],
  root: '.',
  server: { port: 5173, strictPort: false },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
