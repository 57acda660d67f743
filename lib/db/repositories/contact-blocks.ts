/**
 * Imported contacts, stored several to a record ("contact blocks", schema v4; lean since v5).
 *
 * Why: in Chromium every IndexedDB record written costs ~0.25–0.35 ms of CPU whatever its size,
 * and every index entry ~0.03 ms (measured: 100,000 single contacts took 53 s of CPU on a loaded
 * 2-core machine; the same contacts in 10,000 per-customer blocks 15 s, two thirds of it the
 * 300,000 entries of three per-contact multi-entry indexes). So since v5 a block has no
 * per-contact index entry at all:
 *   [customerId+last+first+size]  one entry per block: the sidebar reads a customer's blocks,
 *                                 and its counts come from the keys alone (see blockHistory);
 *   first                         retention finds the blocks to trim;
 *   contactKeys (key-pages.ts)    source keys (idempotent re-import) and ticket ids (search by
 *                                 #1234), hashed into a fixed set of pages: a 100,000-row import
 *                                 rewrites 2,048 small records instead of 200,000 index entries.
 * A block holds contacts of ONE customer, oldest first. Contacts written one at a time (sent
 * replies, call logs) and contacts from before v4 stay in `interactions`; every reader here is
 * the union of both.
 */
import { Dexie, type Table } from 'dexie';
import type { AppDB } from '@/lib/db/app-db';
import type { Interaction } from '@/lib/schemas/records';
import { blockIdsByTicket, keyPagesHave, reindexBlocks } from './key-pages';

export type BlockContact = Omit<Interaction, 'customerId'>;

export interface ContactBlock {
  id: string;
  customerId: string;
  /** Earliest contact's time: retention finds the blocks to trim by it. */
  first: number;
  /** Latest contact's time: the sidebar reads a customer's blocks newest first by it. */
  last: number;
  /** contacts.length, in the index key so counts need no block read. */
  size: number;
  /** Oldest first; the customer id is the block's. */
  contacts: BlockContact[];
}

/** The one index of a customer's blocks: its keys are [customerId, last, first, size]. */
export const BY_CUSTOMER = '[customerId+last+first+size]';
type BlockKey = [customerId: string, last: number, first: number, size: number];

/** Contacts per block at most: a block is read whole, so the sidebar reads at most this many extra. */
export const BLOCK_MAX = 200;

