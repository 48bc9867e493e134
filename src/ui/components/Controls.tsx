import { ParleyContext } from '../logic/app-context.ts';
import { yourMove } from '../logic/run-ops.ts';
import { selectRun, selectView } from '../logic/selectors.ts';
import { PlayAs } from './PlayAs.tsx';
import { SeedField } from './SeedField.tsx';

/** Step, undo, restart, seed and the party played. */
export function Controls() {
  const { send } = ParleyContext.useActorRef();
  const over = ParleyContext.useSelector((s) => selectView(s).decision === undefined && selectView(s).talks?.turn === undefined);
  const canUndo = ParleyContext.useSelector((s) => selectView(s).canUndo);
  const blocked = ParleyContext.useSelector((s) => yourMove(selectRun(s)));
  const playing = ParleyContext.useSelector((s) => selectRun(s).playing !== undefined);
  const stepDisabled = over || blocked;
  const why = over ? 'The run is over' : blocked ? 'Your move: choose a response first' : undefined;
  return (
    <section className="panel controls" aria-label="Controls">
      <div className="buttons" role="toolbar" aria-label="Step through the run">
        <button type="button" onClick={() => send({ type: 'undo' })} disabled={!canUndo} title="Back one step (←)" aria-keyshortcuts="ArrowLeft">
          ← Back
        </button>
        <button type="button" className="primary" onClick={() => send({ type: 'step', target: 'decision' })} disabled={stepDisabled} title={why ?? 'Let the next decision happen (→)'} aria-keyshortcuts="ArrowRight">
          Next decision →
        </button>
        <button type="button" onClick={() => send({ type: 'step', target: 'day' })} disabled={stepDisabled} title={why ?? 'Go to the next day with something to decide'}>
          Next day ⇥
        </button>
        <button type="button" onClick={() => send({ type: 'step', target: 'end' })} disabled={stepDisabled} title={why ?? (playing ? 'Run on; stops at your decisions' : 'Run to the end')}>
          {playing ? 'Run to my next move ⇥⇥' : 'Run to the end ⇥⇥'}
        </button>
        <button type="button" onClick={() => send({ type: 'restart' })} title="Back to day 1 with the same seed">
          ↺ Restart
        </button>
      </div>
      <div className="settings">
        <PlayAs />
        <SeedField />
      </div>
      <p className="hint">Keys: → next decision, ← back.</p>
    </section>
  );
}
