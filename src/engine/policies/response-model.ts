import type { ResponseProbabilities } from '../response.ts';

/** What a response model sees when one of its party's obligations falls due. */
export interface PartyView {
  trust: number;
  grievance: number;
  domesticPressure: number;
  mediatorPressure: number;
  /** A guarantee given to this party is in force. */
  guaranteed: boolean;
}

/** A way of turning a party's state into response probabilities. Registered by id. */
export interface ResponseModel {
  id: string;
  /** `settings` holds every setting of the model, defaults filled in and parameters resolved. `party` is
   * lent for the call only (a run refills one view for every question): read it, do not keep it.
   * Returns `out` filled in, or an object that is never changed (the same for every call, say):
   * batch runs lend one `out` for every question, so they allocate nothing per decision. */
  probabilities(party: PartyView, settings: Readonly<Record<string, number>>, out: ResponseProbabilities): ResponseProbabilities;
}
