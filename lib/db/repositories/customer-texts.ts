/**
 * What a customer has told us, as text with a date: their messages kept with sent replies,
 * imported contact summaries, call summaries and notes. lib/told-us reads facts out of these.
 * Bounded to the latest contacts: a fact given two hundred contacts ago is not what an agent
 * is about to ask for again.
 */
import type { AppDB } from '@/lib/db/app-db';
import { latestBlockContacts } from './contact-blocks';

export const TEXT_CONTACTS_LIMIT = 200;
export const TEXT_NOTES_LIMIT = 100;

export interface StoredCustomerText {
  text: string;
  at: number;
  source: 'message' | 'note' | 'call';
  contactKey?: string;
}

export async function customerTexts(db: AppDB, customerId: string): Promise<StoredCustomerText[]> {
  const range = [[customerId, -Infinity], [customerId, Infinity]] as const;
  return db.transaction('r', [db.interactions, db.notes, db.contactBlocks], async () => {
    const [singles, blocked, notes] = await Promise.all([
      db.interactions.where('[customerId+at]').between(...range, true, true).reverse().limit(TEXT_CONTACTS_LIMIT).toArray(),
      // Imported contacts are stored in blocks since schema v4 (contact-blocks.ts).
      latestBlockContacts(db, customerId, TEXT_CONTACTS_LIMIT),
      db.notes.where('[customerId+at]').between(...range, true, true).reverse().limit(TEXT_NOTES_LIMIT).toArray(),
    ]);
    const contacts = blocked.length ? [...singles, ...blocked].sort((a, b) => b.at - a.at).slice(0, TEXT_CONTACTS_LIMIT) : singles;
    const out: StoredCustomerText[] = [];
    for (const c of contacts) {
      const contactKey = c.ticketId ? { contactKey: c.ticketId } : {};
      // A sent reply's summary is the agent's words, not the customer's: only what the customer wrote counts.
      if (c.origin === 'sent-reply') {
        if (c.customerSaid) out.push({ text: c.customerSaid, at: c.at, source: 'message', ...contactKey });
      } else if (c.summary) {
        out.push({ text: c.summary, at: c.at, source: c.origin === 'call-log' ? 'call' : 'message', ...contactKey });
      }
    }
    for (const n of notes) if (n.kind !== 'handoff') out.push({ text: n.text, at: n.at, source: 'note' });
    return out;
  });
}
