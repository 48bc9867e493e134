/**
 * The scenario format, v1. This zod schema is the single source of the Scenario type
 * (`z.output`) and of the JSON Schema writers get autocomplete from (`z.toJSONSchema`, input side).
 * Shape only: references, cycles, day ranges and stock sufficiency are checked in `checks.ts`.
 * Obligations are a discriminated union of the kinds in `kinds/registry.ts`, one module per kind.
 */
import * as z from 'zod';
import { Briefing } from './briefing.ts';
import { historySections } from './history.ts';
import { Obligation } from './kinds/registry.ts';
import { BoundedNumber, Count, DayNumber, Days, DaysOrParameter, Expression, ExtensionDaysOrParameter, Id, NumberOrParameter, RatioOrParameter, SourceObject, SourceRef } from './primitives.ts';
import { ScenarioTargets } from './targets.ts';
import { Talks } from './talks.ts';
import { Reflection } from './reflection.ts';

export { ID_PATTERN, Id, Days, NumberOrParameter, Expression, SourceRef, Count, Quantity } from './primitives.ts';
export { Obligation, OBLIGATION_KINDS, type ObligationKind } from './kinds/registry.ts';
export { Briefing, BriefingItem, BRIEFING_SECTIONS, type BriefingSection } from './briefing.ts';
export { ReflectionItem } from './reflection.ts';

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
    briefing: Briefing.optional(),
  })
  .transform(({ 'domestic-pressure': domesticPressure, 'breaking-point': breakingPoint, 'red-lines': redLines, 'withdraw-when': withdrawWhen, ...rest }) => ({
    ...rest,
    domesticPressure,
    breakingPoint,
    redLines,
    withdrawWhen,
  }));
export type Party = z.output<typeof Party>;


export const Stock = z
  .strictObject({
    name: z.string().optional(),
    'held-by': Id.describe('The party that holds this stock and releases it.'),
    count: z.union([Count, z.record(Id, Count).refine((counts) => Object.keys(counts).length > 0, { error: 'a stock needs at least one category, e.g. `{ alive: 10 }`, or a single number' })]).describe('How many are held at the start: a number, or counts per category like `{ alive: 10, deceased: 18 }`.'),
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


const ExtensionRule = z.union([
  z.strictObject({
    while: Expression.describe('Extend while this condition holds at the end of the phase.'),
    days: ExtensionDaysOrParameter,
    chance: NumberOrParameter.default(1).describe('Probability the extension is agreed when the condition holds.'),
    source: SourceRef.optional(),
  }),
  z
    .strictObject({
      'per-release': z
        .strictObject({
          party: Id.describe('The party that releases more.'),
          stock: Id,
          count: z.union([Count.min(1, { error: 'at least 1' }), Id], { error: 'expected a whole number, at least 1, or the name of a parameter' }).describe('How many further releases buy the extension (a number or a parameter).'),
          category: Id.optional(),
          days: ExtensionDaysOrParameter.default(1),
          exchange: z
            .strictObject({ party: Id, stock: Id, ratio: RatioOrParameter, category: Id.optional() })
            .optional()
            .describe('The counterpart release at a ratio, like `{ party: israel, stock: prisoners, ratio: 3 }`.'),
        }),
      source: SourceRef.optional(),
    })
    .transform(({ 'per-release': perRelease, source }) => ({ perRelease, source })),
  z.strictObject({
    mediator: Id.describe('A mediator who can broker an extension.'),
    while: Expression.optional().describe('Only while this condition holds at the end of the phase.'),
    days: ExtensionDaysOrParameter,
    chance: NumberOrParameter.describe('Probability the mediator secures it at the end of the phase.'),
    source: SourceRef.optional(),
  }),
], { error: 'an extension rule has `while` + `days`, `per-release`, or `mediator` + `days` + `chance`' });
export type ExtensionRule = z.output<typeof ExtensionRule>;

export const Phase = z.strictObject({
  id: Id,
  name: z.string().optional(),
  length: Days.optional().describe('Days the phase lasts. Omit for a final phase that ends the run when reached, or for an open-ended phase with `ends-when`.'),
  'ends-when': Expression.optional().describe('The phase ends at the end of the first day this condition holds (checked after the day\'s checks); without `length` it is open-ended, bounded by the truce\'s 3,650 days.'),
  final: z.boolean().default(false).describe('Reaching this phase ends the run with outcome `advanced`.'),
  extensions: z
    .strictObject({
      max: DaysOrParameter.describe('Most extra days in all (days or a parameter).'),
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
}).transform(({ 'ends-when': endsWhen, ...rest }) => ({ ...rest, endsWhen }));
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
          trust: NumberOrParameter.optional(),
          grievance: NumberOrParameter.optional(),
          'domestic-pressure': NumberOrParameter.optional(),
          pressure: NumberOrParameter.optional().describe('Mediator pressure on this party.'),
        }),
      )
      .default({})
      .describe('Per party: amounts added to its state (-1 to 1, numbers or parameters), e.g. `israel: { grievance: 0.2 }`.'),
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
  talks: Talks.optional(),
  reflection: Reflection,
  settings: z
    .strictObject({
      'max-delay': DaysOrParameter.default(3).describe('Longest single delay a party may take (days or a parameter).'),
      reciprocity: NumberOrParameter.default(0.2).describe('Grievance added to the counterpart by a violation.'),
      'grievance-decay': NumberOrParameter.default(0.05).describe('Share of every grievance that fades at the end of each day (0.05: half gone in about 14 days).'),
    })
    .default({ 'max-delay': 3, reciprocity: 0.2, 'grievance-decay': 0.05 })
    .transform(({ 'max-delay': maxDelay, reciprocity, 'grievance-decay': grievanceDecay }) => ({ maxDelay, reciprocity, grievanceDecay })),
  ...historySections(Id, SourceRef),
});
export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
