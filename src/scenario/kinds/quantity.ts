/** Quantities of a stock in words and in units, shared by the kinds that move stocks. */
import type { Quantity } from '../primitives.ts';
import type { EffectContext, EffectResult, WordingContext } from './kind.ts';

/** "a, b and c" */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "2 alive and 3 deceased captives", "390 prisoners", or the stock's name alone. */
export function quantityPhrase(ctx: WordingContext, stock: string | undefined, quantity: Quantity | undefined): string {
  const name = stock === undefined ? '' : ctx.stockName(stock);
  if (quantity === undefined) return name;
  if (typeof quantity !== 'object') return `${ctx.whole(quantity)} ${name}`;
  return `${listPhrase(Object.entries(quantity).map(([category, n]) => (category === 'all' ? `${ctx.whole(n)}` : `${ctx.whole(n)} ${category}`)))} ${name}`;
}

/** Each category's amount (a parameter's rounded to a whole count) times `factor`, rounded down; a bare amount goes to the first category. */
export function scaled(quantity: Quantity | undefined, categories: readonly string[], factor: number, ctx: WordingContext): Record<string, number> {
  const out: Record<string, number> = {};
  if (quantity === undefined) return out;
  if (typeof quantity !== 'object') {
    out[categories[0]!] = Math.floor(ctx.whole(quantity) * factor + 1e-9);
    return out;
  }
  // A loop over own keys (runs carry these out constantly: no Object.entries pairs).
  for (const category in quantity) if (Object.hasOwn(quantity, category)) out[category] = Math.floor(ctx.whole(quantity[category]!) * factor + 1e-9);
  return out;
}

/**
 * Moves `fraction` of what this occurrence owes of `stock` — `full` the first time, the rest after
 * a partial answer — and reports what it still owes per category, never more than is still held.
 */
export function moveOwed(ctx: EffectContext, stock: string, full: Readonly<Record<string, number>>, fraction: number): EffectResult {
  const owing = ctx.owed() ?? full;
  const moved = ctx.moveStock(stock, scaled(owing, ctx.categories(stock), fraction, ctx));
  const owed: Record<string, number> = {};
  for (const category in owing) if (Object.hasOwn(owing, category)) owed[category] = Math.min(owing[category]! + (moved.changes?.[`${stock}.${category}`] ?? 0), ctx.held(stock, category));
  // `moved` is moveStock's fresh result: completed in place rather than spread into a copy.
  moved.owed = owed;
  return moved;
}

/** Frees `quantity` of `stock` scaled by the fraction carried out: the effect of release and recover-remains. */
export function releaseQuantity(o: { stock: string; quantity: Quantity }, ctx: EffectContext, fraction: number): EffectResult {
  const moved = moveOwed(ctx, o.stock, scaled(o.quantity, ctx.categories(o.stock), 1, ctx), fraction);
  moved.text = `released ${moved.text}`;
  return moved;
}
