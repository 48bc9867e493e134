/**
 * The scenario format, v1. This zod schema is the single source of the Scenario type
 * (`z.output`) and of the JSON Schema writers get autocomplete from (`z.toJSONSchema`, input side).
 * Shape only: references, cycles, day ranges and stock sufficiency are checked in `checks.ts`.
 */
import * as z from 'zod';
import { BOUNDS } from './bounds.ts';
import { historySections } from './history.ts';
import { ScenarioTargets } from './targets.ts';

export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DAYS_PATTERN = /^\s*(\d+)\s*days?\s*$/;

/** A lower-case id a person would type: `hamas`, `first-release`. */
export const Id = z
  .string()
  .regex(ID_PATTERN, { error: 'ids are lower-case words joined by hyphens, like `first-release`' })
  .describe('A lower-case id joined by hyphens, e.g. `first-release`.');

const TOO_MANY_DAYS = `at most ${BOUNDS.truceDays.toLocaleString('en')} days (ten years)`;

/** Whole days: `60` or `"60 days"`, from `least` to the longest truce. */
function days(least: number) {
  return z
    .union([
      z.number().int().min(least, { error: `at least ${least} day${least === 1 ? '' : 's'}` }).max(BOUNDS.truceDays, { error: TOO_MANY_DAYS }),
      z.string().regex(DAYS_PATTERN, { error: 'write a whole number of days, like `7` or `7 days`' }),
    ], { error: 'expected a whole number of days, like `7` or `7 days`' })
    .transform((value) => (typeof value === 'number' ? value : Number(DAYS_PATTERN.exec(value)![1])))
    .refine((value) => value >= least, { error: `at least ${least} day${least === 1 ? '' : 's'}` })
    .refine((value) => value <= BOUNDS.truceDays, { error: TOO_MANY_DAYS })
    .describe('Whole days: `7` or `7 days`.');
}
export const Days = days(0);
/** Extension days: an extension of 0 days would end the same phase again and again. */
const ExtensionDays = days(1);

/** A day of a phase or of the truce: 1 is the first. */
const DayNumber = z.number().int().min(1).max(BOUNDS.truceDays, { error: `a day is at most ${BOUNDS.truceDays.toLocaleString('en')}` });

/** Any number a scenario writes directly, within the bounds every calculation stays exact in. */
const BoundedNumber = z.number().min(-BOUNDS.magnitude, { error: `numbers are at least -${BOUNDS.magnitude.toLocaleString('en')}` }).max(BOUNDS.magnitude, { error: `numbers are at most ${BOUNDS.magnitude.toLocaleString('en')} in size` });

/** A number, or the name of a declared parameter whose value is used instead. */
export const NumberOrParameter = z
  .union([z.number().min(-BOUNDS.magnitude, { error: `numbers are at least -${BOUNDS.magnitude.toLocaleString('en')}` }).max(BOUNDS.magnitude, { error: `numbers are at most ${BOUNDS.magnitude.toLocaleString('en')} in size` }), Id], { error: 'expected a number or the name of a parameter' })
  .describe('A number, or the id of a parameter declared under `parameters`.');
export type NumberOrParameter = z.output<typeof NumberOrParameter>;

/** A condition in Parley's small expression language (see docs/scenario-format.md). */
export const Expression = z.string().min(1).max(BOUNDS.conditionLength, { error: `a condition is at most ${BOUNDS.conditionLength.toLocaleString('en')} characters` }).describe('A condition, e.g. `done(first-release) and held(captives) > 0`.');

const SourceObject = z
  .strictObject({
    seed: z.string().optional().describe('File name of a seed article in shared/seeds, e.g. `000_65bcf9322f49a869.txt`.'),
    url: z.string().optional().describe('A public URL.'),
    quote: z.string().optional().describe('The words in the source that support the term.'),
    note: z.string().optional().describe('What the scenario writer inferred or approximated.'),
  })
  .refine((s) => s.seed !== undefined || s.url !== undefined, { error: 'a source needs `seed` (a seed file name) or `url`' });

/** Where a term comes from: the id of an entry under `sources`, or an inline citation. */
export const SourceRef = z.union([Id, SourceObject], { error: 'a source is the id of an entry under `sources`, or `{ seed | url, quote }`' });
export type SourceRef = z.output<typeof SourceRef>;

