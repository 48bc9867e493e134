/** A 0–1 quantity as a bar and a number; `limit` marks a threshold on it. */
export function Meter({ label, value, kind, limit, limitLabel }: { label: string; value: number; kind: 'good' | 'bad' | 'push'; limit?: number; limitLabel?: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className={`meter meter-${kind}`}>
      <span className="meter-label">{label}</span>
      <span className="meter-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={1} aria-valuenow={Number(value.toFixed(2))}>
        <span className="meter-fill" style={{ width: `${pct}%` }} />
        {limit !== undefined && limit < 1 && <span className="meter-limit" style={{ left: `${limit * 100}%` }} title={`${limitLabel ?? 'limit'} at ${limit}`} />}
      </span>
      <span className="meter-value">
        {value.toFixed(2)}
        {limit !== undefined && <span className="meter-of"> / {limit}</span>}
      </span>
    </div>
  );
}
