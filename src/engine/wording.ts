/** Plain-English phrases for the narrative. */
import type { CompiledObligation, Model } from './model.ts';

/** "a, b and c" */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function quantityPhrase(model: Model, o: CompiledObligation): string {
  const stock = o.def.stock !== undefined ? model.scenario.stocks[o.def.stock] : undefined;
  const name = stock?.name ?? o.def.stock ?? '';
  const q = o.def.quantity;
  if (q === undefined) return name;
  if (typeof q === 'number') return `${q} ${name}`;
  return `${listPhrase(Object.entries(q).map(([category, n]) => (category === 'all' ? `${n}` : `${n} ${category}`)))} ${name}`;
}

/** What the obligation asks, completing "<Party> must …". Uses the writer's `text` when given. */
export function describeObligation(model: Model, o: CompiledObligation): string {
  if (o.def.text) return o.def.text;
  switch (o.def.kind) {
    case 'release': return `release ${quantityPhrase(model, o)}`;
    case 'recover-remains': return `return the remains of ${quantityPhrase(model, o)}`;
    case 'exchange': {
      const stockName = model.scenario.stocks[o.def.stock!]?.name ?? o.def.stock;
      if (o.def.ratio === undefined) return `release ${quantityPhrase(model, o)} in exchange`;
      return typeof o.def.ratio === 'string' ? `release ${o.def.ratio} freed, in exchange` : `release ${o.def.ratio} ${stockName} for each one freed, in exchange`;
    }
    case 'disclose': return o.def.stock ? `disclose ${quantityPhrase(model, o)}` : 'disclose the promised information';
    case 'withdraw': return `withdraw from ${model.scenario.zones[o.def.zone!]?.name ?? o.def.zone}`;
    case 'admit-aid': return `admit ${o.trucks} aid trucks`;
    case 'open-crossing': return `open ${model.scenario.crossings[o.def.crossing!]?.name ?? o.def.crossing}`;
    case 'halt-operations': return o.def.hours !== undefined ? `halt operations for ${o.def.hours} hours` : 'halt operations';
    case 'return-displaced': return 'let displaced people return';
    case 'start-talks': return 'start talks';
    case 'generic': return `carry out ${o.def.id}`;
  }
}
