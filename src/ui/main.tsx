/** Entry point: loads the bundled scenarios and mounts the app at the address's run. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ParleyContext } from './logic/app-context.ts';
import { bundledCatalog } from './logic/bundled.ts';
import { App } from './components/App.tsx';
import './styles.css';

const catalog = bundledCatalog();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ParleyContext.Provider options={{ input: { catalog, hash: window.location.hash } }}>
      <App />
    </ParleyContext.Provider>
  </StrictMode>,
);
