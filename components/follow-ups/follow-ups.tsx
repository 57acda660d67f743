import { useCallback, useEffect, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Output } from '@/lib/messaging/protocol';
import { formatDateTime } from '@/lib/utils/format';

type FollowUp = Output<'myFollowUps'>[number];

/**
 * "My follow-ups": every open promise across customers, overdue first, so nobody has to chase
 * us. Used by the toolbar popup (first few) and the options page (all, with Kept/Missed).
 * Plain state rather than TanStack Query: the popup is tiny and has no query client.
 */
export function FollowUps({ limit, actions = false, now = Date.now() }: { limit?: number; actions?: boolean; now?: number }) {
  const [rows, setRows] = useState<FollowUp[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(() => send('myFollowUps', {}).then(setRows, (e: Error) => setError(e.message)), []);
  useEffect(() => {
    void load();
  }, [load]);
  const mark = (promiseId: string, status: 'kept' | 'missed') =>
    send('setPromiseStatus', { promiseId, status }).then(load, (e: Error) => setError(e.message));

  if (error) return <p role="alert" className="note">Rapport could not read your follow-ups: {error}</p>;
  if (!rows) return <p className="muted" aria-busy="true">Loading follow-ups…</p>;
  if (!rows.length) return <p className="muted" data-testid="no-follow-ups">No open promises. Promises you confirm in the sidebar show here.</p>;
  const overdue = rows.filter((r) => r.dueAt < now).length;
  const shown = limit ? rows.slice(0, limit) : rows;
  return (
    <div className="follow-ups">
      <p className="summary" data-testid="follow-ups-summary">
        {rows.length} open {rows.length === 1 ? 'promise' : 'promises'}{overdue ? `, ${overdue} overdue` : ''}
      </p>
      <ul>
        {shown.map((f) => (
          <li key={f.id} className={f.dueAt < now ? 'overdue' : ''} data-testid="follow-up">
            <strong className="who">{f.customerName}</strong>
            <span className="what">{f.text}</span>
            <span className="when">{f.dueAt < now ? 'Overdue since ' : 'Due '}{formatDateTime(f.dueAt)}</span>
            {actions && (
              <span className="row-actions">
                <button type="button" onClick={() => void mark(f.id, 'kept')}>Kept</button>
                <button type="button" onClick={() => void mark(f.id, 'missed')}>Missed</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {limit && rows.length > limit && <p className="muted">and {rows.length - limit} more on the options page.</p>}
    </div>
  );
}
