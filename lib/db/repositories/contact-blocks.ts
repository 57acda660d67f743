/**
 * Imported contacts, stored several to a record ("contact blocks", schema v4).
 *
 * Why: in Chromium every IndexedDB record written costs ~0.25–0.35 ms of CPU whatever its size,
 * while an index entry costs ~0.03 ms (measured: 100,000 single contacts 53 s of CPU on a loaded
 * 2-core machine, the same contacts in 10,000 per-customer blocks with three multi-entry
 * indexes 15 s). A block holds contacts of ONE customer, oldest first; its multi-entry indexes
 * give each contact its own entry, so the sidebar's range reads and counts stay index-only:
 *   refs       [customerId, at, position] per contact (latest N, 30-day count, first contact)
 *   tickets    ticket ids (search by #1234)
 *   sourceKeys `source:id` / natural-key hashes (idempotent re-import)
 * Contacts written one at a time (sent replies, call logs) and contacts from before v4 stay in
 * `interactions`; every reader here is the union of both.
 */
import { Dexie } from 'dexie';
import type { AppDB } from '@/lib/db/app-db';
import type { Interaction } from '@/lib/schemas/records';

export type BlockContact = Omit<Interaction, 'customerId'>;
export type ContactRef = [customerId: string, at: number, position: number];

export interface ContactBlock {
  id: string;
  customerId: string;
  /** Earliest contact's time: retention finds the blocks to trim by it. */
  first: number;
  /** Oldest first; the customer id is the block's. */
  contacts: BlockContact[];
  refs: ContactRef[];
  tickets: string[];
  sourceKeys: string[];
}

/** Contacts per block at most: a block is read whole, so the sidebar reads at most this many extra. */
export const BLOCK_MAX = 200;

/** The stored form of one customer's contacts (already in time order). */
export function blockOf(id: string, customerId: string, contacts: BlockContact[]): ContactBlock {
  return {
    id,
    customerId,
    first: contacts.reduce((m, c) => Math.min(m, c.at), Infinity),
    contacts,
    refs: contacts.map((c, i) => [customerId, c.at, i]),
    tickets: [...new Set(contacts.flatMap((c) => (c.ticketId ? [c.ticketId] : [])))],
    sourceKeys: contacts.map((c) => c.sourceKey),
  };
}

/** Groups contacts by customer, oldest first, into blocks of at most BLOCK_MAX. */
export function makeBlocks(contacts: Interaction[], newId: () => string = () => crypto.randomUUID()): ContactBlock[] {
  const byCustomer = new Map<string, BlockContact[]>();
  for (const { customerId, ...c } of contacts) {
    const list = byCustomer.get(customerId);
    if (list) list.push(c);
    else byCustomer.set(customerId, [c]);
  }
  const out: ContactBlock[] = [];
  for (const [customerId, list] of byCustomer) {
    // Array.prototype.sort is stable: equal times keep file order.
    list.sort((a, b) => a.at - b.at);
    for (let i = 0; i < list.length; i += BLOCK_MAX) out.push(blockOf(newId(), customerId, list.slice(i, i + BLOCK_MAX)));
  }
  return out;
}

export const contactsOf = (b: ContactBlock): Interaction[] => b.contacts.map((c) => ({ ...c, customerId: b.customerId }));

const refRange = (customerId: string, from: number | typeof Dexie.minKey = Dexie.minKey) =>
  [[customerId, from], [customerId, Dexie.maxKey]] as const;

/** The customer's latest `limit` block contacts, newest first. */
export async function latestBlockContacts(db: AppDB, customerId: string, limit: number): Promise<Interaction[]> {
  if (limit <= 0) return [];
  const hits: Array<[string, number]> = [];
  await db.contactBlocks
    .where('refs')
    .between(...refRange(customerId))
    .reverse()
    .limit(limit)
    .eachKey((key, cursor) => {
      hits.push([cursor.primaryKey as string, (key as unknown as ContactRef)[2]]);
    });
  if (!hits.length) return [];
  const ids = [...new Set(hits.map(([id]) => id))];
  const blocks = new Map((await db.contactBlocks.bulkGet(ids)).filter((b): b is ContactBlock => !!b).map((b) => [b.id, b]));
  return hits.flatMap(([id, pos]) => {
    const b = blocks.get(id);
    const c = b?.contacts[pos];
    return b && c ? [{ ...c, customerId: b.customerId }] : [];
  });
}

export interface BlockHistory {
  /** Newest first, at most the limit asked for. */
  latest: Interaction[];
  total: number;
  since: number;
  firstAt: number | null;
}

/**
 * Blocks read whole at most for one sidebar view. Most customers have a block or a few (one per
 * import); reading them in one request beats a key-cursor walk plus counts (each a round trip).
 */
export const VIEW_BLOCKS_READ = 8;

/** What the sidebar needs from the customer's block contacts: latest `limit`, counts, first time. */
export async function blockHistory(db: AppDB, customerId: string, limit: number, since: number): Promise<BlockHistory> {
  const few = await db.contactBlocks.where('customerId').equals(customerId).limit(VIEW_BLOCKS_READ + 1).toArray();
  if (few.length <= VIEW_BLOCKS_READ) {
    // The order the refs index walked backwards gives: time, position, block id, all descending.
    const all = few
      .flatMap((b) => b.contacts.map((c, pos) => ({ c, pos, b })))
      .sort((x, y) => y.c.at - x.c.at || y.pos - x.pos || (x.b.id < y.b.id ? 1 : x.b.id > y.b.id ? -1 : 0));
    return {
      latest: all.slice(0, Math.max(0, limit)).map(({ c, b }) => ({ ...c, customerId: b.customerId })),
      total: all.length,
      since: all.filter(({ c }) => c.at >= since).length,
      firstAt: all.length ? all[all.length - 1]!.c.at : null,
    };
  }
  const [latest, total, recent, firstAt] = await Promise.all([
    latestBlockContacts(db, customerId, limit),
    countBlockContacts(db, customerId),
    countBlockContacts(db, customerId, since),
    firstBlockContactAt(db, customerId),
  ]);
  return { latest, total, since: recent, firstAt };
}

