import { lazy, Suspense, useEffect } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { hashOf } from '../logic/app-machine.ts';
import { loadQuotes } from '../logic/source-quotes.ts';
import { EDIT_HASH, labHash, LIBRARY_HASH } from '../logic/share-url.ts';
import { Library } from './Library.tsx';

/** The stepper loads when a run is opened: the library, the first page most people see, stays light. */
const loadRunPage = () => import('./RunPage.tsx');
const RunPage = lazy(() => loadRunPage().then((m) => ({ default: m.RunPage })));
/** The lab and its charts load only when opened, so the library and the stepper stay light. */
const LabPage = lazy(() => import('./LabPage.tsx'));
/** The scenario editor (CodeMirror and its worker) loads only when opened, too. */
const EditorPage = lazy(() => import('./EditorPage.tsx'));
/** The debrief at the end of a run (its charts and the worker that runs the model) loads when opened. */
const DebriefPage = lazy(() => import('./DebriefPage.tsx'));

/** The page frame; keeps the address bar in step with the run (and follows links pasted into it). */
export function App() {
  const actor = ParleyContext.useActorRef();
  const page = ParleyContext.useSelector((s) => (s.matches('run') ? 'run' : s.matches('lab') ? 'lab' : s.matches('edit') ? 'edit' : 'library'));
  const openScenario = ParleyContext.useSelector((s) => s.context.run?.scenario.id);
  const debrief = ParleyContext.useSelector((s) => s.context.run?.debrief === true);
  const hash = ParleyContext.useSelector((s) => hashOf(s.context));

  useEffect(() => {
    // The address the event went to: a link followed while the page was starting is queued, and
    // the address bar may have been set to the start page's since.
    const onHash = (event: HashChangeEvent) => actor.send({ type: 'route.changed', hash: event.newURL ? new URL(event.newURL).hash : window.location.hash });
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [actor]);

  useEffect(() => {
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }, [hash]);

  // The sources' quotes are left out of the first page; fetch them once it is up, and the stepper
  // too, so that opening a scenario from the library does not wait for it.
  useEffect(() => {
    void loadQuotes();
    void loadRunPage();
  }, []);

  useEffect(() => {
    if (page === 'library') document.title = 'Parley · scenario library';
  }, [page]);

  // Every page but the library is loaded when first opened.
  const lazyPage = page === 'run' ? (debrief ? { Page: DebriefPage, what: 'the debrief' } : { Page: RunPage, what: 'the run' }) : page === 'lab' ? { Page: LabPage, what: 'the lab' } : page === 'edit' ? { Page: EditorPage, what: 'the editor' } : undefined;

  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={LIBRARY_HASH}>
          Parley
        </a>
        <span className="tagline">step through a phased truce</span>
        <span className="back">
          {page !== 'library' && <a href={LIBRARY_HASH}>← All scenarios</a>}{' '}
          {page !== 'lab' && <a href={labHash(openScenario)}>Lab: many runs and charts</a>}{' '}
          {page !== 'edit' && <a href={EDIT_HASH}>Write a scenario</a>}
        </span>
      </header>
      {lazyPage ? (
        <Suspense key={lazyPage.what} fallback={<main id="main">Loading {lazyPage.what}…</main>}>
          <lazyPage.Page />
        </Suspense>
      ) : (
        <Library />
      )}
    </>
  );
}
