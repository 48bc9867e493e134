/** What the talks leave behind: the notes round by round and how they ended (the rounds themselves: table.ts). */
import type { SourceRef } from '../../scenario/core.ts';
import type { RunKey } from '../rng.ts';
import type { CompiledTalks } from './compile.ts';
import { TalksTable } from './table.ts';

export type TalksNoteType = 'event' | 'lever' | 'offer' | 'mediator' | 'deal' | 'breakdown';

export interface TalksNote {
  round: number;
  /** YYYY-MM-DD, when the talks or the scenario have a start date. */
  date?: string;
  type: TalksNoteType;
  party?: string;
  text: string;
  values?: number[];
  source?: SourceRef;
}

export interface TalksResult {
  deal: boolean;
  /** The round the talks ended in. */
  round: number;
  /** Whose offer or proposal was accepted. */
  by?: string;
  /** The agreed value per issue (in issue order). */
  values?: number[];
  /** Why there is no deal. */
  cause?: string;
  /** Guarantors whose threat came true: the truce starts without their guarantee. */
  withdrawnGuarantees: string[];
  notes: TalksNote[];
}

/** The talks run through without a person at the table (table.ts). */
export function negotiate(talks: CompiledTalks, key: RunKey, options: { trace: boolean; truceStart?: string }): TalksResult {
  return TalksTable.open(talks, key, options).result!;
}