/** How many block contacts the customer has since `from` (all when omitted). */
export function countBlockContacts(db: AppDB, customerId: string, from?: number): Promise<number> {
  return db.contactBlocks.where('refs').between(...refRange(customerId, from ?? Dexie.minKey)).count();
}

/** Time of the customer's earliest block contact, or null. */
export async function firstBlockContactAt(db: AppDB, customerId: string): Promise<number | null> {
  const [key] = await db.contactBlocks.where('refs').between(...refRange(customerId)).limit(1).keys();
  return key ? (key as unknown as ContactRef)[1] : null;
}

/** Customers with a block contact of this ticket. */
export async function customerIdsByBlockTicket(db: AppDB, ticketId: string, limit: number): Promise<string[]> {
  const blocks = await db.contactBlocks.where('tickets').equals(ticketId).limit(limit).toArray();
  return [...new Set(blocks.map((b) => b.customerId))];
}

/** The customer of a contact with this ticket id, in either store (the sidebar's last resort). */
export async function customerIdByTicket(db: AppDB, ticketId: string): Promise<string | null> {
  const single = await db.interactions.where('ticketId').equals(ticketId).first();
  if (single) return single.customerId;
  return (await customerIdsByBlockTicket(db, ticketId, 1))[0] ?? null;
}

/** Every contact, both stores (backup export). */
export async function allContacts(db: AppDB): Promise<Interaction[]> {
  const [singles, blocks] = await Promise.all([db.interactions.toArray(), db.contactBlocks.toArray()]);
  return [...singles, ...blocks.flatMap(contactsOf)];
}

/** Number of contacts, both stores (a multi-entry index has one entry per contact). */
export async function countAllContacts(db: AppDB): Promise<number> {
  const [singles, inBlocks] = await Promise.all([db.interactions.count(), db.contactBlocks.orderBy('refs').count()]);
  return singles + inBlocks;
}

/**
 * Which of `keys` are taken already, in either store. Reading every stored key costs about a
 * fifth of a request per key (measured), so a store with fewer than 4× as many keys as asked
 * is read whole; otherwise one count request per key, all issued at once.
 */
export async function existingSourceKeys(db: AppDB, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!keys.length) return found;
  const wanted = new Set(keys);
  const probe = async (
    total: () => Promise<number>,
    all: () => Promise<unknown[]>,
    has: (k: string) => Promise<number>,
  ) => {
    const n = await total();
    if (!n) return;
    if (n <= 4 * wanted.size) {
      for (const k of await all()) if (typeof k === 'string' && wanted.has(k)) found.add(k);
      return;
    }
    const list = [...wanted];
    // Dexie.Promise.all keeps the caller's transaction (a native Promise.all would not).
    const counts = await Dexie.Promise.all(list.map(has));
    list.forEach((k, i) => counts[i]! > 0 && found.add(k));
  };
  await probe(
    () => db.interactions.count(),
    () => db.interactions.orderBy('sourceKey').keys(),
    (k) => db.interactions.where('sourceKey').equals(k).count(),
  );
  await probe(
    () => db.contactBlocks.orderBy('sourceKeys').count(),
    () => db.contactBlocks.orderBy('sourceKeys').keys(),
    (k) => db.contactBlocks.where('sourceKeys').equals(k).count(),
  );
  return found;
}

/** Drops block contacts older than `cutoff`; returns how many. */
export async function trimBlocksBefore(db: AppDB, cutoff: number): Promise<number> {
  return db.transaction('rw', db.contactBlocks, async () => {
    const old = await db.contactBlocks.where('first').below(cutoff).toArray();
    let removed = 0;
    const keep: ContactBlock[] = [];
    const drop: string[] = [];
    for (const b of old) {
      const rest = b.contacts.filter((c) => c.at >= cutoff);
      removed += b.contacts.length - rest.length;
      if (rest.length) keep.push(blockOf(b.id, b.customerId, rest));
      else drop.push(b.id);
    }
    await db.contactBlocks.bulkDelete(drop);
    await db.contactBlocks.bulkPut(keep);
    return removed;
  });
}

/** Moves the blocks of one customer to another (merge); returns the block ids moved. */
export async function moveBlocks(db: AppDB, fromCustomerId: string, toCustomerId: string): Promise<string[]> {
  const blocks = await db.contactBlocks.where('customerId').equals(fromCustomerId).toArray();
  if (blocks.length) await db.contactBlocks.bulkPut(blocks.map((b) => blockOf(b.id, toCustomerId, b.contacts)));
  return blocks.map((b) => b.id);
}

/** Gives the listed blocks (ids that are not blocks are ignored) back to a customer (undo of a merge). */
export async function returnBlocks(db: AppDB, ids: string[], toCustomerId: string): Promise<void> {
  if (!ids.length) return;
  const blocks = (await db.contactBlocks.bulkGet(ids)).filter((b): b is ContactBlock => !!b);
  if (blocks.length) await db.contactBlocks.bulkPut(blocks.map((b) => blockOf(b.id, toCustomerId, b.contacts)));
}

/** Deletes a customer's block contacts (forget); returns how many contacts. */
export async function deleteBlocksOf(db: AppDB, customerId: string): Promise<number> {
  const n = await countBlockContacts(db, customerId);
  await db.contactBlocks.where('customerId').equals(customerId).delete();
  return n;
}
