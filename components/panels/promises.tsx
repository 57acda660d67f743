import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { definePanel, type PanelProps } from './define-panel';
import { formatDateTime } from '@/lib/utils/format';
import { send } from '@/lib/messaging/client';
import { customerKeys, customerQueries } from '@/lib/queries/customers';
import type { PromiseRecord } from '@/lib/schemas/records';

/** `<input type="datetime-local">` speaks local wall-clock time without a zone. */
const toLocalInput = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocalInput = (v: string): number | null => {
  const t = new Date(v).getTime();
  return Number.isNaN(t) ? null : t;
};

/**
 * Promises Rapport found in the agent's sent replies. Nothing is reminded of until the agent
 * confirms it: a wrong capture costs one click (Dismiss), never a false alarm at 8pm.
 */
function ToConfirm({ customerId }: { customerId: string }) {
  const qc = useQueryClient();
  const proposed = useQuery(customerQueries.toConfirm(customerId));
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    return qc.invalidateQueries({ queryKey: customerKeys.all });
  };
  const confirm = useMutation({
    mutationFn: (v: { promiseId: string; text?: string; dueAt?: number }) => send('confirmPromise', v),
    onSuccess: done,
  });
  const dismiss = useMutation({
    mutationFn: (promiseId: string) => send('setPromiseStatus', { promiseId, status: 'dismissed' }),
    onSuccess: done,
  });
  const rows = proposed.data ?? [];
  if (!rows.length) return null;
  return (
    <div className="to-confirm" data-testid="promises-to-confirm">
      <p className="muted">Found in your sent reply. Confirm to be reminded:</p>
      <ul className="promises">
        {rows.map((p) =>
          editing === p.id ? (
            <EditPromise key={p.id} promise={p} onCancel={() => setEditing(null)} onSave={(text, dueAt) => confirm.mutate({ promiseId: p.id, text, dueAt })} />
          ) : (
            <li key={p.id} data-testid="proposed-promise">
              <span className="promise-text">{p.text}</span>
              <span className="promise-due">Due {formatDateTime(p.dueAt)}</span>
              {p.ambiguous && <span className="promise-ambiguous" role="note">Check the date: {p.ambiguous}</span>}
              <span className="row-actions">
                <button type="button" onClick={() => confirm.mutate({ promiseId: p.id })} disabled={confirm.isPending}>Confirm</button>
                <button type="button" onClick={() => setEditing(p.id)}>Edit</button>
                <button type="button" onClick={() => dismiss.mutate(p.id)} disabled={dismiss.isPending}>Dismiss</button>
              </span>
            </li>
          ),
        )}
      </ul>
      {(confirm.error || dismiss.error) && <p role="alert" className="error">{(confirm.error ?? dismiss.error)?.message}</p>}
    </div>
  );
}

function EditPromise({ promise, onSave, onCancel }: { promise: PromiseRecord; onSave: (text: string, dueAt: number) => void; onCancel: () => void }) {
  const [text, setText] = useState(promise.text);
  const [due, setDue] = useState(toLocalInput(promise.dueAt));
  const dueAt = fromLocalInput(due);
  return (
    <li data-testid="edit-promise">
      <label>
        <span className="label">Promise</span>
        <input value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        <span className="label">Due</span>
        <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <span className="row-actions">
        <button type="button" disabled={!text.trim() || dueAt === null} onClick={() => dueAt !== null && onSave(text.trim(), dueAt)}>Save and confirm</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </span>
    </li>
  );
}

function Promises({ view }: PanelProps) {
  const qc = useQueryClient();
  const mark = useMutation({
    mutationFn: (v: { promiseId: string; status: 'kept' | 'missed' }) => send('setPromiseStatus', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
  const sorted = [...view.openPromises].sort((a, b) => a.dueAt - b.dueAt);
  return (
    <>
      <ToConfirm customerId={view.customer.id} />
      {!sorted.length ? (
        <p className="muted">No open promises.</p>
      ) : (
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
      )}
    </>
  );
}

export default definePanel({ id: 'promises', title: 'Promises', Component: Promises });
