import { useState } from 'react';
import type { Parameter, Scenario } from '../../scenario/core.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { SourceBadge } from './SourceBadge.tsx';

function stepOf(p: Parameter): number {
  const span = p.range[1] - p.range[0];
  if (span <= 0) return 1;
  const raw = span / 100;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return Number((Math.round(raw / pow) * pow).toPrecision(1));
}

/** One parameter: an editable value checked against its range, with its unit and source. */
export function ParameterRow({ id, parameter, value, scenario }: { id: string; parameter: Parameter; value: number; scenario: Scenario }) {
  const { send } = ParleyContext.useActorRef();
  const [draft, setDraft] = useState(String(value));
  // A new value from outside (undo, another branch) replaces the draft, during render.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }
  const n = Number(draft);
  const invalid = draft.trim() === '' || !Number.isFinite(n) || n < parameter.range[0] || n > parameter.range[1];
  const changed = value !== parameter.default;
  const apply = () => {
    if (!invalid && n !== value) send({ type: 'param.set', id, value: n });
  };
  const inputId = `param-${id}`;
  return (
    <tr className={changed ? 'changed' : ''} data-param={id}>
      <th scope="row">
        <label htmlFor={inputId}>
          <code>{id}</code>
        </label>
        {parameter.description && <div className="param-desc">{parameter.description}</div>}
      </th>
      <td>
        <form
          className="param-form"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <input
            id={inputId}
            type="number"
            inputMode="decimal"
            step={stepOf(parameter)}
            min={parameter.range[0]}
            max={parameter.range[1]}
            value={draft}
            aria-invalid={invalid}
            aria-describedby={`${inputId}-range`}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={apply}
          />
          {parameter.unit && <span className="unit">{parameter.unit}</span>}
          {changed && (
            <button type="button" className="link" onClick={() => send({ type: 'param.set', id })} title={`Back to the default, ${parameter.default}`}>
              reset
            </button>
          )}
        </form>
        {invalid && <div className="param-error">Use a number from {parameter.range[0]} to {parameter.range[1]}.</div>}
      </td>
      <td id={`${inputId}-range`}>
        {parameter.range[0]} – {parameter.range[1]}
        <div className="param-default">default {parameter.default}</div>
      </td>
      <td>
        <SourceBadge scenario={scenario} source={parameter.source} fallback="no source: the writer's estimate" />
      </td>
    </tr>
  );
}
