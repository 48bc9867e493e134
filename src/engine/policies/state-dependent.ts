import type { ResponseModel } from './response-model.ts';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const logit = (p: number) => {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
};

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
  probabilities(party, s) {
    const x =
      logit(s['base-comply']!) +
      s['trust-weight']! * (party.trust - 0.5) -
      s['grievance-weight']! * party.grievance -
      s['domestic-weight']! * party.domesticPressure +
      s['mediator-weight']! * party.mediatorPressure +
      (party.guaranteed ? s['guarantee-weight']! : 0);
    const comply = 1 / (1 + Math.exp(-x));
    const rest = 1 - comply;
    const hostility = clamp01((party.grievance + party.domesticPressure) / 2);
    return {
      comply,
      delay: rest * (1 - hostility) * 0.6,
      partial: rest * (1 - hostility) * 0.4,
      violate: rest * hostility * 0.75,
      refuse: rest * hostility * 0.25,
    };
  },
};
