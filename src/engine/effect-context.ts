/**
 * The engine's side of `EffectContext` (src/scenario/kinds/kind.ts): what a kind's effect may do
 * to a run, over the run's state. One per run; `obligation` is set before each effect.
 */
import type { EffectContext, EffectResult, NumberOrParameter } from '../scenario/index.ts';
import type { CompiledObligation, Model } from './model.ts';
import type { SimState } from './state.ts';

export class RunEffects implements EffectContext {
  obligation!: CompiledObligation;

  constructor(private readonly model: Model, private readonly state: SimState) {}

  /** Carries out `o` (fully with fraction 1, in part below): its kind's effect. */
  carryOut(o: CompiledObligation, fraction: number): EffectResult {
    this.obligation = o;
    return o.module.effect(o.def, this, fraction);
  }

  /** What failing `o` undoes, if its kind says. */
  fail(o: CompiledObligation): void {
    this.obligation = o;
    o.module.onFailure?.(o.def, this);
  }

  stockName(stock: string): string {
    return this.model.names.stockName(stock);
  }

  zoneName(zone: string): string {
    return this.model.names.zoneName(zone);
  }

  crossingName(crossing: string): string {
    return this.model.names.crossingName(crossing);
  }

  number(value: NumberOrParameter): number {
    return this.model.names.number(value);
  }

  whole(value: NumberOrParameter): number {
    return this.model.names.whole(value);
  }

  categories(stock: string): readonly string[] {
    return Object.keys(this.model.scenario.stocks[stock]!.count);
  }

  moveStock(stock: string, wanted: Readonly<Record<string, number>>): EffectResult {
    const s = this.state.stocks[stock]!;
    const changes: Record<string, number> = {};
    const parts: string[] = [];
    let units = 0;
    for (const [category, amount] of Object.entries(wanted)) {
      const moved = Math.max(0, Math.min(s.held[category] ?? 0, amount));
      if (moved === 0 && amount > 0) continue;
      s.held[category] = (s.held[category] ?? 0) - moved;
      s.released[category] = (s.released[category] ?? 0) + moved;
      changes[`${stock}.${category}`] = -moved;
      units += moved;
      parts.push(category === 'all' ? `${moved}` : `${moved} ${category}`);
    }
    const list = parts.length === 0 ? 'none (nothing left to release)' : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
    return { text: `${list} ${this.stockName(stock)}`, changes, units };
  }

  paidForUnits(): number | undefined {
    const paidFor = this.obligation.inReturnFor;
    return paidFor !== undefined ? this.state.obligations[paidFor]!.lastUnits : undefined;
  }

  paidForUnitsByCategory(): Readonly<Record<string, number>> | undefined {
    const paidFor = this.obligation.inReturnFor;
    if (paidFor === undefined) return undefined;
    const byCategory: Record<string, number> = {};
    for (const [key, change] of Object.entries(this.state.obligations[paidFor]!.lastChanges ?? {})) byCategory[key.slice(key.indexOf('.') + 1)] = -change;
    return byCategory;
  }

  paidForPlannedUnits(): number {
    return this.obligation.plannedUnits;
  }

  count(counter: string, amount: number): void {
    const counters = this.state.counters;
    counters[counter] = (counters[counter] ?? 0) + amount;
  }

  setZoneWithdrawn(zone: string): void {
    this.state.zones[zone]!.withdrawn = true;
  }

  setCrossingOpen(crossing: string, open: boolean): void {
    this.state.crossings[crossing] = open;
  }
}
