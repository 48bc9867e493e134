import type { Scenario } from '../../scenario/core.ts';
import { dayLabel } from '../logic/day-label.ts';
import type { RecordStart } from './useRecordStart.ts';

/** The quick batch's start, for a scenario with a record: day 1 with the models, or the record through a day. */
export function QuickBatchStart({ scenario, start, running }: { scenario: Scenario; start: RecordStart; running: boolean }) {
  const { useRecord, last, typedDay, suggestedDay, dayOk, recordDay, setFromRecord, setTypedDay } = start;
  return (
    <fieldset className="qb-start" disabled={running}>
      <legend>Start</legend>
      <label>
        <input type="radio" name="qb-start" checked={!useRecord} onChange={() => setFromRecord(false)} /> day 1, the models throughout
      </label>
      <label>
        <input type="radio" name="qb-start" checked={useRecord} onChange={() => setFromRecord(true)} /> the record through day
      </label>{' '}
      <input
        type="number"
        className="qb-day"
        aria-label="Quick batch: follow the record through day"
        min={1}
        max={last - 1}
        value={typedDay}
        placeholder={String(suggestedDay)}
        onChange={(e) => {
          setTypedDay(e.target.value);
          setFromRecord(true);
        }}
      />
      {useRecord && <span className="hint"> {dayOk ? `${dayLabel(scenario, recordDay)}, then the models` : `a day from 1 to ${last - 1}`}</span>}
    </fieldset>
  );
}
