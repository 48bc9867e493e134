import { useState, type ReactNode } from 'react';
import { counterProblems, issueValueProblem, type CompiledIssue } from '../../engine/index.ts';

/** A package typed at a seat (a counter-offer, a mediator's bridge): one text per issue, the values read from it, and its problems. */
export interface PackageInput {
  typed: readonly string[];
  values: number[];
  problems: string[];
  /** The problems to show: none until the student first tried to send it. */
  shown: string[];
  type: (i: number, text: string) => void;
  invalid: (i: number) => boolean;
  /** Sends the values when they can be sent; from then on its problems are shown. */
  submit: (send: (values: number[]) => void) => void;
}

export function usePackageInput(issues: readonly CompiledIssue[], start: readonly number[]): PackageInput {
  const [typed, setTyped] = useState<string[]>(() => start.map(String));
  const [tried, setTried] = useState(false);
  const values = typed.map((t) => (t.trim() === '' ? NaN : Number(t)));
  const problems = counterProblems(issues, values);
  return {
    typed,
    values,
    problems,
    shown: tried ? problems : [],
    type: (i, text) => setTyped(typed.map((t, k) => (k === i ? text : t))),
    invalid: (i) => tried && issueValueProblem(issues[i]!, values[i]!) !== undefined,
    submit: (send) => {
      setTried(true);
      if (problems.length === 0) send(values);
    },
  };
}

/** A seat's form: what is on the table with the typed package (`children`), the package's problems, then the answers (`buttons`). Enter sends the package. */
export function SeatForm({ label, input, send, children, buttons }: { label: string; input: PackageInput; send: (values: number[]) => void; children: ReactNode; buttons: ReactNode }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        input.submit(send);
      }}
      aria-label={label}
      noValidate
    >
      {children}
      {input.shown.length > 0 && (
        <ul className="talks-problems" role="alert" id="talks-problems">
          {input.shown.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {buttons}
    </form>
  );
}

/** A value typed for one issue: a number field on its grid, or a select for yes/no and choices. */
export function IssueInput({ issue, value, invalid, onChange, testId = 'counter' }: { issue: CompiledIssue; value: string; invalid: boolean; onChange: (v: string) => void; testId?: string }) {
  const label = `${issue.name}`;
  const common = { 'aria-label': label, 'aria-invalid': invalid || undefined, ...(invalid ? { 'aria-describedby': 'talks-problems' } : {}), 'data-testid': `${testId}-${issue.id}` };
  if (issue.options || issue.yesNo) {
    const options = issue.options ?? ['no', 'yes'];
    return (
      <select value={value} onChange={(e) => onChange(e.target.value)} {...common}>
        {options.map((o, k) => (
          <option key={o} value={String(k)}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  return <input type="number" inputMode="decimal" value={value} min={issue.low} max={issue.high} step={issue.step} onChange={(e) => onChange(e.target.value)} {...common} />;
}
