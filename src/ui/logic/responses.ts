/** The five responses as a person choosing one reads them. */
import type { DecisionKind, Response } from '../../engine/index.ts';

export const RESPONSE_TEXT: Readonly<Record<Response, { label: string; hint: string }>> = {
  comply: { label: 'Comply', hint: 'do it in full, on time' },
  delay: { label: 'Delay', hint: 'put it off a few days (uses grace days)' },
  partial: { label: 'Partly comply', hint: 'do only part of it' },
  violate: { label: 'Violate', hint: 'break the term' },
  refuse: { label: 'Refuse', hint: 'openly refuse to do it' },
};

/** An extension offer is accepted or declined, not complied with or refused. */
export const OFFER_TEXT: Readonly<Partial<Record<Response, { label: string; hint: string }>>> = {
  comply: { label: 'Accept', hint: 'make the offer and extend the truce' },
  refuse: { label: 'Decline', hint: 'let the offer lapse' },
};

/** A played mediator's levers: used (comply) or not (refuse). */
export const LEVER_TEXT: Readonly<Record<'press' | 'guarantee' | 'reoffer' | 'broker', Partial<Record<Response, { label: string; hint: string }>>>> = {
  press: {
    comply: { label: 'Press', hint: 'lean on the side that fell short: it complies more' },
    refuse: { label: 'Hold back', hint: 'no pressure this time' },
  },
  guarantee: {
    comply: { label: 'Keep guarantee', hint: 'stand by it: the side keeps its guarantee' },
    refuse: { label: 'Withdraw', hint: 'take the guarantee back: the side is aggrieved' },
  },
  reoffer: {
    comply: { label: 'Offer guarantee again', hint: 'put the guarantee back in force: the side’s grievance eases' },
    refuse: { label: 'Stay out', hint: 'leave it withdrawn until the side complies again' },
  },
  broker: {
    comply: { label: 'Broker extension', hint: 'extend the phase by the days its rule gives' },
    refuse: { label: 'Let it lapse', hint: 'no extension from you' },
  },
};

export function responseText(response: Response, kind: DecisionKind = 'obligation'): { label: string; hint: string } {
  const special = kind === 'extension' ? OFFER_TEXT[response] : kind === 'obligation' ? undefined : LEVER_TEXT[kind][response];
  return special ?? RESPONSE_TEXT[response];
}

/** "84%", "<1%", "0%". */
export function percent(p: number): string {
  if (p <= 0) return '0%';
  if (p < 0.005) return '<1%';
  if (p > 0.995 && p < 1) return '>99%';
  return `${Math.round(p * 100)}%`;
}
