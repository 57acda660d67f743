/**
 * Contacts, notes and promises of a customer, and the sidebar's view of them.
 * Reads go through the [customerId+at] / [customerId+dueAt] compound indexes so the cost
 * depends on this customer's rows, not on the size of the table (see npm run bench).
 */
import { Dexie } from 'dexie';
import type { AppDB } from '@/lib/db/app-db';
import type { Interaction, Note, PromiseRecord } from '@/lib/schemas/records';
import type { CustomerView } from '@/lib/messaging/views';
import { blockHistory, trimBlocksBefore } from './contact-blocks';

export const DAY_MS = 86_400_000;
export const REPEAT_CONTACT_THRESHOLD = 3;
export const TIMELINE_PAGE = 50;

const forCustomer = (id: string, from: number | typeof Dexie.minKey = Dexie.minKey) =>
  [[id, from], [id, Dexie.maxKey]] as const;

export async function customerView(db: AppDB, customerId: string, now: number, timelineLimit = TIMELINE_PAGE): Promise<CustomerView | null> {
  return db.transaction('r', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.contactBlocks], async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) return null;
    const since30 = now - 30 * DAY_MS;
    const [singles, blocks, singleTotal, single30, notes, promises, mergeCount] = await Promise.all([
      db.interactions.where('[customerId+at]').between(...forCustomer(customerId)).reverse().limit(timelineLimit).toArray(),
      blockHistory(db, customerId, timelineLimit, since30),
      db.interactions.where('[customerId+at]').between(...forCustomer(customerId)).count(),
      db.interactions.where('[customerId+at]').between(...forCustomer(customerId, since30)).count(),
      db.notes.where('[customerId+at]').between(...forCustomer(customerId)).reverse().limit(3).toArray(),
      db.promises.where('[customerId+dueAt]').between(...forCustomer(customerId)).filter((p) => p.status === 'open').toArray(),
      db.merges.where('survivorId').equals(customerId).filter((m) => m.undoneAt === undefined).count(),
    ]);
    // Contacts live in two stores (see contact-blocks.ts): newest first across both; on equal
    // times the single records keep the order their index gives them (id descending).
    const timeline = blocks.latest.length
      ? [...singles, ...blocks.latest].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, timelineLimit)
      : singles;
    const total = singleTotal + blocks.total;
    const last30 = single30 + blocks.since;
    const firstAt = async () => {
      const single = await db.interactions.where('[customerId+at]').between(...forCustomer(customerId)).first();
      const ats = [single?.at, blocks.firstAt ?? undefined].filter((x): x is number => x !== undefined);
      return ats.length ? Math.min(...ats) : null;
    };
    const firstContactAt = total > timeline.length ? await firstAt() : (timeline[timeline.length - 1]?.at ?? null);
    return {
      customer,
      contactsLast30Days: last30,
      repeatContact: last30 >= REPEAT_CONTACT_THRESHOLD,
      totalContacts: total,
      firstContactAt,
      openPromises: promises.map((p) => ({ ...p, overdue: p.dueAt < now })),
      latestNotes: notes,
      timeline,
      activeMerges: mergeCount,
    };
  });
}

export async function addNote(db: AppDB, note: Omit<Note, 'id'>): Promise<Note> {
  const row: Note = { id: crypto.randomUUID(), ...note };
  await db.notes.add(row);
  return row;
}

export async function addInteraction(db: AppDB, i: Omit<Interaction, 'id'>): Promise<Interaction> {
  const row: Interaction = { id: crypto.randomUUID(), ...i };
  await db.interactions.add(row);
  return row;
}

export async function addPromise(db: AppDB, p: Omit<PromiseRecord, 'id'>): Promise<PromiseRecord> {
  const row: PromiseRecord = { id: crypto.randomUUID(), ...p };
  await db.promises.add(row);
  return row;
}

/** Deletes contacts older than the retention period; returns how many. */
export async function applyRetention(db: AppDB, retentionDays: number, now: number): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  // Sent replies are contacts too (and the near-duplicate history): the same limit applies.
  const [contacts, blocked, sent, overrides] = await Promise.all([
    db.interactions.where('at').below(cutoff).delete(),
    trimBlocksBefore(db, cutoff),
    db.sentReplies.where('at').below(cutoff).delete(),
    db.overrides.where('at').below(cutoff).delete(),
  ]);
  return contacts + blocked + sent + overrides;
}
