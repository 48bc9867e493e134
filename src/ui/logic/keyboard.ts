/** Keyboard shortcuts on the stepper: → next decision, ← back. */
import type { AppEvent } from './app-machine.ts';

/** The event a key press means, or undefined (typing in a field, modifier keys, other keys). */
export function keyToEvent(key: string, target: EventTarget | null, modifiers: { alt: boolean; ctrl: boolean; meta: boolean }): AppEvent | undefined {
  if (modifiers.alt || modifiers.ctrl || modifiers.meta) return undefined;
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || el?.isContentEditable) return undefined;
  if (key === 'ArrowRight') return { type: 'step', target: 'decision' };
  if (key === 'ArrowLeft') return { type: 'undo' };
  return undefined;
}
