import type { Parameter, Scenario } from '../../scenario/core.ts';
import { defaultSweepValues, type SweepDraft } from '../logic/lab.ts';
import { defaultRange } from '../logic/lab-explore.ts';

/** The words and defaults of one kind of parameter list: a grid's sweeps, or a design's ranges. */
interface ListKind {
  legend: string;
  empty: string;
  add: string;
  field(name: string): string;
  syntax: React.ReactNode;
  initial(p: Parameter): string;
}

const SWEEPS: ListKind = {
  legend: 'Sweeps (each combination of values is one variation)',
  empty: "No sweep: every run uses the scenario's defaults.",
  add: 'Add a sweep of',
  field: (name) => `Values of ${name}`,
  syntax: (
    <>
      a list <code>0.6,0.8</code> or a range <code>lo:hi:step</code>
    </>
  ),
  initial: (p) => defaultSweepValues(p.range, p.default),
};

const RANGES: ListKind = {
  legend: 'Vary (the design picks values between the ends)',
  empty: 'Add the parameters to vary; the others keep their defaults.',
  add: 'Add a parameter to vary',
  field: (name) => `Range of ${name}`,
  syntax: (
    <>
      <code>lo:hi</code> (or <code>lo:hi:int</code> for whole numbers)
    </>
  ),
  initial: (p) => defaultRange(p.range, p.default),
};

const PRIORS: ListKind = {
  ...RANGES,
  legend: 'Free parameters (uniform prior over each range; the others keep their defaults)',
  empty: 'Add the parameters to fit to the targets.',
  add: 'Add a free parameter',
  field: (name) => `Prior of ${name}`,
};

const KINDS = { sweeps: SWEEPS, ranges: RANGES, priors: PRIORS } as const;

interface Props {
  scenario: Scenario;
  items: readonly SweepDraft[];
  setItems(items: SweepDraft[]): void;
  disabled: boolean;
  kind?: keyof typeof KINDS;
}

/** Parameters picked from the scenario's list, each with values (a grid's sweeps) or a range (a design's), within the declared range. */
export function LabSweeps({ scenario, items, setItems, disabled, kind = 'sweeps' }: Props) {
  const words = KINDS[kind];
  const unused = Object.entries(scenario.parameters).filter(([name]) => !items.some((s) => s.name === name));
  const setValues = (i: number, values: string) => setItems(items.map((s, k) => (k === i ? { ...s, values } : s)));
  return (
    <fieldset disabled={disabled} className="lab-sweeps">
      <legend>{words.legend}</legend>
      {items.length === 0 && <p className="hint">{words.empty}</p>}
      {items.map((s, i) => {
        const declared = scenario.parameters[s.name];
        return (
          <div key={s.name} className="lab-sweep">
            <label>
              <code>{s.name}</code> {kind === 'sweeps' ? 'values' : 'from:to'} <input aria-label={words.field(s.name)} value={s.values} onChange={(e) => setValues(i, e.target.value)} />
            </label>{' '}
            <span className="hint">
              {words.syntax}
              {declared?.range ? `, within ${declared.range[0]}–${declared.range[1]}` : ''} (default {declared?.default})
            </span>{' '}
            <button type="button" onClick={() => setItems(items.filter((_, k) => k !== i))}>
              Remove
            </button>
          </div>
        );
      })}
      {unused.length > 0 && (
        <label>
          {words.add}{' '}
          <select
            aria-label={words.add}
            value=""
            onChange={(e) => {
              const p = scenario.parameters[e.target.value];
              if (p) setItems([...items, { name: e.target.value, values: words.initial(p) }]);
            }}
          >
            <option value="">(choose a parameter)</option>
            {unused.map(([name, p]) => (
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
