/**
 * A party's role briefing: what a student playing it reads before the run. Goals, constituencies,
 * red lines, the pressure on it and its levers, each a list of short texts that may cite a source
 * (like every other term), and an optional one-paragraph summary. Text only: the engine never reads it.
 */
import * as z from 'zod';
import { SourceRef } from './primitives.ts';

/** One line of a briefing: plain text, or `{ text, source }`. Read as `{ text, source? }`. */
export const BriefingItem = z
  .union([
    z.string(),
    z.strictObject({
      text: z.string().describe('The line in plain words.'),
      source: SourceRef.optional(),
    }),
  ], { error: 'a briefing line is a text, or `{ text: ..., source: ... }`' })
  .transform((item) => (typeof item === 'string' ? { text: item } : item))
  .refine((item) => item.text.trim() !== '', { error: 'a briefing line needs some text' })
  .describe('A short line: plain text, or `{ text, source }` to cite where it comes from.');
export type BriefingItem = z.output<typeof BriefingItem>;

/** The lists of a briefing in the order a student reads them: key once read, field as written, and the heading each is shown under. */
export const BRIEFING_SECTIONS = [
  { key: 'goals', field: 'goals', heading: 'Goals', describe: 'What the party wants from the deal.' },
  { key: 'constituencies', field: 'constituencies', heading: 'Who it answers to', describe: 'Who the party answers to: voters, partners, factions, patrons.' },
  { key: 'redLines', field: 'red-lines', heading: 'Red lines', describe: 'What it will not accept (in words; a red line that ends the truce is written under `red-lines`).' },
  { key: 'pressure', field: 'pressure', heading: 'Pressure on it', describe: 'What pushes it toward or away from the deal.' },
  { key: 'levers', field: 'levers', heading: 'Levers', describe: 'What it can do to move the others.' },
] as const;
export type BriefingSection = (typeof BRIEFING_SECTIONS)[number]['key'];

const list = (describe: string) => z.array(BriefingItem).default([]).describe(describe);

export const Briefing = z
  .strictObject({
    summary: z.string().optional().describe('One paragraph: who this party is in the deal and what it is after.'),
    goals: list(BRIEFING_SECTIONS[0].describe),
    constituencies: list(BRIEFING_SECTIONS[1].describe),
    'red-lines': list(BRIEFING_SECTIONS[2].describe),
    pressure: list(BRIEFING_SECTIONS[3].describe),
    levers: list(BRIEFING_SECTIONS[4].describe),
  })
  .transform(({ 'red-lines': redLines, ...rest }) => ({ ...rest, redLines }))
  .describe('The role briefing a student playing this party reads before the run.');
export type Briefing = z.output<typeof Briefing>;
