/**
 * The engine's side of `EffectContext` (src/scenario/kinds/kind.ts): what a kind's effect may do
 * to a run, over the run's state. One per run; `obligation` is set before each effect.
 */
import type { EffectContext, EffectResult, NumberOrParameter, Payment } from '../scenario/core.ts';
import type { CompiledObligation, Model } from './model.ts';
import type { SimState } from './state.ts';

const NONE: Readonly<Record<string, number>> = Object.freeze({});

/** Per model, worked out once: each stock's categories and its change keys (`stock.category`). */
interface StockInfo {
  categories: readonly string[];
  changeKeys: Readonly<Record<string, string>>;
}
interface StockInfos {
  byStock: ReadonlyMap<string, StockInfo>;
  /** Change key (`stock.category`) → category. */
  categoryOfChange: ReadonlyMap<string, string>;
}
const stockInfos = new WeakMap<Model, StockInfos>();

function stockInfoOf(model: Model): StockInfos {
  let infos = stockInfos.get(model);
  if (!infos) {
    const byStock = new Map<string, StockInfo>();
    const categoryOfChange = new Map<string, string>();
    for (const [id, stock] of Object.entries(model.scenario.stocks)) {
      const categories = Object.freeze(Object.keys(stock.count));
      const changeKeys: Record<string, string> = Object.create(null);
      for (const category of categories) {
        changeKeys[category] = `${id}.${category}`;
        categoryOfChange.set(changeKeys[category], category);
      }
      byStock.set(id, { categories, changeKeys });
    }
    stockInfos.set(model, (infos = { byStock, categoryOfChange }));
  }
  return infos;
}

export class RunEffects implements EffectContext {
  obligation!: CompiledObligation;
  private owing: Readonly<Record<string, number>> | undefined;
  private readonly stocks: ReadonlyMap<string, StockInfo>;
  private readonly categoryOfChange: ReadonlyMap<string, string>;

  /** `words`: effects' sentences are wanted (a trace is kept); without, `moveStock` leaves its text empty. */
  constructor(private readonly model: Model, private readonly state: SimState, private readonly words = true) {
    const infos = stockInfoOf(model);
    this.stocks = infos.byStock;
    this.categoryOfChange = infos.categoryOfChange;
  }

  /** The category a change key (`stock.category`, as in `EffectResult.changes`) names. */
  changedCategory(key: string): string {
    return this.categoryOfChange.get(key) ?? key.slice(key.indexOf('.') + 1);
  }

  /** Carries out `o` (fully with fraction 1, in part below): its kind's effect; `owed` for a remainder. */
  carryOut(o: CompiledObligation, fraction: number, owed: Readonly<Record<string, number>> | undefined): EffectResult {
    this.obligation = o;
    this.owing = owed;
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
    return this.stocks.get(stock)!.categories;
  }

  moveStock(stock: string, wanted: Readonly<Record<string, number>>): EffectResult {
    const s = this.state.stocks[stock]!;
    const keys = this.stocks.get(stock)!.changeKeys;
    const changes: Record<string, number> = {};
    const parts: string[] | undefined = this.words ? [] : undefined;
    let units = 0;
    // `wanted` is a plain object made by a kind's effect: for-in visits its own keys, in Object.entries order.
    for (const category in wanted) {
      const amount = wanted[category]!;
      const held = s.held[category] ?? 0;
      const moved = Math.max(0, Math.min(held, amount));
      if (moved === 0 && amount > 0) continue;
      s.held[category] = held - moved;
      s.released[category] = (s.released[category] ?? 0) + moved;
      changes[keys[category] ?? `${stock}.${category}`] = -moved;
      units += moved;
      parts?.push(category === 'all' ? `${moved}` : `${moved} ${category}`);
    }
    if (!parts) return { text: '', changes, units };
    const list = parts.length === 0 ? 'none (nothing left to release)' : parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
    return { text: `${list} ${this.stockName(stock)}`, changes, units };
  }

  held(stock: string, category: string): number {
    return this.state.stocks[stock]!.held[category] ?? 0;
  }

  owed(): Readonly<Record<string, number>> | undefined {
    return this.owing;
  }

  payment(): Payment | undefined {
    const paidFor = this.obligation.inReturnFor;
    if (paidFor === undefined) return undefined;
    const release = this.state.obligations[paidFor]!;
    const exchange = this.state.obligations[this.obligation.index]!;
    return { released: release.units, releasedByCategory: release.unitsByCategory ?? NONE, paid: exchange.paid, paidByCategory: exchange.paidByCategory ?? NONE, planned: this.obligation.plannedUnits };
  }

  pay(units: number, byCategory?: Readonly<Record<string, number>>): void {
    const exchange = this.state.obligations[this.obligation.index]!;
    exchange.paid += units;
    if (byCategory === undefined) return;
    const paid = (exchange.paidByCategory ??= {});
    for (const [category, n] of Object.entries(byCategory)) paid[category] = (paid[category] ?? 0) + n;
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
