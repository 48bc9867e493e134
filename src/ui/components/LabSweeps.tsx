import type { Scenario } from '../../scenario/index.ts';
import { defaultSweepValues, type LabDraft } from '../logic/lab.ts';

/** The sweep editor: parameters picked from the scenario's list, values as a list or a range within the declared range. */
export function LabSweeps({ scenario, draft, setDraft, disabled }: { scenario: Scenario; draft: LabDraft; setDraft(d: LabDraft): void; disabled: boolean }) {
  const unswept = Object.entries(scenario.parameters).filter(([name]) => !draft.sweeps.some((s) => s.name === name));
  const setSweep = (i: number, values: string) => setDraft({ ...draft, sweeps: draft.sweeps.map((s, k) => (k === i ? { ...s, values } : s)) });
  return (
    <fieldset disabled={disabled} className="lab-sweeps">
      <legend>Sweeps (each combination of values is one variation)</legend>
      {draft.sweeps.length === 0 && <p className="hint">No sweep: every run uses the scenario's defaults.</p>}
      {draft.sweeps.map((s, i) => {
        const declared = scenario.parameters[s.name];
        return (
          <div key={s.name} className="lab-sweep">
            <label>
              <code>{s.name}</code> values <input aria-label={`Values of ${s.name}`} value={s.values} onChange={(e) => setSweep(i, e.target.value)} />
            </label>{' '}
            <span className="hint">
              a list <code>0.6,0.8</code> or a range <code>lo:hi:step</code>
              {declared?.range ? `, within ${declared.range[0]}–${declared.range[1]}` : ''} (default {declared?.default})
            </span>{' '}
            <button type="button" onClick={() => setDraft({ ...draft, sweeps: draft.sweeps.filter((_, k) => k !== i) })}>
              Remove
            </button>
          </div>
        );
      })}
      {unswept.length > 0 && (
        <label>
          Add a sweep of{' '}
          <select
            aria-label="Add a sweep of"
            value=""
            onChange={(e) => {
              const p = scenario.parameters[e.target.value];
              if (p) setDraft({ ...draft, sweeps: [...draft.sweeps, { name: e.target.value, values: defaultSweepValues(p.range, p.default) }] });
            }}
          >
            <option value="">(choose a parameter)</option>
            {unswept.map(([name, p]) => (
              <option key={name} value={name}>
                {name}: {p.description}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