export const Parameter = z.strictObject({
  default: BoundedNumber.describe('The value used when nobody sets it.'),
  range: z.tuple([BoundedNumber, BoundedNumber]).describe('[lowest, highest] allowed value.'),
  unit: z.string().optional().describe('probability, days, trucks, metres, ...'),
  description: z.string().optional(),
  source: SourceRef.optional(),
});
export type Parameter = z.output<typeof Parameter>;

const Behaviour = z
  .strictObject({
    model: z.string().default('state-dependent').describe('Response model: `state-dependent`, `fixed` or `always-comply`.'),
  })
  .catchall(NumberOrParameter)
  .describe('The response model and its settings (numbers or parameter ids).');
export type Behaviour = z.output<typeof Behaviour>;

const RedLine = z.strictObject({
  id: Id,
  text: z.string().describe('The red line in plain words.'),
  when: Expression.describe('The truce collapses on the first day this condition holds.'),
  source: SourceRef.optional(),
});
export type RedLine = z.output<typeof RedLine>;

export const Party = z
  .strictObject({
    name: z.string().optional(),
    role: z.enum(['principal', 'mediator', 'guarantor']).default('principal'),
    counterpart: Id.optional().describe('The party whose grievance a violation raises; default: the other principal.'),
    behaviour: Behaviour.optional(),
    trust: NumberOrParameter.default(0.5).describe('Initial trust in the counterpart, 0..1.'),
    grievance: NumberOrParameter.default(0).describe('Initial grievance, 0..1.'),
    'domestic-pressure': NumberOrParameter.default(0).describe('Initial domestic pressure against the deal, 0..1.'),
    'breaking-point': NumberOrParameter.default(1).describe('Grievance at which this party abandons the truce.'),
    'red-lines': z.array(RedLine).default([]),
    pressure: NumberOrParameter.default(0.2).describe('Mediators and guarantors: pressure added to a party that violates.'),
    guarantees: Id.optional().describe('Guarantors: the party the guarantee is given to.'),
    'withdraw-when': Expression.optional().describe('Guarantors: the guarantee is withdrawn on the first day this holds.'),
    source: SourceRef.optional(),
  })
  .transform(({ 'domestic-pressure': domesticPressure, 'breaking-point': breakingPoint, 'red-lines': redLines, 'withdraw-when': withdrawWhen, ...rest }) => ({
    ...rest,
    domesticPressure,
    breakingPoint,
    redLines,
    withdrawWhen,
  }));
export type Party = z.output<typeof Party>;

const Count = z.number().int({ error: 'counts are whole numbers' }).min(0, { error: 'counts are whole and not negative' }).max(BOUNDS.count, { error: `counts are at most ${BOUNDS.count.toLocaleString('en')}` });

export const Stock = z
  .strictObject({
    name: z.string().optional(),
    'held-by': Id.describe('The party that holds this stock and releases it.'),
    count: z.union([Count, z.record(Id, Count)]).describe('How many are held at the start: a number, or counts per category like `{ alive: 10, deceased: 18 }`.'),
    unit: z.string().optional().describe('Singular noun for narrative, e.g. `captive`.'),
    source: SourceRef.optional(),
  })
  .transform(({ 'held-by': heldBy, count, ...rest }) => ({
    ...rest,
    heldBy,
    count: typeof count === 'number' ? { all: count } : count,
  }));
export type Stock = z.output<typeof Stock>;

export const Zone = z
  .strictObject({
    name: z.string().optional(),
    'held-by': Id.describe('The party whose forces are in the zone at the start.'),
    'width-m': NumberOrParameter.optional().describe('Width in metres, for buffer zones.'),
    source: SourceRef.optional(),
  })
  .transform(({ 'held-by': heldBy, 'width-m': widthM, ...rest }) => ({ ...rest, heldBy, widthM }));
export type Zone = z.output<typeof Zone>;

export const Crossing = z.strictObject({
  name: z.string().optional(),
  open: z.boolean().default(false).describe('Open at the start?'),
  source: SourceRef.optional(),
});
export type Crossing = z.output<typeof Crossing>;

