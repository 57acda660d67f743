import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { send } from '@/lib/messaging/client';
import { customerKeys } from '@/lib/queries/customers';

const outcomes = [
  ['resolved', 'Resolved'],
  ['follow-up', 'Needs follow-up'],
  ['no-answer', 'No answer'],
  ['voicemail', 'Left voicemail'],
  ['escalated', 'Escalated'],
] as const;
type Outcome = (typeof outcomes)[number][0];

/** Log a phone call against this customer (number on record offered first). */
export function CallForm({ customerId, phones, agent }: { customerId: string; phones: string[]; agent?: string | undefined }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const [summary, setSummary] = useState('');
  const [phone, setPhone] = useState(phones[0] ?? '');
  const qc = useQueryClient();
  const log = useMutation({
    mutationFn: () =>
      send('logCall', { customerId, outcome, ...(summary ? { summary } : {}), ...(phone ? { phone } : {}), ...(agent ? { agent } : {}) }),
    onSuccess: () => {
      setSummary('');
      setOpen(false);
      return qc.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
  if (!open) return <button type="button" onClick={() => setOpen(true)}>Log a call</button>;
  return (
    <form className="inline-form" aria-label="Log a call" onSubmit={(e) => { e.preventDefault(); log.mutate(); }}>
      {phones.length > 0 && (
        <label>
          <span className="label">Number</span>
          <select value={phone} onChange={(e) => setPhone(e.target.value)}>
            {phones.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
      )}
      <label>
        <span className="label">Outcome</span>
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {outcomes.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label>
        <span className="label">Summary</span>
        <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} maxLength={2000} />
      </label>
      <button type="submit" disabled={log.isPending}>Save call</button>
      <button type="button" onClick={() => setOpen(false)}>Cancel</button>
      {log.isError && <p role="alert" className="error">{log.error.message}</p>}
    </form>
  );
}
