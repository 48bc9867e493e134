import type { LabDraft, LabScenario } from '../logic/lab.ts';
import { labCliCommand } from '../logic/lab.ts';
import { exploreCliCommand, hasTargets, isExploreMethod, LAB_METHODS, SAMPLES_LABEL, targetsCliCommand, type ExploreDraft, type LabMethod } from '../logic/lab-explore.ts';
import { DEFAULT_SAMPLES } from '../../batch/index.ts';
import { labHash } from '../logic/share-url.ts';
import { LabSweeps } from './LabSweeps.tsx';
import { CompareFields } from './LabCompare.tsx';
import { compareCliCommands, type CompareDraft } from '../logic/lab-compare.ts';
import { calibrateCliCommand, DEFAULT_POPULATION, POPULATION_LABEL, type CalibrationDraft } from '../logic/lab-calibration.ts';

export interface LabSettings {
  draft: LabDraft;
  workers: number;
  keepCsv: boolean;
  method: LabMethod;
  explore: ExploreDraft;
  compare: CompareDraft;
  calibration: CalibrationDraft;
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

function cliCommand(source: LabScenario, sources: readonly LabScenario[], settings: LabSettings): string {
  const { method, draft, explore, keepCsv } = settings;
  if (method === 'compare') {
    const b = sources.find((s) => s.scenario.id === settings.compare.scenarioB) ?? source;
    return compareCliCommands(source.file, b.file, draft, settings.compare).join('\n');
  }
  if (isExploreMethod(method)) return exploreCliCommand(source.file, method, draft, explore);
  if (method === 'targets') return targetsCliCommand(source.file, draft);
  if (method === 'calibrate') return calibrateCliCommand(source.file, draft, settings.calibration);
  return labCliCommand(source.file, draft, keepCsv);
}

/** Method: a grid of sweeps, a design (LHS, Morris, Sobol) or the scenario's targets. */
function MethodChoice({ settings, onChange, targets }: { settings: LabSettings; onChange(s: LabSettings): void; targets: boolean }) {
  return (
    <fieldset className="lab-method">
      <legend>Method</legend>
      {LAB_METHODS.filter((m) => (m.method !== 'targets' && m.method !== 'calibrate') || targets).map((m) => (
        <label key={m.method}>
          <input type="radio" name="lab-method" value={m.method} checked={settings.method === m.method} onChange={() => onChange({ ...settings, method: m.method })} /> {m.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The design's samples and what scenario discovery looks for. */
function DesignFields({ settings, onChange }: { settings: LabSettings; onChange(s: LabSettings): void }) {
  const { method, explore } = settings;
  if (!isExploreMethod(method)) return null;
  const set = (e: Partial<ExploreDraft>) => onChange({ ...settings, explore: { ...explore, ...e } });
  return (
    <p className="lab-design">
      <label>
        {SAMPLES_LABEL[method]} <input className="lab-runs" value={explore.samples} placeholder={String(DEFAULT_SAMPLES[method])} inputMode="numeric" onChange={(e) => set({ samples: e.target.value })} />
      </label>{' '}
      <label>
        Where do runs end… (PRIM) <input value={explore.discover} placeholder="collapsed before day 30" onChange={(e) => set({ discover: e.target.value })} />
      </label>
    </p>
  );
}

/** A calibration's free parameters (each with its prior range), ABC method and population. */
function CalibrationFields({ source, settings, onChange, running }: { source: LabScenario; settings: LabSettings; onChange(s: LabSettings): void; running: boolean }) {
  const calibration = settings.calibration;
  const set = (c: Partial<CalibrationDraft>) => onChange({ ...settings, calibration: { ...calibration, ...c } });
  return (
    <fieldset disabled={running} className="lab-explore-fields">
      <LabSweeps kind="priors" scenario={source.scenario} items={calibration.free} setItems={(free) => set({ free })} disabled={running} />
      <p className="lab-design">
        <label>
          ABC{' '}
          <select value={calibration.method} onChange={(e) => set({ method: e.target.value === 'rejection' ? 'rejection' : 'smc' })}>
            <option value="smc">SMC (sequential, the default)</option>
            <option value="rejection">rejection</option>
          </select>
        </label>{' '}
        <label>
          {POPULATION_LABEL[calibration.method]}{' '}
          <input className="lab-runs" value={calibration.population} placeholder={String(DEFAULT_POPULATION[calibration.method])} inputMode="numeric" onChange={(e) => set({ population: e.target.value })} />
        </label>
      </p>
      <p className="hint">
        Fits the free parameters to the scenario's {source.scenario.targets?.length ?? 0} targets by approximate Bayesian computation: every candidate runs with the same seeds (common
        random numbers) and is accepted when its simulated targets come within their tolerances. Each candidate costs <em>Runs per candidate</em> runs.
      </p>
    </fieldset>
  );
}

/** The experiment: scenario, method, runs, base seed, workers, sweeps or ranges; Run or Stop. */
export function LabForm({ source, sources, settings, onChange, running, onRun, onStop, runButton }: Props) {
  const { draft, workers, keepCsv, method } = settings;
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
        <MethodChoice settings={settings} onChange={onChange} targets={hasTargets(source.scenario)} />
        <label>
          {isExploreMethod(method) ? 'Runs per design point' : method === 'compare' ? 'Runs per side' : method === 'calibrate' ? 'Runs per candidate' : 'Runs per variation'}{' '}
          <input className="lab-runs" value={draft.runs} inputMode="numeric" onChange={(e) => setDraft({ ...draft, runs: e.target.value })} />
        </label>
        <label>
          Base seed <input className="lab-seed" value={draft.seed} onChange={(e) => setDraft({ ...draft, seed: e.target.value })} />
        </label>
        <label>
          Workers <input type="number" min={1} max={64} value={workers} onChange={(e) => onChange({ ...settings, workers: Math.max(1, Math.min(64, Number(e.target.value) || 1)) })} />
        </label>
        {method === 'grid' && (
          <label>
            <input type="checkbox" checked={keepCsv} onChange={(e) => onChange({ ...settings, keepCsv: e.target.checked })} /> keep the per-run table (CSV)
          </label>
        )}
      </fieldset>
      {method === 'grid' && <LabSweeps scenario={source.scenario} items={draft.sweeps} setItems={(sweeps) => setDraft({ ...draft, sweeps })} disabled={running} />}
      {isExploreMethod(method) && (
        <fieldset disabled={running} className="lab-explore-fields">
          <LabSweeps kind="ranges" scenario={source.scenario} items={settings.explore.vary} setItems={(vary) => onChange({ ...settings, explore: { ...settings.explore, vary } })} disabled={running} />
          <DesignFields settings={settings} onChange={onChange} />
        </fieldset>
      )}
      {method === 'compare' && (
        <fieldset disabled={running} className="lab-compare">
          <legend>Compare A and B</legend>
          <CompareFields source={source} sources={sources} compare={settings.compare} onChange={(compare) => onChange({ ...settings, compare })} />
        </fieldset>
      )}
      {method === 'calibrate' && <CalibrationFields source={source} settings={settings} onChange={onChange} running={running} />}
      {method === 'targets' && (
        <p className="hint">
          Runs the scenario at its defaults and checks each of its {source.scenario.targets?.length ?? 0} targets: met when the simulated value is within the target's tolerance.
        </p>
      )}
      <p className="hint">
        The same from the command line: <code data-testid="lab-cli">{cliCommand(source, sources, settings)}</code>
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
