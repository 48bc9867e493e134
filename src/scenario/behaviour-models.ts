/**
 * The response models a scenario may name under `behaviour.model`, with the settings each accepts.
 * The engine implements them (src/engine/policies); a test keeps the two lists equal.
 */
export interface BehaviourModelSpec {
  /** Setting name → what it means, default, and whether it is a probability. */
  settings: Record<string, { meaning: string; default: number; probability: boolean }>;
}

export const BEHAVIOUR_MODELS: Record<string, BehaviourModelSpec> = {
  'always-comply': { settings: {} },
  fixed: {
    settings: {
      comply: { meaning: 'weight of comply', default: 0.8, probability: true },
      delay: { meaning: 'weight of delay', default: 0.1, probability: true },
      partial: { meaning: 'weight of partial', default: 0.05, probability: true },
      violate: { meaning: 'weight of violate', default: 0.05, probability: true },
      refuse: { meaning: 'weight of refuse', default: 0, probability: true },
    },
  },
  'state-dependent': {
    settings: {
      'base-comply': { meaning: 'probability of complying with neutral trust and no pressure', default: 0.85, probability: true },
      'trust-weight': { meaning: 'log-odds added per unit of trust above 0.5', default: 2, probability: false },
      'grievance-weight': { meaning: 'log-odds removed per unit of grievance', default: 3, probability: false },
      'domestic-weight': { meaning: 'log-odds removed per unit of domestic pressure', default: 2, probability: false },
      'mediator-weight': { meaning: 'log-odds added per unit of mediator pressure', default: 1.5, probability: false },
      'guarantee-weight': { meaning: 'log-odds added while a guarantee to this party is in force', default: 0.5, probability: false },
    },
  },
};
