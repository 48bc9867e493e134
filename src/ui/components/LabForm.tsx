import type { LabDraft, LabScenario } from '../logic/lab.ts';
import { labCliCommand } from '../logic/lab.ts';
import { labHash } from '../logic/share-url.ts';
import { LabSweeps } from './LabSweeps.tsx';

export interface LabSettings {
  draft: LabDraft;
  workers: number;
  keepCsv: boolean;
}

interface Props {
  source: LabScenario;
  sources: readonly LabScenario[];
  settings: LabSettings;
  onChange(settings: LabSettings): void;
  running: boolean;
  onRun(): void;
  onStop(): void;
  /** The Run button, when it is shown (it takes the focus back after Stop). */
  runButton(button: HTMLButtonElement | null): void;
}

/** The experiment: scenario, runs per variation, base seed, workers, sweeps; Run or Stop. */
export function LabForm({ source, sources, settings, onChange, running, onRun, onStop, runButton }: Props) {
  const { draft, workers, keepCsv } = settings;
  const setDraft = (d: LabDraft) => onChange({ ...settings, draft: d });
  return (
    <form
      className="panel lab-form"
      aria-label="Experiment"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) onRun();
      }}
    >
      <fieldset disabled={running}>
        <label>
          Scenario{' '}
          <select value={source.scenario.id} onChange={(e) => window.location.assign(labHash(e.target.value))}>
            {sources.map((s) => (
              <option key={s.file} value={s.scenario.id}>
                {s.scenario.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Runs per variation <input className="lab-runs" value={draft.runs} inputMode="numeric" onChange={(e) => setDraft({ ...draft, runs: e.target.value })} />
        </label>
        <label>
          Base seed <input className="lab-seed" value={draft.seed} onChange={(e) => setDraft({ ...draft, seed: e.target.value })} />
        </label>
        <label>
          Workers <input type="number" min={1} max={64} value={workers} onChange={(e) => onChange({ ...settings, workers: Math.max(1, Math.min(64, Number(e.target.value) || 1)) })} />
        </label>
        <label>
          <input type="checkbox" checked={keepCsv} onChange={(e) => onChange({ ...settings, keepCsv: e.target.checked })} /> keep the per-run table (CSV)
        </label>
      </fieldset>
      <LabSweeps scenario={source.scenario} draft={draft} setDraft={setDraft} disabled={running} />
      <p className="hint">
        The same from the command line: <code data-testid="lab-cli">{labCliCommand(source.file, draft, keepCsv)}</code>
      </p>
      {/* Two elements (distinct keys): a reused button turned into the submit button during its own click would submit again. */}
      {running ? (
        <button key="stop" type="button" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button key="run" ref={runButton} type="submit" className="primary">
          Run
        </button>
      )}
    </form>
  );
}
