import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/**
 * Many small controls inside `container` (those matching `selector`) as one stop in the tab order:
 * only the last one focused (at first: the last one there) is tabbable, ↑ ↓ move between them and
 * Home / End go to the first and the last. Returns the container's keydown handler.
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>, selector: string, changes: unknown): (e: KeyboardEvent) => void {
  const current = useRef<Element | null>(null);

  // After every change of the contents: one tabbable control, the current one if it is still there.
  useEffect(() => {
    const items = [...(container.current?.querySelectorAll<HTMLElement>(selector) ?? [])];
    if (!current.current || !items.includes(current.current as HTMLElement)) current.current = items[items.length - 1] ?? null;
    for (const item of items) item.tabIndex = item === current.current ? 0 : -1;
  }, [container, selector, changes]);

  return (e: KeyboardEvent) => {
    const items = [...(container.current?.querySelectorAll<HTMLElement>(selector) ?? [])];
    const at = items.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const target = items[Math.max(0, Math.min(items.length - 1, next))]!;
    for (const item of items) item.tabIndex = item === target ? 0 : -1;
    current.current = target;
    target.focus();
  };
}
