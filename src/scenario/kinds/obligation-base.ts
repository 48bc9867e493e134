/**
 * The fields every obligation has, whatever its kind: who, what, in which phase, when it falls due
 * (one timing), how much grace it has, and where the term comes from. Written once here; each
 * kind module adds its own fields with `obligationSchema`.
 */
import * as z from 'zod';
import { DayNumber, Days, DaysOrParameter, Expression, Id, NumberOrParameter, SourceRef } from '../primitives.ts';

const BASE = {
  id: Id,
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
  when: Expression.optional().describe('Due on the first day of its phase this condition holds, checked at the start of each day after incidents (once).'),
  during: z.literal('extension', { error: 'the only value is `extension`' }).optional().describe('`extension`: due on each day an extension of its phase adds.'),
  alongside: z.string().optional().describe('Due on every day an obligation with this id or kind falls due, e.g. `exchange`.'),
  grace: DaysOrParameter.optional().describe('Total days it may be delayed before counting as violated (default 3; 0 with `by`); days or a parameter.'),
  behaviour: z
    .strictObject({ model: z.string().optional().describe('A response model for this term only; default: the party\'s.') })
    .catchall(NumberOrParameter)
    .optional()
    .describe('How the party answers this term: settings that override its own (e.g. `base-comply: 0.6`), or another model.'),
  grievance: z
    .strictObject({
      delay: NumberOrParameter.optional().describe('Added to the counterpart\'s grievance by each delay (default reciprocity × 0.25).'),
      partial: NumberOrParameter.optional().describe('By a partial execution (default reciprocity × 0.5).'),
      violate: NumberOrParameter.optional().describe('By a violation, a refusal or an expired delay (default reciprocity).'),
    })
    .optional()
    .describe('How much this term\'s delay, partial execution or failure angers the counterpart, 0..1.'),
  source: SourceRef.optional(),
};

/** The obligation schema of one kind: the shared fields, `kind: <kind>`, and the kind's own fields. */
export function obligationSchema<K extends string, Shape extends z.ZodRawShape>(kind: K, description: string, shape: Shape) {
  return z.strictObject({ kind: z.literal(kind).describe(description), ...BASE, ...shape });
}

/** What every obligation has after parsing, whatever its kind. */
export type ObligationBase = { kind: string } & z.output<z.ZodObject<typeof BASE>>;
