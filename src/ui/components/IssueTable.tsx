import type { ReactNode } from 'react';
import type { CompiledIssue } from '../../engine/index.ts';

/** A talks table with one row per issue: the issue's name as the row header, then `cells` (one per column after "Issue"). */
export function IssueTable({ issues, caption, columns, cells, testId }: { issues: readonly CompiledIssue[]; caption: ReactNode; columns: readonly ReactNode[]; cells: (issue: CompiledIssue, i: number) => ReactNode; testId?: string }) {
  return (
    <div className="table-scroll">
      <table className="talks-table" {...(testId ? { 'data-testid': testId } : {})}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            {columns.map((c, k) => (
              <th scope="col" key={k}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={issue.id}>
              <th scope="row">{issue.name}</th>
              {cells(issue, i)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
