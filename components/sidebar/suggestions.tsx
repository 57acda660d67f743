import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { send } from '@/lib/messaging/client';
import { suggest, type SuggestInput } from '@/lib/suggest';
import type { CustomerView } from '@/lib/messaging/views';
import { toSuggestGuide, type Guide } from '@/lib/guide';

const KIND_LABEL = { apology: 'Apology', acknowledge: 'Acknowledge', thanks: 'Thanks', 'next-step': 'Next step' } as const;

/** Build the engine's view of the customer from what the sidebar already loaded. */
export function suggestRecord(view: CustomerView | null | undefined, fallbackName: string | undefined, agent: string | undefined): Pick<SuggestInput, 'record' | 'recentOpenings'> {
  if (!view) return fallbackName ? { record: { name: fallbackName } } : {};
  const overdue = view.openPromises.filter((p) => p.overdue).sort((a, b) => a.dueAt - b.dueAt)[0];
  const recentOpenings = view.timeline
    .filter((i) => i.origin === 'sent-reply' && (!agent || i.agent === agent) && i.summary)
    .map((i) => i.summary!)
    .slice(0, 5);
  return {
    record: {
      ...(view.customer.name ? { name: view.customer.name } : {}),
      ...(view.customer.customerSince ? { customerSince: view.customer.customerSince } : {}),
      // The message on screen is a contact the log does not hold yet.
      contactsLast30Days: view.contactsLast30Days + 1,
      missedPromise: overdue ? { text: overdue.text, dueAt: new Date(overdue.dueAt).toISOString() } : null,
      openPromises: view.openPromises.filter((p) => !p.overdue).map((p) => ({ text: p.text, dueAt: new Date(p.dueAt).toISOString() })),
      ...(view.latestNotes[0] ? { latestNote: view.latestNotes[0].text } : {}),
    },
    recentOpenings,
  };
}

export function Suggestions({ message, view, guide, fallbackName, agent, onInsert }: {
  message: string;
  guide?: Guide | undefined;
  view: CustomerView | null | undefined;
  fallbackName?: string | undefined;
  agent?: string | undefined;
  onInsert: (text: string) => Promise<'inserted' | 'copied' | 'failed'>;
}) {
  const [talking, setTalking] = useState(false);
  const [status, setStatus] = useState('');
  // What this agent last sent to anyone: the top suggestion never repeats their last opening.
  const recent = useQuery({ queryKey: ['recent-replies', agent ?? ''], queryFn: () => send('recentReplies', { limit: 5, ...(agent ? { agent } : {}) }), staleTime: 2_000 });
  const out = useMemo(() => {
    const now = Date.now();
    const base = suggestRecord(view, fallbackName, agent);
    const recentOpenings = [...(recent.data ?? []), ...(base.recentOpenings ?? [])].slice(0, 8);
    return suggest({ message, ...base, ...(recentOpenings.length ? { recentOpenings } : {}), ...(guide ? { guide: toSuggestGuide(guide) } : {}), now: new Date(now) });
  }, [message, view, guide, fallbackName, agent, recent.data]);
  const { situation, suggestions, notes } = out;
  return (
    <section className="panel suggestions" aria-label="Suggested wording" data-testid="suggestions">
      <h3>Suggested wording</h3>
      <p className="muted situation" data-testid="situation">
        {situation.category} · {situation.mood}
        {situation.issue.summary ? ` · “${situation.issue.summary}”` : ''}
      </p>
      {notes.map((n) => <p key={n} className="muted">{n}</p>)}
      <label className="toggle">
        <input type="checkbox" checked={talking} onChange={(e) => setTalking(e.target.checked)} /> Talking points for a call
      </label>
      <ul className="suggestion-list">
        {suggestions.map((s) => (
          <li key={s.id} data-testid="suggestion" data-kind={s.kind}>
            <span className={`kind kind-${s.kind}`}>{KIND_LABEL[s.kind]}</span>
            <p className="suggestion-text" data-testid="suggestion-text">{talking ? s.talkingPoint : s.text}</p>
            {!talking && (
              <span className="row-actions">
                <button type="button" onClick={async () => {
                  const r = await onInsert(s.text);
                  setStatus(r === 'inserted' ? 'Inserted at the caret (Ctrl+Z undoes it).' : r === 'copied' ? 'The editor refused the text; it is on the clipboard instead.' : 'Could not insert or copy; select the text and copy it.');
                }}>Insert</button>
                <button type="button" onClick={async () => {
                  try { await navigator.clipboard.writeText(s.text); setStatus('Copied.'); } catch { setStatus('Copy failed; select the text and copy it.'); }
                }}>Copy</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="muted">{status}</p>
    </section>
  );
}
