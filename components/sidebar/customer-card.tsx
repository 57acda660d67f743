import type { ReactNode } from 'react';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { panels } from '@/components/panels';
import { CallForm } from './call-form';
import { send } from '@/lib/messaging/client';
import { customerKeys, customerQueries } from '@/lib/queries/customers';
import type { CustomerView } from '@/lib/messaging/views';
import { formatDateTime } from '@/lib/utils/format';

export function CustomerCard({ view, agent, now, afterOverview }: { view: CustomerView; agent?: string | undefined; now: number; afterOverview?: ReactNode }) {
  return (
    <div className="customer-card" data-testid="customer-card">
      {panels.map(({ id, title, Component }) => (
        <div key={id}>
          <section className={`panel panel-${id}`} aria-labelledby={`rapport-panel-${id}`}>
            <h3 id={`rapport-panel-${id}`} className={id === 'overview' ? 'visually-hidden' : ''}>{title}</h3>
            <Component view={view} now={now} {...(agent ? { agent } : {})} />
          </section>
          {id === 'overview' && afterOverview}
        </div>
      ))}
      <section className="panel panel-actions" aria-label="More actions">
        <CallForm customerId={view.customer.id} phones={view.customer.phones} agent={agent} />
        {view.activeMerges > 0 && <Merges customerId={view.customer.id} />}
        <Forget customerId={view.customer.id} name={view.customer.name} />
      </section>
    </div>
  );
}

function Merges({ customerId }: { customerId: string }) {
  const qc = useQueryClient();
  const merges = useQuery(customerQueries.merges(customerId));
  const undo = useMutation({
    mutationFn: (mergeId: string) => send('undoMerge', { mergeId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
  const active = merges.data?.filter((m) => !m.undoneAt) ?? [];
  if (!active.length) return null;
  return (
    <div className="merges">
      <h3>Merged records</h3>
      <ul>
        {active.map((m) => (
          <li key={m.id}>
            {m.absorbed.name || m.absorbed.emails[0] || m.absorbed.phones[0]} ({[...m.absorbed.emails, ...m.absorbed.phones].join(', ')}), merged {formatDateTime(m.at)}
            <button type="button" onClick={() => undo.mutate(m.id)} disabled={undo.isPending}>Undo merge</button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Forget({ customerId, name }: { customerId: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const qc = useQueryClient();
  const forget = useMutation({
    mutationFn: () => send('forgetCustomer', { customerId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
  if (!confirming) return <button type="button" className="danger-link" onClick={() => setConfirming(true)}>Forget this customer</button>;
  return (
    <div role="alertdialog" aria-label="Forget this customer" className="confirm">
      <p>Erase every trace of {name || 'this customer'} from Rapport on this computer? This cannot be undone.</p>
      <button type="button" className="danger" onClick={() => forget.mutate()} disabled={forget.isPending}>Erase</button>
      <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
    </div>
  );
}
