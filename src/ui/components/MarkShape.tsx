import type { Mark } from '../logic/marks.ts';

/** A mark's shape, centred at (x, y) with radius r, for use inside an <svg>. Shape and glyph differ per mark, not only colour. */
export function MarkShape({ mark, x, y, r }: { mark: Mark; x: number; y: number; r: number }) {
  const s = r * 0.55;
  const cross = `M${x - s} ${y - s} L${x + s} ${y + s} M${x + s} ${y - s} L${x - s} ${y + s}`;
  switch (mark) {
    case 'planned':
      return <circle className="mk mk-planned" cx={x} cy={y} r={r * 0.7} />;
    case 'due':
      return <path className="mk mk-due" d={`M${x} ${y - r} L${x + r} ${y} L${x} ${y + r} L${x - r} ${y} Z`} />;
    case 'comply':
      return (
        <g className="mk mk-comply">
          <circle cx={x} cy={y} r={r} />
          <path className="mk-ink" d={`M${x - s} ${y} L${x - s * 0.2} ${y + s * 0.8} L${x + s} ${y - s * 0.7}`} />
        </g>
      );
    case 'delay':
      return <path className="mk mk-delay" d={`M${x - r * 0.8} ${y - r} L${x + r} ${y} L${x - r * 0.8} ${y + r} Z`} />;
    case 'partial':
      return (
        <g className="mk mk-partial">
          <circle cx={x} cy={y} r={r * 0.9} />
          <path className="mk-fill" d={`M${x} ${y - r * 0.9} A${r * 0.9} ${r * 0.9} 0 0 0 ${x} ${y + r * 0.9} Z`} />
        </g>
      );
    case 'violate':
    case 'refuse':
      return (
        <g className={`mk mk-${mark}`}>
          <rect x={x - r} y={y - r} width={r * 2} height={r * 2} rx={r * 0.2} />
          <path className="mk-ink" d={cross} />
        </g>
      );
    case 'cancelled':
      return <path className="mk mk-cancelled" d={`M${x - r} ${y} L${x + r} ${y}`} />;
    case 'incident':
      return (
        <g className="mk mk-incident">
          <path d={`M${x} ${y - r} L${x + r} ${y + r * 0.8} L${x - r} ${y + r * 0.8} Z`} />
          <path className="mk-ink" d={`M${x} ${y - r * 0.35} L${x} ${y + r * 0.25} M${x} ${y + r * 0.45} L${x} ${y + r * 0.55}`} />
        </g>
      );
    case 'extended':
      return (
        <g className="mk mk-extended">
          <circle cx={x} cy={y} r={r} />
          <path className="mk-ink" d={`M${x - s} ${y} L${x + s} ${y} M${x} ${y - s} L${x} ${y + s}`} />
        </g>
      );
    case 'phase':
      return <path className="mk mk-phase" d={`M${x} ${y - r} L${x} ${y + r}`} />;
    case 'collapsed':
      return (
        <g className="mk mk-collapsed">
          <rect x={x - r} y={y - r} width={r * 2} height={r * 2} />
          <path className="mk-ink" d={cross} />
        </g>
      );
    case 'note':
      return <circle className="mk mk-note" cx={x} cy={y} r={r * 0.3} />;
  }
}
