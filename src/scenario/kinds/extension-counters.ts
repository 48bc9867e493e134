/** Counters every truce keeps, whatever its kinds: extensions granted and the days they added. */
import type { CounterSpec } from './kind.ts';

export const EXTENSION_COUNTERS: readonly CounterSpec[] = [
  {
    name: 'extensions',
    reported: 'always',
    panel: { id: 'extensions', label: 'Extensions', showZero: true, detail: { counter: 'extensionDays', text: (n) => `+${n} day${n === 1 ? '' : 's'}` } },
  },
  { name: 'extensionDays', reported: 'always', summary: 'extension days', compare: 'Extension days' },
];
