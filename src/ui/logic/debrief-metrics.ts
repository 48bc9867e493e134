/** A run metric's name (`released.captives.alive`, `violations.hamas`, …) in words a student reads. */
import { COUNTERS, type Model } from '../../engine/index.ts';

const DECEASED = /^(deceased|dead|remains|bodies)$/;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `partialWithdrawals` → `Partial withdrawals`. */
const words = (name: string) => capital(name.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`));

export function metricLabel(model: Model, name: string): string {
  const [head, a, b] = name.split('.');
  if (name === 'days') return 'Days the truce held';
  if (head === 'released' && a !== undefined && b !== undefined) {
    const stock = capital(model.scenario.stocks[a]?.name ?? a);
    if (b === 'total') return `${stock} released in all`;
    if (b === 'all') return `${stock} released`;
    return DECEASED.test(b) ? `${stock}: ${b} returned` : `${stock} released ${b}`;
  }
  const party = a !== undefined ? (model.partyById.get(a)?.name ?? a) : '';
  if (head === 'violations') return `Violations by ${party}`;
  if (head === 'delays') return `Delays by ${party}`;
  const counter = COUNTERS.find((c) => c.name === name);
  return counter?.compare ?? counter?.panel?.label ?? (counter?.summary !== undefined ? capital(counter.summary) : words(name));
}
