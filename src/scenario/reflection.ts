/**
 * `reflection:` — questions a student reflects on at the end of a run (the debrief shows them).
 * Each item is a question, written plainly or as `{ question, source }`.
 */
import * as z from 'zod';
import { SourceRef } from './primitives.ts';

const Question = z.string().trim().min(1, { error: 'a reflection question needs some text' });

export const ReflectionItem = z
  .union(
    [
      Question,
      z.strictObject({
        question: Question.describe('The question, e.g. `Which release did the extension depend on?`'),
        source: SourceRef.optional().describe('Where the question is grounded: a source id or an inline citation.'),
      }),
    ],
    { error: 'a reflection item is a question, or `{ question, source }`' },
  )
  .transform((item) => (typeof item === 'string' ? { question: item } : item));
export type ReflectionItem = z.output<typeof ReflectionItem>;

export const Reflection = z.array(ReflectionItem).max(20, { error: 'at most 20 reflection questions: pick the ones that matter' }).default([]).describe('Questions for the student at the end of a run (the debrief), each with an optional source.');
