/**
 * Promises an agent made: captured from sent replies (status `proposed`), confirmed into `open`,
 * reminded of before they are due and when overdue, listed across customers as "My follow-ups".
 * The promises table is small (tens per agent per week), so cross-customer reads scan it.
 */
import type { AppDB } from '@/lib/db/app-db';
import type { PromiseRecord } from '@/lib/schemas/records';

export interface CapturedPromise {
  text: string;
  dueAt: number;
  ambiguous?: string | undefined;
}

/**
 * Stores promises found in one sent reply as `proposed`. Ids derive from the reply's key, so a
 * retried `logSentReply` (same sendId) writes each promise once.
 */
export async function captureProposed(
  db: AppDB,
  customerId: string,
  found: CapturedPromise[],
  meta: { sourceKey: string; now: number; agent?: string | undefined },
): Promise<PromiseRecord[]> {
  const rows: PromiseRecord[] = found.map((p, i) => ({
    id: `${meta.sourceKey}#${i}`,
    customerId,
    text: p.text.slice(0, 1000),
    dueAt: p.dueAt,
    status: 'proposed',
    createdAt: meta.now,
    sourceKey: meta.sourceKey,
    ...(p.ambiguous ? { ambiguous: p.ambiguous.slice(0, 300) } : {}),
    ...(meta.agent ? { agent: meta.agent } : {}),
  }));
  if (rows.length) await db.promises.bulkPut(rows);
  return rows;
}

const forCustomer = (customerId: string) => [[customerId, -Infinity], [customerId, Infinity]] as const;

/** Promises found in this customer's sent replies that the agent has not confirmed or dismissed yet, soonest first. */
export async function proposedFor(db: AppDB, customerId: string): Promise<PromiseRecord[]> {
  return db.promises
    .where('[customerId+dueAt]')
    .between(...forCustomer(customerId), true, true)
    .filter((p) => p.status === 'proposed')
    .toArray();
}

/** Confirm a proposed promise, optionally with the agent's corrected wording or due time. */
export async function confirmPromise(db: AppDB, id: string, edit: { text?: string | undefined; dueAt?: number | undefined }): Promise<PromiseRecord> {
  return db.transaction('rw', db.promises, async () => {
    const p = await db.promises.get(id);
    if (!p) throw new Error('That promise no longer exists.');
    const next: PromiseRecord = {
      ...p,
      status: 'open',
      ...(edit.text ? { text: edit.text } : {}),
      ...(edit.dueAt !== undefined ? { dueAt: edit.dueAt } : {}),
    };
    // A confirmed (or corrected) date is no longer in doubt, and a moved due time deserves fresh reminders.
    delete next.ambiguous;
    if (edit.dueAt !== undefined && edit.dueAt !== p.dueAt) {
      delete next.remindedAt;
      delete next.overdueRemindedAt;
    }
    await db.promises.put(next);
    return next;
  });
}

export interface FollowUp extends PromiseRecord {
  customerName: string;
  overdue: boolean;
}

/** Open promises across every customer: overdue first (longest overdue on top), then soonest due. */
export async function followUps(db: AppDB, now: number, agent?: string): Promise<FollowUp[]> {
  return db.transaction('r', [db.promises, db.customers], async () => {
    const open = await db.promises.filter((p) => p.status === 'open' && (!agent || !p.agent || p.agent === agent)).toArray();
    const customers = await db.customers.bulkGet([...new Set(open.map((p) => p.customerId))]);
    const names = new Map(customers.filter((c) => !!c).map((c) => [c.id, c.name || c.emails[0] || c.phones[0] || 'Unnamed customer']));
    return open
      .map((p) => ({ ...p, customerName: names.get(p.customerId) ?? 'Unknown customer', overdue: p.dueAt < now }))
      .sort((a, b) => a.dueAt - b.dueAt);
  });
}

/** Overdue reminders pop up only for promises missed within this window. */
export const STALE_OVERDUE_MS = 24 * 60 * 60_000;

export interface Reminder {
  promise: PromiseRecord;
  kind: 'due-soon' | 'overdue';
}

/**
 * The reminders due at `now` (a due-soon reminder `leadMs` before, an overdue one at the due time),
 * marked as shown in the same transaction so that a worker woken twice never shows one twice.
 * A promise already overdue when first seen gets only the overdue reminder.
 */
export async function takeDueReminders(db: AppDB, now: number, leadMs: number): Promise<Reminder[]> {
  return db.transaction('rw', db.promises, async () => {
    const open = await db.promises.filter((p) => p.status === 'open').toArray();
    const out: Reminder[] = [];
    for (const p of open) {
      if (p.dueAt <= now) {
        if (p.overdueRemindedAt === undefined) {
          // Missed long ago (a restored backup, a laptop closed for a week): it is in "My
          // follow-ups" as overdue; a pile of pop-ups at once would only be dismissed unread.
          if (p.dueAt >= now - STALE_OVERDUE_MS) out.push({ promise: p, kind: 'overdue' });
          await db.promises.update(p.id, { overdueRemindedAt: now, ...(p.remindedAt === undefined ? { remindedAt: now } : {}) });
        }
      } else if (p.dueAt - leadMs <= now && p.remindedAt === undefined) {
        out.push({ promise: p, kind: 'due-soon' });
        await db.promises.update(p.id, { remindedAt: now });
      }
    }
    return out;
  });
}

/** When the next reminder is due (epoch ms), or null when no open promise has one left. */
export async function nextReminderAt(db: AppDB, leadMs: number): Promise<number | null> {
  const open = await db.promises.filter((p) => p.status === 'open').toArray();
  let next: number | null = null;
  for (const p of open) {
    const t = p.remindedAt === undefined ? p.dueAt - leadMs : p.overdueRemindedAt === undefined ? p.dueAt : null;
    if (t !== null && (next === null || t < next)) next = t;
  }
  return next;
}
