import type { CompiledIssue } from './compile.ts';

/** An issue's value as a reader says it: the option, yes/no, or the number. */
export function issueValueText(issue: CompiledIssue, value: number): string {
  if (issue.options) return issue.options[value] ?? String(value);
  if (issue.yesNo) return value >= 0.5 ? 'yes' : 'no';
  return String(value);
}

export function describePackage(issues: readonly CompiledIssue[], values: readonly number[]): string {
  return issues.map((issue, i) => `${issue.name} ${issueValueText(issue, values[i]!)}`).join(', ');
}
