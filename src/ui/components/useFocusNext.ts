import { useEffect, useRef } from 'react';

/**
 * Focus follows the run to what comes next: after the student answers a decision (through the
 * function this returns), and when the run stops for their move while the control they used is
 * gone or disabled, focus moves to the element `id` (the next decision, or how the run ended).
 */
export function useFocusNext<A extends unknown[]>(id: string, position: number, mine: boolean, answer: (...args: A) => void): (...args: A) => void {
  const answered = useRef(false);
  useEffect(() => {
    const lost = document.activeElement === document.body || (document.activeElement as HTMLButtonElement | null)?.disabled === true;
    if (!answered.current && !(mine && lost)) return;
    answered.current = false;
    document.getElementById(id)?.focus();
  }, [id, position, mine]);
  return (...args: A) => {
    answered.current = true;
    answer(...args);
  };
}