export const OBLIGATION_KINDS = [
  'release',
  'exchange',
  'disclose',
  'withdraw',
  'admit-aid',
  'open-crossing',
  'halt-operations',
  'return-displaced',
  'start-talks',
  'recover-remains',
  'generic',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

const Quantity = z.union([Count, z.record(Id, Count)]).describe('How many: a number, or per category like `{ alive: 2, deceased: 3 }`.');

export const Obligation = z
  .strictObject({
    id: Id,
    kind: z.enum(OBLIGATION_KINDS, { error: `kind is one of: ${OBLIGATION_KINDS.join(', ')}` }),
    party: Id.describe('The party that must carry it out.'),
    text: z.string().optional().describe('What is promised, in plain words; used in the narrative.'),
    phase: Id.optional().describe('The phase whose days `day`, `days`, `every` and `by` count from; default: the first phase.'),
    day: DayNumber.optional().describe('Due on this day of its phase (day 1 is the first day).'),
    days: z.array(DayNumber).min(1).optional().describe('Due on each of these days.'),
    every: Days.optional().describe('Due every N days, from `from` (default day 1) until `until` (default the phase end).'),
    from: DayNumber.optional(),
    until: DayNumber.optional(),
    after: Id.optional().describe('Due when this obligation is carried out (fully or in part), plus `wait` days.'),
    wait: Days.optional().describe('With `after`: days to wait after it (default 0, the same day).'),
    by: DayNumber.optional().describe('A deadline: due on this day, no delay allowed.'),
    alongside: z.string().optional().describe('Due on every day an obligation with this id or kind falls due, e.g. `exchange`.'),
    grace: Days.optional().describe('Total days it may be delayed before counting as violated (default 3; 0 with `by`).'),
    stock: Id.optional().describe('release / exchange / disclose / recover-remains: the stock that moves.'),
    quantity: Quantity.optional(),
    ratio: z.union([z.number().positive().max(BOUNDS.ratio, { error: `a ratio is at most ${BOUNDS.ratio}` }), z.string()]).optional().describe('exchange: how many per unit released, e.g. `3` or `3 prisoners per captive`.'),
    category: Id.optional().describe('exchange with a ratio: the category released (default: the first).'),
    'in-return-for': Id.optional().describe('exchange: the release this pays for; its size scales with what that release actually freed.'),
    zone: Id.optional().describe('withdraw: the zone left.'),
    crossing: Id.optional().describe('open-crossing: the crossing opened.'),
    trucks: NumberOrParameter.optional().describe('admit-aid: trucks admitted each time it is carried out.'),
    hours: z.union([z.number().positive().max(BOUNDS.hours, { error: `at most ${BOUNDS.hours} hours a day` }), z.string()]).optional().describe('halt-operations: hours a day, e.g. `10-12`.'),
    people: NumberOrParameter.optional().describe('return-displaced: people allowed to return.'),
    source: SourceRef.optional(),
  })
  .transform(({ 'in-return-for': inReturnFor, ...rest }) => ({ ...rest, inReturnFor }));
export type Obligation = z.output<typeof Obligation>;

const ExtensionRule = z.union([
  z.strictObject({
    while: Expression.describe('Extend while this condition holds at the end of the phase.'),
    days: ExtensionDays,
    chance: NumberOrParameter.default(1).describe('Probability the extension is agreed when the condition holds.'),
    source: SourceRef.optional(),
  }),
  z
    .strictObject({
      'per-release': z
        .strictObject({
          party: Id.describe('The party that releases more.'),
          stock: Id,
          count: Count.min(1, { error: 'at least 1' }).describe('How many further releases buy the extension.'),
          category: Id.optional(),
          days: ExtensionDays.default(1),
          exchange: z
            .strictObject({ party: Id, stock: Id, ratio: z.number().positive().max(BOUNDS.ratio, { error: `a ratio is at most ${BOUNDS.ratio}` }), category: Id.optional() })
            .optional()
            .describe('The counterpart release at a ratio, like `{ party: israel, stock: prisoners, ratio: 3 }`.'),
        }),
      source: SourceRef.optional(),
    })
    .transform(({ 'per-release': perRelease, source }) => ({ perRelease, source })),
  z.strictObject({
    mediator: Id.describe('A mediator who can broker an extension.'),
    while: Expression.optional().describe('Only while this condition holds at the end of the phase.'),
    days: ExtensionDays,
    chance: NumberOrParameter.describe('Probability the mediator secures it at the end of the phase.'),
    source: SourceRef.optional(),
  }),
], { error: 'an extension rule has `while` + `days`, `per-release`, or `mediator` + `days` + `chance`' });
export type ExtensionRule = z.output<typeof ExtensionRule>;

export const Phase = z.strictObject({
  id: Id,
  name: z.string().optional(),
  length: Days.optional().describe('Days the phase lasts. Omit for a final phase that ends the run when reached.'),
  final: z.boolean().default(false).describe('Reaching this phase ends the run with outcome `advanced`.'),
  extensions: z
    .strictObject({
      max: Days.describe('Most extra days in all.'),
      rules: z.array(ExtensionRule).min(1),
    })
    .optional(),
  gate: z
    .strictObject({
      requires: Expression.describe('Must hold at the end of the phase to enter the next one.'),
      otherwise: z.enum(['stalled', 'collapsed', 'completed']).default('stalled').describe('Outcome when it does not hold.'),
      text: z.string().optional(),
      source: SourceRef.optional(),
    })
    .optional(),
  source: SourceRef.optional(),
});
export type Phase = z.output<typeof Phase>;

export const Incident = z
  .strictObject({
    id: Id,
    text: z.string().describe('What happens, for the narrative.'),
    day: DayNumber.optional().describe('Happens on this truce day.'),
    chance: NumberOrParameter.optional().describe('Or: daily probability (each day from `from` to `until`).'),
    from: DayNumber.optional(),
    until: DayNumber.optional(),
    effects: z
      .record(
        Id,
        z.strictObject({
          trust: z.number().min(-BOUNDS.effect).max(BOUNDS.effect, { error: 'an effect adds between -1 and 1' }).optional(),
          grievance: z.number().min(-BOUNDS.effect).max(BOUNDS.effect, { error: 'an effect adds between -1 and 1' }).optional(),
          'domestic-pressure': z.number().min(-BOUNDS.effect).max(BOUNDS.effect, { error: 'an effect adds between -1 and 1' }).optional(),
          pressure: z.number().min(-BOUNDS.effect).max(BOUNDS.effect, { error: 'an effect adds between -1 and 1' }).optional().describe('Mediator pressure on this party.'),
        }),
      )
      .default({})
      .describe('Per party: amounts added to its state, e.g. `israel: { grievance: 0.2 }`.'),
    'collapse-chance': NumberOrParameter.default(0).describe('Probability this incident ends the truce.'),
    source: SourceRef.optional(),
  })
  .transform(({ 'collapse-chance': collapseChance, ...rest }) => ({ ...rest, collapseChance }));
export type Incident = z.output<typeof Incident>;

export const Scenario = z.strictObject({
  parley: z.literal(1, { error: 'this is a Parley scenario file of format version 1: write `parley: 1`' }),
  id: Id,
  title: z.string(),
  summary: z.string().optional(),
  period: z.string().optional().describe('When the talks or truce happened, e.g. `July 2025`.'),
  sources: z.record(Id, SourceObject).default({}),
  source: SourceRef.optional().describe('The main source of the scenario.'),
  parameters: z.record(Id, Parameter).default({}),
  parties: z.record(Id, Party),
  stocks: z.record(Id, Stock).default({}),
  zones: z.record(Id, Zone).default({}),
  crossings: z.record(Id, Crossing).default({}),
  phases: z.array(Phase).min(1),
  obligations: z.array(Obligation).default([]),
  incidents: z.array(Incident).default([]),
  targets: ScenarioTargets,
  settings: z
    .strictObject({
      'max-delay': Days.default(3).describe('Longest single delay a party may take.'),
      reciprocity: NumberOrParameter.default(0.2).describe('Grievance added to the counterpart by a violation.'),
    })
    .default({ 'max-delay': 3, reciprocity: 0.2 })
    .transform(({ 'max-delay': maxDelay, reciprocity }) => ({ maxDelay, reciprocity })),
  ...historySections(Id, SourceRef),
});
export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
