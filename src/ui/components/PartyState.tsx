import type { PartyMeters } from '../logic/counters.ts';
import { Meter } from './Meter.tsx';

/** A principal's trust, grievance and pressures, which drive its chances of complying. */
export function PartyState({ party }: { party: PartyMeters }) {
  return (
    <div className="party" data-party={party.id}>
      <h3>
        {party.name}
        <span className="party-counts">
          {party.violations} violation{party.violations === 1 ? '' : 's'} · {party.delays} delay{party.delays === 1 ? '' : 's'}
        </span>
      </h3>
      <Meter label="Trust" value={party.trust} kind="good" />
      <Meter label="Grievance" value={party.grievance} kind="bad" limit={party.breakingPoint} limitLabel="walks away" />
      <Meter label="Domestic pressure" value={party.domesticPressure} kind="bad" />
      <Meter label="Mediator pressure" value={party.mediatorPressure} kind="push" />
    </div>
  );
}
