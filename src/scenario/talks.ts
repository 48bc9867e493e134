/**
 * The `talks:` section: negotiations before the truce whose agreed terms become the truce's
 * parameters. Every issue on the table is bound to a declared parameter; a deal sets it (a number,
 * 0/1 for yes/no, the option's index for a choice). Shape only; meaning checks in talks-checks.ts.
 */
import * as z from 'zod';
import { BoundedNumber, Id, NumberOrParameter, SourceRef } from './primitives.ts';

export const TALKS_STRATEGIES = ['boulware', 'linear', 'conceder', 'tit-for-tat', 'hard-liner'] as const;
export type TalksStrategyName = (typeof TALKS_STRATEGIES)[number];

const TalksIssue = z.strictObject({
  id: Id,
  name: z.string().optional(),
  type: z.enum(['number', 'yes-no', 'choice']).default('number').describe('`number` (a range and a step), `yes-no` (0 no, 1 yes) or `choice` (one of `options`, by index).'),
  parameter: Id.describe('The scenario parameter the agreed value sets for the truce.'),
  range: z.tuple([BoundedNumber, BoundedNumber]).optional().describe('Numbers: [lowest, highest] on the table; default: the parameter\'s range.'),
  step: z.number().positive().optional().describe('Numbers: offers move in steps of this size from the lowest value; default 1.'),
  options: z.array(Id).min(2).optional().describe('Choices: the options, in order; the parameter gets the index (0, 1, …).'),
  source: SourceRef.optional(),
});
export type TalksIssue = z.output<typeof TalksIssue>;

/** A value in a position: a number, `yes`/`no` (or true/false), or a choice's option id. */
const PositionValue = z.union([BoundedNumber, z.boolean(), z.string()], { error: 'expected a number, yes/no, or an option' });

const IssuePosition = z.strictObject({
  ideal: PositionValue.describe('What this party asks for.'),
  reservation: PositionValue.describe('Its red line: the worst value it would accept on this issue alone.'),
  weight: z.number().positive().default(1).describe('How much this issue counts for this party (weights are normalised to sum 1).'),
  source: SourceRef.optional(),
});
export type IssuePosition = z.output<typeof IssuePosition>;

const TalksPosition = z
  .strictObject({
    strategy: z.enum(TALKS_STRATEGIES).default('linear').describe('How the party concedes: boulware, linear, conceder, tit-for-tat or hard-liner.'),
    e: NumberOrParameter.optional().describe('Time-based strategies: the concession exponent (e<1 Boulware, 1 linear, e>1 conceder); defaults 0.2, 1, 5.'),
    line: NumberOrParameter.optional().describe('Hard-liner: the utility it never goes below (default 0.5).'),
    'min-step': NumberOrParameter.optional().describe('Tit-for-tat: utility it concedes each round whatever the other side does (default 0).'),
    'walk-below': NumberOrParameter.optional().describe('Walks out when an offer is worth less than this to it (utility; default never).'),
    'walk-after': z.number().int().min(1).optional().describe('…but only from this round on (default 1).'),
    issues: z.record(Id, IssuePosition).describe('Per issue: ideal, reservation (red line), weight.'),
    conceded: z
      .strictObject({
        grievance: NumberOrParameter.default(0.1),
        'domestic-pressure': NumberOrParameter.default(0.1),
      })
      .default({ grievance: 0.1, 'domestic-pressure': 0.1 })
      .describe('Added at the truce\'s start for each red line the deal crossed.'),
    source: SourceRef.optional(),
  })
  .transform(({ 'min-step': minStep, 'walk-below': walkBelow, 'walk-after': walkAfter, conceded, ...rest }) => ({
    ...rest,
    minStep,
    walkBelow,
    walkAfter,
    conceded: { grievance: conceded.grievance, domesticPressure: conceded['domestic-pressure'] },
  }));
export type TalksPosition = z.output<typeof TalksPosition>;

const TalksMediator = z.strictObject({
  method: z.enum(['split-the-difference', 'nash']).describe('How it bridges: the midpoint of the last two offers, or the Nash bargaining point.'),
  from: z.number().int().min(1).default(1).describe('First round it proposes in.'),
  every: z.number().int().min(1).default(1).describe('It proposes every this many rounds.'),
  source: SourceRef.optional(),
});
export type TalksMediator = z.output<typeof TalksMediator>;

const TalksLever = z
  .strictObject({
    by: Id.describe('The mediator or guarantor pulling the lever.'),
    on: Id.describe('The principal it presses.'),
    round: z.number().int().min(1),
    pressure: NumberOrParameter.default(0.2).describe('Added to the pressed side\'s pressure: it concedes faster and may cross its red lines.'),
    'withdraw-guarantee-after': z.number().int().min(1).optional().describe('A guarantee threatened: no deal by this round and the guarantor (`by`) starts the truce without its guarantee.'),
    text: z.string().optional(),
    source: SourceRef.optional(),
  })
  .transform(({ 'withdraw-guarantee-after': withdrawAfter, ...rest }) => ({ ...rest, withdrawAfter }));
export type TalksLever = z.output<typeof TalksLever>;

const TalksEvent = z
  .strictObject({
    id: Id,
    text: z.string(),
    round: z.number().int().min(1),
    chance: NumberOrParameter.default(1).describe('Probability it happens in its round.'),
    pressure: z.record(Id, NumberOrParameter).default({}).describe('Per principal: pressure added (negative hardens).'),
    'break-chance': NumberOrParameter.default(0).describe('Probability that, when it happens, the talks break down.'),
    source: SourceRef.optional(),
  })
  .transform(({ 'break-chance': breakChance, ...rest }) => ({ ...rest, breakChance }));
export type TalksEvent = z.output<typeof TalksEvent>;

export const Talks = z
  .strictObject({
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'write the date of round 1 as YYYY-MM-DD' }).optional().describe('The date of round 1 (one round is one day).'),
    deadline: z.number().int().min(1).max(365).describe('Rounds (days) before the talks break down without a deal.'),
    opens: Id.describe('The principal that makes the first offer.'),
    issues: z.array(TalksIssue).min(1),
    positions: z.record(Id, TalksPosition).describe('Exactly two principals\' positions.'),
    mediators: z.record(Id, TalksMediator).default({}),
    levers: z.array(TalksLever).default([]),
    events: z.array(TalksEvent).default([]),
    source: SourceRef.optional(),
  })
  .describe('Talks before the truce: the agreed values become the truce\'s parameters.');
export type Talks = z.output<typeof Talks>;
