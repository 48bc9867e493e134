import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/**
 * Many small controls inside `container` (those matching `selector`) as one stop in the tab order:
 * only one is tabbable (the last one focused; until then, the newest, last one), ↑ ↓ move between
 * them and Home / End go to the first and the last. Returns the container's key and focus handlers.
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>, selector: string, changes: unknown): { onKeyDown: (e: KeyboardEvent) => void; onFocus: (e: FocusEvent) => void } {
  /** The control the reader last focused, if any. */
  const chosen = useRef<Element | null>(null);
  const items = () => [...(container.current?.querySelectorAll<HTMLElement>(selector) ?? [])];
  const rove = (all: HTMLElement[], target: Element | undefined) => {
    for (const item of all) item.tabIndex = item === target ? 0 : -1;
  };

  // After every change of the contents: one tabbable control, the chosen one if it is still there.
  useEffect(() => {
    const all = [...(container.current?.querySelectorAll<HTMLElement>(selector) ?? [])];
    if (chosen.current && !all.includes(chosen.current as HTMLElement)) chosen.current = null;
    rove(all, chosen.current ?? all[all.length - 1]);
  }, [container, selector, changes]);

  const onFocus = (e: FocusEvent) => {
    const all = items();
    if (!all.includes(e.target as HTMLElement)) return;
    chosen.current = e.target;
    rove(all, e.target);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    all[Math.max(0, Math.min(all.length - 1, next))]!.focus();
  };

  return { onKeyDown, onFocus };
}
