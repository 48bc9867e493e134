import type { Position, Spread } from '../logic/debrief-position.ts';

const W = 260;
const H = 30;
const PAD = 8;

/**
 * One total among the model runs, drawn small: the line spans 5% to 95% of the model runs, the
 * box their middle half, the tick their median, and the diamond is the student's run. Its label
 * says the same in words.
 */
export function DebriefStrip({ label, spread, position }: { label: string; spread: Spread; position: Position }) {
  let lo = Math.min(spread.p5, position.value);
  let hi = Math.max(spread.p95, position.value);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const x = (v: number) => PAD + ((v - lo) / (hi - lo)) * (W - 2 * PAD);
  const mid = H / 2;
  const you = x(position.value);
  const words = `${label}: your run ${position.value}; model runs median ${spread.p50}, middle half ${spread.p25} to ${spread.p75}, 5% to 95% ${spread.p5} to ${spread.p95}`;
  return (
    <svg className="debrief-strip" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={words}>
      <title>{words}</title>
      <line x1={x(spread.p5)} x2={x(spread.p95)} y1={mid} y2={mid} className="strip-whisker" />
      <rect x={x(spread.p25)} y={mid - 6} width={Math.max(2, x(spread.p75) - x(spread.p25))} height={12} className="strip-box" />
      <line x1={x(spread.p50)} x2={x(spread.p50)} y1={mid - 8} y2={mid + 8} className="strip-median" />
      <path d={`M ${you} ${mid - 9} L ${you + 7} ${mid} L ${you} ${mid + 9} L ${you - 7} ${mid} Z`} className="strip-you" />
    </svg>
  );
}
