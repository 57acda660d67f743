import { useContext } from 'react';
import { StoreContext, useField } from './store-context';

/**
 * Right after a send: how many promises Rapport found (they wait in the Promises panel for
 * a confirm) and which commitments had no real time, so the next reply gives one.
 */
export function AfterSend({ customerId }: { customerId?: string | undefined }) {
  const store = useContext(StoreContext);
  const after = useField('afterSend') ?? null;
  if (!after || (!after.captured && !after.nudges.length)) return null;
  // Switched to another conversation since: that reply's notice is not about this customer.
  if ((after.customerId ?? null) !== (customerId ?? null)) return null;
  return (
    <section className="after-send" aria-label="From your last reply" data-testid="after-send">
      {after.captured > 0 && (
        <p>
          Rapport found {after.captured} {after.captured === 1 ? 'promise' : 'promises'} in the reply you sent. Confirm {after.captured === 1 ? 'it' : 'them'} under Promises to be reminded.
        </p>
      )}
      {after.nudges.length > 0 && (
        <ul className="nudges">
          {after.nudges.map((n, i) => (
            <li key={i} data-testid="time-nudge">
              <q>{n.text}</q> {n.message}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={() => store?.set({ afterSend: null })}>
        Got it
      </button>
    </section>
  );
}
