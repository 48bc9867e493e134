/** A section of the writer's guide (docs/scenario-format.md), opened from a hover or a problem. */
export function EditorDocs({ heading, text, onClose }: { heading: string; text: string | undefined; onClose(): void }) {
  return (
    <section className="panel editor-docs" aria-labelledby="docs-title" data-testid="editor-docs">
      <div className="editor-docs-head">
        <h2 id="docs-title">Guide: {heading.replace(/`/g, '')}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="hint">From docs/scenario-format.md, the writer's guide.</p>
      <pre className="docs-text" tabIndex={0}>{text ?? 'This section is not in the guide.'}</pre>
    </section>
  );
}
