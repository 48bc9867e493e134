/**
 * The small value types every part of the scenario format is written in: ids, days, numbers or
 * parameters, conditions, sources, counts and quantities. Shared by schema.ts and the kind modules.
 */
import * as z from 'zod';
import { BOUNDS } from './bounds.ts';

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
export const ExtensionDays = days(1);

/** Days, or a parameter whose value (rounded to whole days) is used: analysts sweep grace, delays, extensions. */
function daysOrParameter(least: number) {
  const atLeast = `at least ${least} day${least === 1 ? '' : 's'}`;
  return z
    .union([z.number(), z.string()], { error: 'expected a whole number of days (like `7` or `7 days`) or the name of a parameter' })
    .transform((value) => (typeof value === 'string' && DAYS_PATTERN.test(value) ? Number(DAYS_PATTERN.exec(value)![1]) : value))
    .refine((v) => typeof v === 'number' || ID_PATTERN.test(v), { error: 'write a whole number of days, like `7` or `7 days`, or the name of a parameter' })
    .refine((v) => typeof v === 'string' || Number.isInteger(v), { error: 'days are whole numbers' })
    .refine((v) => typeof v === 'string' || v >= least, { error: atLeast })
    .refine((v) => typeof v === 'string' || v <= BOUNDS.truceDays, { error: TOO_MANY_DAYS });
}
export const DaysOrParameter = daysOrParameter(0).describe('Whole days (`7`, `7 days`) or the id of a parameter.');
export const ExtensionDaysOrParameter = daysOrParameter(1).describe('Whole days, at least 1, or the id of a parameter.');
export type DaysOrParameter = z.output<typeof DaysOrParameter>;

/** A day of a phase or of the truce: 1 is the first. */
export const DayNumber = z.number().int().min(1).max(BOUNDS.truceDays, { error: `a day is at most ${BOUNDS.truceDays.toLocaleString('en')}` });

/** Any number a scenario writes directly, within the bounds every calculation stays exact in. */
export const BoundedNumber = z.number().min(-BOUNDS.magnitude, { error: `numbers are at least -${BOUNDS.magnitude.toLocaleString('en')}` }).max(BOUNDS.magnitude, { error: `numbers are at most ${BOUNDS.magnitude.toLocaleString('en')} in size` });

/** A number, or the name of a declared parameter whose value is used instead. */
export const NumberOrParameter = z
  .union([z.number().min(-BOUNDS.magnitude, { error: `numbers are at least -${BOUNDS.magnitude.toLocaleString('en')}` }).max(BOUNDS.magnitude, { error: `numbers are at most ${BOUNDS.magnitude.toLocaleString('en')} in size` }), Id], { error: 'expected a number or the name of a parameter' })
  .describe('A number, or the id of a parameter declared under `parameters`.');
export type NumberOrParameter = z.output<typeof NumberOrParameter>;

/** A condition in Parley's small expression language (see docs/scenario-format.md). */
export const Expression = z.string().min(1).max(BOUNDS.conditionLength, { error: `a condition is at most ${BOUNDS.conditionLength.toLocaleString('en')} characters` }).describe('A condition, e.g. `done(first-release) and held(captives) > 0`.');

export const SourceObject = z
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


export const Count = z.number().int({ error: 'counts are whole numbers' }).min(0, { error: 'counts are whole and not negative' }).max(BOUNDS.count, { error: `counts are at most ${BOUNDS.count.toLocaleString('en')}` });

/** A count, or a parameter whose value (rounded to a whole count when a run starts) is used: analysts sweep quantities. */
export const CountOrParameter = z
  .union([Count, Id], { error: (issue) => (issue.code === 'invalid_union' ? (typeof issue.input === 'number' ? 'counts are whole numbers' : 'expected a whole count or the name of a parameter') : undefined) })
  .describe('A whole count, or the id of a parameter.');
export type CountOrParameter = z.output<typeof CountOrParameter>;

const QuantityByCategory = z.record(Id, CountOrParameter);

/** Says what is wrong inside a quantity (the first problem of the shape it was written in), not just that it is invalid. */
function quantityProblem(issue: { code?: string; input?: unknown }): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const isMapping = typeof issue.input === 'object' && issue.input !== null;
  const first = (isMapping ? QuantityByCategory : CountOrParameter).safeParse(issue.input).error?.issues[0];
  if (!first) return undefined;
  return first.path.length > 0 ? `\`${first.path.map(String).join('.')}\`: ${first.message}` : first.message;
}

export const Quantity = z
  .union([CountOrParameter, QuantityByCategory], { error: quantityProblem })
  .describe('How many: a count or a parameter, or per category like `{ alive: 2, deceased: released-dead }`.');
export type Quantity = z.output<typeof Quantity>;

/** Units given per unit released (an exchange's `ratio`): a number from 0 to the bound, or a parameter. */
export const RatioOrParameter = z
  .union([z.number().min(0, { error: `a ratio is from 0 to ${BOUNDS.ratio}` }).max(BOUNDS.ratio, { error: `a ratio is at most ${BOUNDS.ratio}` }), Id], { error: 'expected a ratio (a number from 0 to 1000) or the name of a parameter' })
  .describe('Units given per unit released: a number from 0 to 1000, or the id of a parameter.');
export type RatioOrParameter = z.output<typeof RatioOrParameter>;
