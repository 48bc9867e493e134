/** Entry point: loads the bundled scenarios (and a draft the address names) and mounts the app at the address's run. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ParleyContext } from './logic/app-context.ts';
import { bundledCatalog } from './logic/bundled.ts';
import type { CatalogEntry } from './logic/catalog.ts';
import { App } from './components/App.tsx';
import './styles.css';

const catalog = bundledCatalog();

function mount(entries: CatalogEntry[]) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ParleyContext.Provider options={{ input: { catalog: [...entries, ...catalog], hash: window.location.hash } }}>
        <App />
      </ParleyContext.Provider>
    </StrictMode>,
  );
}

// A link to a writer's draft in the stepper or the lab reads it from the browser's drafts (loaded on demand).
if (/^#\/(run|lab)\/draft-/.test(window.location.hash)) {
  void Promise.all([import('./logic/draft-catalog.ts'), import('./logic/draft-autosave.ts')])
    .then(([drafts, storage]) => drafts.draftEntryForHash(storage.browserStorage(), window.location.hash))
    .then((entry) => mount(entry ? [entry] : []), () => mount([]));
} else mount([]);
