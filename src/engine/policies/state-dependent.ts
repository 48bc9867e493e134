import type { ResponseModel } from './response-model.ts';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const logit = (p: number) => {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
};

/** A settings record's numbers as plain fields, logit(base-comply) included: worked out once per (immutable) settings record. */
interface Coefficients {
  logitBase: number;
  trust: number;
  grievance: number;
  domestic: number;
  mediator: number;
  guarantee: number;
}
const coefficients = new WeakMap<Readonly<Record<string, number>>, Coefficients>();

function coefficientsOf(s: Readonly<Record<string, number>>): Coefficients {
  let c = coefficients.get(s);
  if (!c) {
    c = { logitBase: logit(s['base-comply']!), trust: s['trust-weight']!, grievance: s['grievance-weight']!, domestic: s['domestic-weight']!, mediator: s['mediator-weight']!, guarantee: s['guarantee-weight']! };
    coefficients.set(s, c);
  }
  return c;
}

/**
 * Compliance rises with trust, mediator pressure and guarantees, and falls with grievance and
 * domestic pressure (docs/model.md, "Response models", state-dependent):
 *
 *   x       = logit(base-comply) + trust-weight·(trust − 0.5) − grievance-weight·grievance
 *             − domestic-weight·domestic + mediator-weight·mediator + guarantee-weight·[guaranteed]
 *   comply  = 1 / (1 + e^−x)
 *   h       = clamp((grievance + domestic) / 2, 0, 1)          hostility
 *   delay   = (1 − comply)·(1 − h)·0.6     partial = (1 − comply)·(1 − h)·0.4
 *   violate = (1 − comply)·h·0.75          refuse  = (1 − comply)·h·0.25
 */
export const stateDependent: ResponseModel = {
  id: 'state-dependent',
  probabilities(party, settings, out) {
    const s = coefficientsOf(settings);
    const x =
      s.logitBase +
      s.trust * (party.trust - 0.5) -
      s.grievance * party.grievance -
      s.domestic * party.domesticPressure +
      s.mediator * party.mediatorPressure +
      (party.guaranteed ? s.guarantee : 0);
    const comply = 1 / (1 + Math.exp(-x));
    const rest = 1 - comply;
    const hostility = clamp01((party.grievance + party.domesticPressure) / 2);
    out.comply = comply;
    out.delay = rest * (1 - hostility) * 0.6;
    out.partial = rest * (1 - hostility) * 0.4;
    out.violate = rest * hostility * 0.75;
    out.refuse = rest * hostility * 0.25;
    return out;
  },
};
