import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { plannedTimeline } from '../../engine/index.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { MARKS } from '../logic/marks.ts';
import { selectModel, selectView } from '../logic/selectors.ts';
import { daySummary, dayTicks, layoutTimeline, ROWS, type TimelineLayout } from '../logic/timeline-layout.ts';
import { MarkShape } from './MarkShape.tsx';
import { TimelineDays } from './TimelineDays.tsx';
import { dayLabel } from '../logic/day-label.ts';

const ROW_H = 24;
const HEAD_H = 48;
/** Header rows: phase names, the today label, day numbers. */
const Y_PHASE = 12;
const Y_TODAY = 27;
const Y_TICK = 41;

/** The scroller's width, followed as the window resizes. */
function useWidth(scroller: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    // The observer reports the first size as soon as it observes.
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller]);
  return width;
}

interface Geometry {
  cellW: number;
  svgW: number;
  svgH: number;
  x: (day: number) => number;
}

/** Phase bands with their names, the extension beyond the plan, the row lines and the day numbers. */
function Bands({ layout, g }: { layout: TimelineLayout; g: Geometry }) {
  const { cellW, svgW, svgH, x } = g;
  const plannedEnds = new Set(layout.phases.map((p) => p.end));
  const lastEnd = layout.phases[layout.phases.length - 1]?.end ?? 0;
  const band = (start: number, end: number) => ({ x: x(start) - cellW / 2, y: HEAD_H - 4, width: (end - start + 1) * cellW, height: svgH - HEAD_H + 4 });
  return (
    <>
      {layout.phases.map((p, i) => (
        <g key={p.name + i}>
          <rect className={`tl-phase tl-phase-${i % 2}`} {...band(p.start, p.end)} />
          <text className="tl-phase-name" x={x(p.start) - cellW / 2 + 3} y={Y_PHASE}>
            {p.name}
          </text>
        </g>
      ))}
      {layout.phases.length > 0 && layout.days > lastEnd && (
        <g>
          <rect className="tl-extension" {...band(lastEnd + 1, layout.days)} />
          <text className="tl-phase-name" x={x(lastEnd + 1) - cellW / 2 + 3} y={Y_PHASE}>
            extension
          </text>
        </g>
      )}
      {ROWS.map((row, i) => (
        <line key={row.id} className="tl-row-line" x1={0} x2={svgW} y1={HEAD_H + (i + 1) * ROW_H} y2={HEAD_H + (i + 1) * ROW_H} />
      ))}
      {dayTicks(layout.days).map((d) => (
        <text key={d} className={`tl-tick${plannedEnds.has(d) ? ' tl-tick-end' : ''}`} x={x(d)} y={Y_TICK} textAnchor="middle">
          {d}
        </text>
      ))}
    </>
  );
}

/** Days across, tracks down: the plan, what fell due, how each party responded, today marked. */
export function Timeline({ picked, onPick }: { picked?: number; onPick: (day: number) => void }) {
  const model = ParleyContext.useSelector(selectModel);
  const view = ParleyContext.useSelector(selectView);
  const planned = useMemo(() => plannedTimeline(model), [model]);
  const layout = useMemo(() => layoutTimeline(model, planned, view), [model, planned, view]);
  const scroller = useRef<HTMLDivElement>(null);
  const width = useWidth(scroller);

  const cellW = Math.max(width < 500 ? 14 : 11, Math.min(40, Math.floor((width - 20) / layout.days)));
  const x = (day: number) => 4 + (day - 0.5) * cellW;
  const g: Geometry = { cellW, svgW: layout.days * cellW + 20, svgH: HEAD_H + ROWS.length * ROW_H + 4, x };
  const r = Math.min(cellW, ROW_H) / 2 - 1;
  const column = { x: (day: number) => x(day) - cellW / 2, y: HEAD_H - 4, width: cellW, height: g.svgH - HEAD_H + 4 };

  const todayX = x(Math.max(1, layout.today));
  useEffect(() => {
    const el = scroller.current;
    if (!el || g.svgW <= el.clientWidth) return;
    el.scrollLeft = Math.max(0, todayX - el.clientWidth / 2);
  }, [todayX, g.svgW]);

  const pickAt = (clientX: number, svg: SVGSVGElement) => {
    const day = Math.floor((clientX - svg.getBoundingClientRect().left - 4) / cellW) + 1;
    if (day >= 1 && day <= layout.days) onPick(day);
  };

  return (
    <div className="timeline" data-testid="timeline">
      <div className="tl-labels" aria-hidden="true" style={{ paddingTop: HEAD_H }}>
        {ROWS.map((row) => (
          <div key={row.id} style={{ height: ROW_H }}>
            {row.label}
          </div>
        ))}
      </div>
      <div className="tl-scroll" ref={scroller}>
        <svg
          width={g.svgW}
          height={g.svgH}
          role="group"
          aria-label={`Timeline: day ${layout.today} of ${layout.days}. ${layout.cells.filter((c) => c.mark !== 'planned').length} things have happened or fallen due. Use the arrow keys to move between days and Enter to open one.`}
          onClick={(e) => pickAt(e.clientX, e.currentTarget)}
        >
          <Bands layout={layout} g={g} />
          {picked !== undefined && <rect className="tl-picked" {...column} x={column.x(picked)} />}
          {layout.today >= 1 && (
            <g data-testid="today-marker">
              <rect className="tl-today" {...column} x={column.x(layout.today)} />
              <text className="tl-today-label" x={x(layout.today)} y={Y_TODAY} textAnchor="middle">
                {layout.over ? `end ${layout.today}` : `day ${layout.today}`}
              </text>
            </g>
          )}
          {layout.cells.map((c) => {
            const row = ROWS.findIndex((rw) => rw.id === c.row);
            return (
              <g key={`${c.day}/${c.row}`} className="tl-cell" data-day={c.day} data-row={c.row} data-mark={c.mark}>
                <title>{`${dayLabel(model.scenario, c.day)} · ${ROWS[row]!.label} · ${MARKS[c.mark].label}\n${c.lines.join('\n')}`}</title>
                <MarkShape mark={c.mark} x={x(c.day)} y={HEAD_H + row * ROW_H + ROW_H / 2} r={r} />
              </g>
            );
          })}
          <TimelineDays days={layout.days} x={x} cellW={cellW} top={column.y} height={column.height} today={layout.today} picked={picked} label={(d) => `${dayLabel(model.scenario, d)}: ${daySummary(layout, d)}`} onPick={onPick} />
        </svg>
      </div>
    </div>
  );
}
