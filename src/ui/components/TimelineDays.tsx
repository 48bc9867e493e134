import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Keys that move between days: ← → one day, PageUp / PageDown a week, Home / End the first and last day. */
const MOVES: Readonly<Record<string, (day: number, days: number) => number>> = {
  ArrowLeft: (d) => d - 1,
  ArrowRight: (d) => d + 1,
  PageUp: (d) => d - 7,
  PageDown: (d) => d + 7,
  Home: () => 1,
  End: (_d, days) => days,
};

export interface TimelineDaysProps {
  days: number;
  /** The day column's centre and width. */
  x: (day: number) => number;
  cellW: number;
  top: number;
  height: number;
  today: number;
  picked?: number;
  /** A day's name and contents, read when it has focus. */
  label: (day: number) => string;
  onPick: (day: number) => void;
}

/**
 * The timeline's days as one keyboard stop (a roving tabindex): Tab reaches the picked day (or
 * today), the arrow keys move between days, Enter or Space opens one. Drawn over the marks without
 * catching the mouse, so hovering a mark still shows its details and a click picks the day as before.
 */
export function TimelineDays({ days, x, cellW, top, height, today, picked, label, onPick }: TimelineDaysProps) {
  const [focused, setFocused] = useState<number | undefined>(undefined);
  const stop = Math.min(days, Math.max(1, focused ?? picked ?? today));
  const group = useRef<SVGGElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    const el = group.current?.querySelector<SVGRectElement>(`[data-day="${stop}"]`);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [stop]);

  const onKeyDown = (e: KeyboardEvent<SVGRectElement>, day: number) => {
    const move = MOVES[e.key];
    if (move) {
      moved.current = true;
      setFocused(Math.min(days, Math.max(1, move(day, days))));
    } else if (e.key === 'Enter' || e.key === ' ') {
      onPick(day);
    } else return;
    // The stepper's own ← → (back, next decision) must not fire while moving between days.
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <g ref={group} className="tl-days" onBlur={(e) => !group.current?.contains(e.relatedTarget as Node | null) && setFocused(undefined)}>
      {Array.from({ length: days }, (_, i) => i + 1).map((day) => (
        <rect
          key={day}
          className="tl-day"
          data-day={day}
          x={x(day) - cellW / 2}
          y={top}
          width={cellW}
          height={height}
          role="button"
          tabIndex={day === stop ? 0 : -1}
          aria-label={label(day)}
          aria-pressed={day === picked}
          onFocus={() => setFocused(day)}
          onKeyDown={(e) => onKeyDown(e, day)}
        />
      ))}
    </g>
  );
}
