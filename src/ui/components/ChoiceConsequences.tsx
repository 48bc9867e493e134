import type { ChoiceConsequences as Consequences } from '../logic/consequences.ts';
import { changeText, helpsTheDeal } from '../logic/consequences.ts';
import { responseText } from '../logic/responses.ts';

/** What the answer just given changed, beside the decision, until the student moves on. */
export function ChoiceConsequences({ consequences: c }: { consequences: Consequences }) {
  const who = c.chosen ? 'Your choice' : `The model's answer for ${c.partyName}`;
  return (
    <section className="consequences" aria-labelledby="consequences-title" data-testid="consequences">
      <h2 id="consequences-title" className="consequences-title">
        What {c.chosen ? 'your choice' : 'that answer'} changed
        {c.response && <span className="consequences-response"> · {who}: {responseText(c.response, c.kind).label.toLowerCase()}</span>}
      </h2>
      <p className="consequences-said">{c.said}</p>
      {c.changes.length > 0 ? (
        <ul className="consequences-changes">
          {c.changes.map((p) => (
            <li key={p.party} data-party={p.party}>
              <strong>{p.name}</strong>:{' '}
              {p.changes.map((m, i) => (
                <span key={m.meter} className={helpsTheDeal(m) ? 'change-helps' : 'change-hurts'}>
                  {i > 0 && ', '}
                  {changeText(m)}
                </span>
              ))}
              {p.because.length > 0 && <span className="consequences-why"> — {p.because.join('; ')}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Nobody's trust, grievance or pressure moved.</p>
      )}
      {c.changes.length > 0 && <p className="hint">Green makes complying likelier in the model, red less likely.{c.atDayEnd && ` These reactions take effect when day ${c.day} closes.`}</p>}
      {c.followed.length > 0 && (
        <>
          <p className="consequences-then">Also, before the next decision:</p>
          <ul className="consequences-followed">
            {c.followed.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
