import { useState } from 'react';
import { ParleyContext } from '../logic/app-context.ts';
import { selectBranch } from '../logic/selectors.ts';

/** The seed of the random draws: the same seed gives the same run. */
export function SeedField() {
  const { send } = ParleyContext.useActorRef();
  const seed = ParleyContext.useSelector((s) => selectBranch(s).seed);
  const [draft, setDraft] = useState(seed);
  const [shown, setShown] = useState(seed);
  if (shown !== seed) {
    setShown(seed);
    setDraft(seed);
  }
  const apply = () => {
    if (draft.trim() !== '' && draft.trim() !== seed) send({ type: 'seed.set', seed: draft });
    else setDraft(seed);
  };
  return (
    <form
      className="field seed"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label htmlFor="seed-input">Seed</label>
      <input id="seed-input" value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={apply} size={8} spellCheck={false} autoComplete="off" />
      <button type="button" onClick={() => send({ type: 'seed.set', seed: String(Math.floor(Math.random() * 1_000_000)) })} title="Roll the dice again: a new random seed">
        New seed
      </button>
    </form>
  );
}
