import { ParleyContext } from '../logic/app-context.ts';
import { playableParties } from '../logic/run-ops.ts';
import { selectModel, selectPlaying } from '../logic/selectors.ts';

/**
 * Which party the student plays: at its decisions the student chooses; the others follow the model.
 * A mediator's or guarantor's decisions are its levers (press, keep or withdraw a guarantee, broker an extension).
 */
export function PlayAs() {
  const { send } = ParleyContext.useActorRef();
  const model = ParleyContext.useSelector(selectModel);
  const playing = ParleyContext.useSelector(selectPlaying);
  return (
    <label className="field">
      <span>I play</span>
      <select value={playing ?? ''} onChange={(e) => send({ type: 'play', party: e.target.value || undefined })}>
        <option value="">nobody (watch the model)</option>
        {playableParties(model).map((p) => (
          <option key={p.id} value={p.id}>
            {p.role === 'principal' ? p.name : `${p.name} (${p.role})`}
          </option>
        ))}
      </select>
    </label>
  );
}
