import { useMutation, useQueryClient } from '@tanstack/react-query';
import { definePanel, type PanelProps } from './define-panel';
import { formatDateTime } from '@/lib/utils/format';
import { send } from '@/lib/messaging/client';
import { customerKeys } from '@/lib/queries/customers';

function Promises({ view }: PanelProps) {
  const qc = useQueryClient();
  const mark = useMutation({
    mutationFn: (v: { promiseId: string; status: 'kept' | 'missed' }) => send('setPromiseStatus', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
  if (!view.openPromises.length) return <p className="muted">No open promises.</p>;
  const sorted = [...view.openPromises].sort((a, b) => a.dueAt - b.dueAt);
  return (
    <ul className="promises">
      {sorted.map((p) => (
        <li key={p.id} className={p.overdue ? 'overdue' : ''} data-testid="promise">
          <span className="promise-text">{p.text}</span>
          <span className="promise-due">{p.overdue ? 'Overdue since ' : 'Due '}{formatDateTime(p.dueAt)}</span>
          <span className="row-actions">
            <button type="button" onClick={() => mark.mutate({ promiseId: p.id, status: 'kept' })}>Kept</button>
            <button type="button" onClick={() => mark.mutate({ promiseId: p.id, status: 'missed' })}>Missed</button>
          </span>
        </li>
      ))}
    </ul>
  );
}

export default definePanel({ id: 'promises', title: 'Open promises', Component: Promises });
