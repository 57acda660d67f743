import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { askedAgain, factsGiven, type GivenFact } from '@/lib/told-us';
import { customerQueries } from '@/lib/queries/customers';
import { useField } from './store-context';

const knownKinds = new Set<string>(['order-number', 'account-number', 'fault', 'troubleshooting', 'identity-verified', 'email', 'phone', 'address']);

/**
 * "They gave their order number on 12 March": the draft asks the customer for something they
 * already told us (in this conversation or an earlier contact). Follows the draft like the
 * reply check, so typing re-renders this and nothing around it.
 */
export function ToldUs({ customerId, message, contactKey }: { customerId?: string | undefined; message?: string | undefined; contactKey?: string | undefined }) {
  const draft = useField('draft') ?? '';
  const stored = useQuery({ ...customerQueries.facts(customerId ?? ''), enabled: !!customerId });
  const fromPage = useMemo(
    () => (message ? factsGiven([{ text: message, at: Date.now(), source: 'message', ...(contactKey ? { contactKey } : {}) }]) : []),
    [message, contactKey],
  );
  const facts = useMemo(
    () => [...fromPage, ...((stored.data ?? []).filter((f) => knownKinds.has(f.kind)) as GivenFact[])],
    [fromPage, stored.data],
  );
  const warnings = useMemo(
    () => (draft.trim() && facts.length ? askedAgain(draft, facts, { now: Date.now(), ...(contactKey ? { currentContactKey: contactKey } : {}) }) : []),
    [draft, facts, contactKey],
  );
  if (!warnings.length) return null;
  return (
    <section className="told-us" role="status" aria-label="They already told us" data-testid="told-us">
      <strong>They already told us:</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={`${w.kind}-${i}`} data-kind={w.kind}>
            {w.end > w.start && <q>{draft.slice(w.start, w.end)}</q>} {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
