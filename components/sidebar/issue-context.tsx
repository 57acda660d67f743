import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerView } from '@/lib/messaging/views';
import type { PageSnapshot } from '@/lib/content/page-watcher';
import type { Guide } from '@/lib/guide/schema';
import { matchEscalations, matchedWords } from '@/lib/guide/escalations';
import { classify } from '@/lib/suggest/classify';
import { repeatsOnIssue } from '@/lib/told-us';
import { buildHandoff } from '@/lib/handoff';
import { send } from '@/lib/messaging/client';
import { customerKeys } from '@/lib/queries/customers';

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
};

/**
 * Above the customer card: how many times they have contacted us about this same issue, the
 * team guide's escalation hints that apply (with who to hand off to), and the handoff note.
 * Computed from the page and the customer view alone: no extra round trip per render.
 */
export function IssueContext({ view, snapshot, guide, agent }: { view: CustomerView; snapshot: PageSnapshot; guide?: Guide | undefined; agent?: string | undefined }) {
  const message = snapshot.lastCustomerMessage ?? '';
  const now = Date.now();
  const ticketId = snapshot.identity.ticketId;
  // The conversation on screen counts as a contact unless a reply in it is already logged.
  const currentLogged = !!ticketId && view.timeline.some((c) => c.ticketId === ticketId);
  const earlier = useMemo(
    () => view.timeline.filter((c) => !ticketId || c.ticketId !== ticketId).map((c) => ({ at: c.at, ...(c.summary ? { summary: c.summary } : {}), ...(c.subject ? { subject: c.subject } : {}) })),
    [view.timeline, ticketId],
  );
  const repeat = useMemo(
    () => (message || snapshot.subject ? repeatsOnIssue(earlier, { text: message, ...(snapshot.subject ? { subject: snapshot.subject } : {}) }, { now }) : { count: 0 }),
    // `now` moves every render; the count only needs refreshing when the conversation changes.
    [earlier, message, snapshot.subject],
  );
  const situation = useMemo(() => (message ? classify(message).situation : null), [message]);
  const escalations = useMemo(() => {
    if (!guide?.escalations?.length) return [];
    const missed = view.openPromises.some((p) => p.overdue);
    // Each rule may count in its own window (`withinDays`), which needs every contact's time: only
    // when the whole history is in the view; otherwise every rule counts in the 30-day figure.
    const whole = view.timeline.length >= view.totalContacts;
    const times = view.timeline.map((c) => c.at);
    return matchEscalations(guide, {
      contacts: view.contactsLast30Days + (currentLogged ? 0 : 1),
      ...(whole ? { contactTimes: currentLogged ? times : [...times, now], now } : {}),
      promiseMissed: missed,
      ...(situation ? { mood: situation.mood, category: situation.category } : {}),
      ...(message ? { customerText: message } : {}),
    });
  }, [guide, view, currentLogged, situation, message]);
  const [handoffOpen, setHandoffOpen] = useState(false);

  return (
    <>
      {repeat.count > 0 && (
        <p className="issue-repeat" data-testid="issue-repeat">
          {ordinal(repeat.count + 1)} contact about this issue in 30 days
        </p>
      )}
      {escalations.map((rule) => {
        const words = matchedWords(rule, message);
        return (
          <section key={rule.id} className="banner-escalation" role="alert" aria-label="Escalation hint" data-testid="escalation" data-rule={rule.id}>
            <p>{rule.message}</p>
            {words.length > 0 && <p className="muted">They wrote: {words.map((w) => `“${w}”`).join(', ')}</p>}
            {rule.handoffTo && <p><strong>Hand off to:</strong> {rule.handoffTo}</p>}
            {!handoffOpen && (
              <button type="button" onClick={() => setHandoffOpen(true)}>Write handoff note</button>
            )}
          </section>
        );
      })}
      {handoffOpen ? (
        <HandoffNote view={view} message={message} agent={agent} onClose={() => setHandoffOpen(false)} />
      ) : (
        !escalations.length && (
          <button type="button" className="link handoff-open" onClick={() => setHandoffOpen(true)}>
            Write handoff note
          </button>
        )
      )}
    </>
  );
}

/** One click writes the summary for the next agent; it is saved on the record and copyable into the host's internal note. */
function HandoffNote({ view, message, agent, onClose }: { view: CustomerView; message: string; agent?: string | undefined; onClose: () => void }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState('');
  const handoff = useMemo(
    () =>
      buildHandoff({
        customer: { name: view.customer.name, ...(view.customer.customerSince ? { since: Date.parse(`${view.customer.customerSince}T00:00:00Z`) } : {}) },
        contacts: view.timeline.map((c) => ({ at: c.at, channel: c.channel, ...(c.summary ? { summary: c.summary } : {}), ...(c.subject ? { subject: c.subject } : {}), ...(c.outcome ? { outcome: c.outcome } : {}), ...(c.agent ? { agent: c.agent } : {}) })),
        openPromises: view.openPromises.map((p) => ({ text: p.text, dueAt: p.dueAt, overdue: p.overdue })),
        notes: view.latestNotes.map((n) => ({ text: n.text, at: n.at })),
        ...(message ? { lastCustomerMessage: message } : {}),
        now: Date.now(),
      }),
    [view, message],
  );
  const save = useMutation({
    mutationFn: () => send('addNote', { customerId: view.customer.id, text: handoff.text.slice(0, 5000), kind: 'handoff', ...(agent ? { author: agent } : {}) }),
    onSuccess: () => {
      setStatus('Saved on the customer’s record.');
      return qc.invalidateQueries({ queryKey: customerKeys.all });
    },
    onError: (e: Error) => setStatus(`Not saved: ${e.message}`),
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(handoff.text);
      setStatus('Copied: paste it into the internal note.');
    } catch {
      setStatus('Copy is blocked on this page: select the text and copy it.');
    }
  };
  return (
    <section className="panel handoff" aria-label="Handoff note" data-testid="handoff">
      <h3>Handoff note</h3>
      <pre data-testid="handoff-text">{handoff.text}</pre>
      <span className="row-actions">
        <button type="button" onClick={() => save.mutate()} disabled={save.isPending || save.isSuccess}>Save to record</button>
        <button type="button" onClick={() => void copy()}>Copy</button>
        <button type="button" onClick={onClose}>Close</button>
      </span>
      <p role="status" className="muted">{status}</p>
    </section>
  );
}
