/**
 * The largest values a scenario may use (docs/scenario-format.md, "Bounds"). They keep every
 * check and every run finite: a truce is at most ten years, counts fit comfortably in a double,
 * and the number of scheduled occurrences is bounded so neither `validate` nor a run can be asked
 * to expand billions of them.
 */
export const BOUNDS = {
  /** Days in all of a truce's phases, extensions included. Also the most any single day field may say. */
  truceDays: 3_650,
  /** Stock counts, quantities, per-release counts, trucks and people. */
  count: 1_000_000_000,
  /** Any other number (parameters, weights, widths): magnitude at most this. */
  magnitude: 1_000_000_000,
  /** Exchange ratios (units given per unit released). */
  ratio: 1_000,
  /** Hours of a daily halt. */
  hours: 24,
  /** Fixed-schedule occurrences of all obligations together (`every: 1` over 3,650 days is 3,650). */
  occurrences: 100_000,
  /** Characters in one condition. */
  conditionLength: 2_000,
  /** Brackets and `not`s nested inside one condition. */
  conditionNesting: 32,
  /** Amount an incident adds to trust, grievance, pressure (they live in 0..1). */
  effect: 1,
} as const;

export const BOUNDS_HINT = 'the limits are listed under "Bounds" in docs/scenario-format.md';
