/** The five ways a party can answer an obligation that falls due. */
export const RESPONSES = ['comply', 'delay', 'partial', 'violate', 'refuse'] as const;
export type Response = (typeof RESPONSES)[number];

export type ResponseProbabilities = Record<Response, number>;

/** Picks a response from probabilities with one uniform draw `u` (cumulative, in RESPONSES order). */
export function pickResponse(p: ResponseProbabilities, u: number): Response {
  // RESPONSES' order, written out: one property each, no lookups by a varying key.
  let cumulative = p.comply;
  if (u < cumulative) return 'comply';
  if (u < (cumulative += p.delay)) return 'delay';
  if (u < (cumulative += p.partial)) return 'partial';
  if (u < (cumulative += p.violate)) return 'violate';
  if (u < (cumulative += p.refuse)) return 'refuse';
  // Rounding can leave the sum a hair under 1: fall back to the last response with weight.
  for (let i = RESPONSES.length - 1; i >= 0; i--) if (p[RESPONSES[i]!] > 0) return RESPONSES[i]!;
  return 'comply';
}

export function normalise(weights: ResponseProbabilities): ResponseProbabilities {
  const total = RESPONSES.reduce((sum, r) => sum + Math.max(0, weights[r]), 0);
  if (total <= 0) return { comply: 1, delay: 0, partial: 0, violate: 0, refuse: 0 };
  return {
    comply: Math.max(0, weights.comply) / total,
    delay: Math.max(0, weights.delay) / total,
    partial: Math.max(0, weights.partial) / total,
    violate: Math.max(0, weights.violate) / total,
    refuse: Math.max(0, weights.refuse) / total,
  };
}