/** The stored form of one customer's contacts (already in time order). */
export function blockOf(id: string, customerId: string, contacts: BlockContact[]): ContactBlock {
  let first = Infinity;
  let last = -Infinity;
  for (const c of contacts) {
    if (c.at < first) first = c.at;
    if (c.at > last) last = c.at;
  }
  return { id, customerId, first, last, size: contacts.length, contacts };
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

/** Stores new blocks and their source keys and tickets. Call inside a rw transaction over both tables. */
export async function addBlocks(db: AppDB, blocks: ContactBlock[]): Promise<void> {
  if (!blocks.length) return;
  await db.contactBlocks.bulkAdd(blocks);
  await reindexBlocks(db.contactKeys, blocks.map((after) => ({ after })));
}

export const contactsOf = (b: ContactBlock): Interaction[] => b.contacts.map((c) => ({ ...c, customerId: b.customerId }));

const customerRange = (customerId: string) => [[customerId], [customerId, Dexie.maxKey]] as const;
const blocksOfCustomer = (db: AppDB | { contactBlocks: Table<ContactBlock, string> }, customerId: string) =>
  db.contactBlocks.where(BY_CUSTOMER).between(...customerRange(customerId));

/** Every block of a customer (merge, forget, tests). */
export function blocksOf(db: AppDB, customerId: string): Promise<ContactBlock[]> {
  return blocksOfCustomer(db, customerId).toArray();
}

export interface BlockHistory {
  /** Newest first, at most the limit asked for. */
  latest: Interaction[];
  total: number;
  since: number;
  firstAt: number | null;
}

/**
 * Blocks read whole at most for one sidebar view in one request. Most customers have a block or
 * a few (one per import); reading them at once beats a key walk followed by reads.
 */
export const VIEW_BLOCKS_READ = 8;

type Placed = { c: BlockContact; pos: number; b: ContactBlock };
/** Newest first; equal times: later in the block first, then block id descending (a total order). */
const newestFirst = (x: Placed, y: Placed) => y.c.at - x.c.at || y.pos - x.pos || (x.b.id < y.b.id ? 1 : x.b.id > y.b.id ? -1 : 0);
const placed = (blocks: Iterable<ContactBlock>) => [...blocks].flatMap((b) => b.contacts.map((c, pos) => ({ c, pos, b })));
const asInteraction = ({ c, b }: Placed): Interaction => ({ ...c, customerId: b.customerId });

/** What the sidebar needs from the customer's block contacts: latest `limit`, counts, first time. */
export async function blockHistory(db: AppDB, customerId: string, limit: number, since: number): Promise<BlockHistory> {
  const few = await blocksOfCustomer(db, customerId).limit(VIEW_BLOCKS_READ + 1).toArray();
  if (few.length <= VIEW_BLOCKS_READ) {
    const all = placed(few).sort(newestFirst);
    return {
      latest: all.slice(0, Math.max(0, limit)).map(asInteraction),
      total: all.length,
      since: all.filter(({ c }) => c.at >= since).length,
      firstAt: all.length ? all[all.length - 1]!.c.at : null,
    };
  }
  return manyBlocksHistory(db, customerId, limit, since);
}

/**
 * A customer with many blocks (thousands of contacts, or many imports): counts come from the
 * index keys; only blocks that can hold one of the latest `limit` contacts, or that straddle
 * `since`, are read, newest `last` first, VIEW_BLOCKS_READ at a time.
 */
async function manyBlocksHistory(db: AppDB, customerId: string, limit: number, since: number): Promise<BlockHistory> {
  const keyed: Array<{ id: string; last: number; first: number; size: number }> = [];
  await blocksOfCustomer(db, customerId).eachKey((key, cursor) => {
    const [, last, first, size] = key as unknown as BlockKey;
    keyed.push({ id: cursor.primaryKey as string, last, first, size });
  });
  const loaded = new Map<string, ContactBlock>();
  const load = async (ids: string[]) => {
    if (!ids.length) return;
    for (const b of await db.contactBlocks.bulkGet(ids)) if (b) loaded.set(b.id, b);
  };
  await load(keyed.filter((k) => k.first < since && k.last >= since).map((k) => k.id));
  const pending = keyed.filter((k) => !loaded.has(k.id)).sort((a, b) => b.last - a.last);
  let ranked = placed(loaded.values()).sort(newestFirst);
  for (let i = 0; i < pending.length && limit > 0; i += VIEW_BLOCKS_READ) {
    // Every unread block ends before the limit-th newest contact read so far: none can displace it.
    if (ranked.length >= limit && ranked[limit - 1]!.c.at > pending[i]!.last) break;
    await load(pending.slice(i, i + VIEW_BLOCKS_READ).map((k) => k.id));
    ranked = placed(loaded.values()).sort(newestFirst);
  }
  let recent = 0;
  for (const k of keyed) {
    if (k.first >= since) recent += k.size;
    else if (k.last >= since) recent += loaded.get(k.id)?.contacts.filter((c) => c.at >= since).length ?? 0;
  }
  return {
    latest: ranked.slice(0, Math.max(0, limit)).map(asInteraction),
    total: keyed.reduce((n, k) => n + k.size, 0),
    since: recent,
    firstAt: keyed.reduce<number | null>((m, k) => (m === null || k.first < m ? k.first : m), null),
  };
}

/** The customer's latest `limit` block contacts, newest first. */
export async function latestBlockContacts(db: AppDB, customerId: string, limit: number): Promise<Interaction[]> {
  return (await blockHistory(db, customerId, limit, Infinity)).latest;
}

/** How many block contacts the customer has since `from` (all when omitted). */
export async function countBlockContacts(db: AppDB, customerId: string, from = -Infinity): Promise<number> {
  return (await blockHistory(db, customerId, 0, from)).since;
}

/** Customers with a block contact of this ticket. */
export async function customerIdsByBlockTicket(db: AppDB, ticketId: string, limit: number): Promise<string[]> {
  const ids = await blockIdsByTicket(db.contactKeys, ticketId);
  if (!ids.length) return [];
  const blocks = await db.contactBlocks.bulkGet(ids);
  return [...new Set(blocks.flatMap((b) => (b && b.contacts.some((c) => c.ticketId === ticketId) ? [b.customerId] : [])))].slice(0, limit);
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

/** Number of contacts, both stores (block sizes are in the index keys). */
export async function countAllContacts(db: AppDB): Promise<number> {
  const [singles, keys] = await Promise.all([db.interactions.count(), db.contactBlocks.orderBy(BY_CUSTOMER).keys()]);
  return singles + keys.reduce<number>((n, k) => n + (k as unknown as BlockKey)[3], 0);
}

/**
 * Which of `keys` are taken already, in either store. Single contacts: reading every stored key
 * costs about a fifth of a request per key (measured), so a store with fewer than 4× as many keys
 * as asked is read whole; otherwise one count request per key, all issued at once. Block
 * contacts: their key pages (key-pages.ts).
 */
export async function existingSourceKeys(db: AppDB, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!keys.length) return found;
  const wanted = new Set(keys);
  const n = await db.interactions.count();
  if (n && n <= 4 * wanted.size) {
    for (const k of await db.interactions.orderBy('sourceKey').keys()) if (typeof k === 'string' && wanted.has(k)) found.add(k);
  } else if (n) {
    const list = [...wanted];
    // Dexie.Promise.all keeps the caller's transaction (a native Promise.all would not).
    const counts = await Dexie.Promise.all(list.map((k) => db.interactions.where('sourceKey').equals(k).count()));
    list.forEach((k, i) => counts[i]! > 0 && found.add(k));
  }
  for (const k of await keyPagesHave(db.contactKeys, [...wanted])) found.add(k);
  return found;
}

/** Drops block contacts older than `cutoff`; returns how many. */
export async function trimBlocksBefore(db: AppDB, cutoff: number): Promise<number> {
  return db.transaction('rw', db.contactBlocks, db.contactKeys, async () => {
    const old = await db.contactBlocks.where('first').below(cutoff).toArray();
    let removed = 0;
    const keep: ContactBlock[] = [];
    const drop: string[] = [];
    const changes: Array<{ before: ContactBlock; after?: ContactBlock }> = [];
    for (const b of old) {
      const rest = b.contacts.filter((c) => c.at >= cutoff);
      removed += b.contacts.length - rest.length;
      if (rest.length) {
        const after = blockOf(b.id, b.customerId, rest);
        keep.push(after);
        changes.push({ before: b, after });
      } else {
        drop.push(b.id);
        changes.push({ before: b });
      }
    }
    await db.contactBlocks.bulkDelete(drop);
    await db.contactBlocks.bulkPut(keep);
    await reindexBlocks(db.contactKeys, changes);
    return removed;
  });
}

/** Moves the blocks of one customer to another (merge); returns the block ids moved. Key pages name blocks, so they stay. */
export async function moveBlocks(db: AppDB, fromCustomerId: string, toCustomerId: string): Promise<string[]> {
  const blocks = await blocksOf(db, fromCustomerId);
  if (blocks.length) await db.contactBlocks.bulkPut(blocks.map((b) => blockOf(b.id, toCustomerId, b.contacts)));
  return blocks.map((b) => b.id);
}

/** Gives the listed blocks (ids that are not blocks are ignored) back to a customer (undo of a merge). */
export async function returnBlocks(db: AppDB, ids: string[], toCustomerId: string): Promise<void> {
  if (!ids.length) return;
  const blocks = (await db.contactBlocks.bulkGet(ids)).filter((b): b is ContactBlock => !!b);
  if (blocks.length) await db.contactBlocks.bulkPut(blocks.map((b) => blockOf(b.id, toCustomerId, b.contacts)));
}

/** Deletes a customer's block contacts and their keys (forget); returns how many contacts. */
export async function deleteBlocksOf(db: AppDB, customerId: string): Promise<number> {
  const blocks = await blocksOf(db, customerId);
  if (!blocks.length) return 0;
  await db.contactBlocks.bulkDelete(blocks.map((b) => b.id));
  await reindexBlocks(db.contactKeys, blocks.map((before) => ({ before })));
  return blocks.reduce((n, b) => n + b.contacts.length, 0);
}
