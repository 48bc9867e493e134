import { useState } from 'react';
import type { Scenario } from '../../scenario/core.ts';
import { ParleyContext } from '../logic/app-context.ts';
import { selectBranch, selectView } from '../logic/selectors.ts';
import { hasRecord, recordLastDay } from '../logic/record-follow.ts';

/**
 * Where a quick batch starts: day 1 with the models, or from the record through a day — by default
 * when the branch follows the record, from its day (or today on the record as it happened).
 */
export function useRecordStart(scenario: Scenario) {
  const follow = ParleyContext.useSelector((s) => selectBranch(s).follow);
  const model = ParleyContext.useSelector((s) => selectBranch(s).model);
  const today = ParleyContext.useSelector((s) => selectView(s).day);
  const record = hasRecord(scenario);
  const last = record ? recordLastDay(model) : 0;
  const [fromRecord, setFromRecord] = useState<boolean | undefined>(undefined);
  const [typedDay, setTypedDay] = useState('');
  const useRecord = record && (fromRecord ?? follow !== undefined);
  const suggestedDay = Math.min(Math.max(1, typeof follow === 'number' ? follow : today), Math.max(1, last - 1));
  const recordDay = typedDay.trim() === '' ? suggestedDay : Number(typedDay);
  const dayOk = Number.isInteger(recordDay) && recordDay >= 1 && recordDay < last;
  const recordUntil = useRecord ? recordDay : undefined;
  /** Back to the default start (another scenario opened). */
  const reset = () => {
    setFromRecord(undefined);
    setTypedDay('');
  };
  return { record, last, useRecord, suggestedDay, recordDay, dayOk, recordUntil, typedDay, setTypedDay, setFromRecord, reset };
}

export type RecordStart = ReturnType<typeof useRecordStart>;
