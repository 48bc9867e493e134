import type { Problem } from '../../scenario/core.ts';
import { problemText } from '../logic/catalog.ts';

/** A bundled file that did not load: its problems, so the writer can fix it. */
export function BrokenScenarioCard({ file, problems }: { file: string; problems: readonly Problem[] }) {
  return (
    <article className="card broken">
      <h2>{file}</h2>
      <p>This scenario file did not load ({problems.length} problem{problems.length === 1 ? '' : 's'}):</p>
      <pre>{problemText(problems.slice(0, 5))}</pre>
    </article>
  );
}
