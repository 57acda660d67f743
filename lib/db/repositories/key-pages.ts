/**
 * The keys of block contacts (contact-blocks.ts), hashed into a fixed set of pages (schema v5).
 *
 * Why pages and not a multi-entry index: an index entry costs ~0.03 ms to write in Chromium, a
 * record ~0.3 ms whatever its size (measured), so a 100,000-contact import spent ~6 s on the
 * 200,000 entries of its source-key and ticket indexes. A page holds every key whose hash falls
 * in its bucket, so an import rewrites at most PAGE_COUNT records per kind, and a lookup reads
 * one page.
 *   `s<bucket>`  source keys of stored block contacts: an import skips what is there already;
 *   `t<bucket>`  [ticket id, block id] pairs: search by #1234 and the sidebar's last resort.
 * Pages name blocks, not customers, so merges and their undo (which move blocks) leave them be.
 * PAGE_COUNT and bucketOf are part of the stored format: changing either needs a schema version
 * that rebuilds the pages.
 */
import type { Table } from 'dexie';

export interface KeyPage {
  id: string;
  /** `s` pages: source keys. */
  keys?: string[];
  /** `t` pages: [ticket id, block id]. */
  tickets?: Array<[ticketId: string, blockId: string]>;
}

export const PAGE_COUNT = 1024;

/**
 * FNV-1a (32-bit) over UTF-16 code units, modulo PAGE_COUNT. Not the importer's stableHash: that
 * one (64-bit, over UTF-8) costs ~2.8 µs a key against ~0.15 µs here (200,000 keys: 560 ms vs
 * 27 ms in Node), and an import hashes each key about three times.
 */
export function bucketOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % PAGE_COUNT;
}

const pageId = (kind: 's' | 't', bucket: number) => `${kind}${bucket}`;

/** Blocks as the pages see them: source keys and distinct tickets. */
interface Keyed {
  id: string;
  contacts: ReadonlyArray<{ sourceKey: string; ticketId?: string | undefined }>;
}

/**
 * Pages by id, read in one request when a quarter or more of a kind's pages are wanted (a large
 * import touches all of them), else one get per page.
 */
async function readPages(pages: Table<KeyPage, string>, ids: string[]): Promise<Map<string, KeyPage>> {
  const out = new Map<string, KeyPage>();
  if (!ids.length) return out;
  const kinds = new Set(ids.map((id) => id[0]!));
  if (ids.length >= PAGE_COUNT / 4) {
    const wanted = new Set(ids);
    for (const kind of kinds) for (const p of await pages.where('id').startsWith(kind).toArray()) if (wanted.has(p.id)) out.set(p.id, p);
  } else {
    for (const p of await pages.bulkGet(ids)) if (p) out.set(p.id, p);
  }
  return out;
}

/**
 * Brings the pages in line with blocks added (`after` only), changed (both) or deleted (`before`
 * only). Call inside a rw transaction over the pages (and the blocks, for atomicity).
 */
export async function reindexBlocks(pages: Table<KeyPage, string>, changes: ReadonlyArray<{ before?: Keyed; after?: Keyed }>): Promise<void> {
  const addKeys = new Set<string>();
  const dropKeys = new Set<string>();
  const addTickets = new Map<string, [string, string]>();
  const dropTickets = new Map<string, [string, string]>();
  const ticketsOf = (b: Keyed | undefined) => {
    const m = new Map<string, [string, string]>();
    for (const c of b?.contacts ?? []) if (c.ticketId) m.set(`${c.ticketId}\u0000${b!.id}`, [c.ticketId, b!.id]);
    return m;
  };
  for (const { before, after } of changes) {
    const was = new Set(before?.contacts.map((c) => c.sourceKey));
    const is = new Set(after?.contacts.map((c) => c.sourceKey));
    for (const k of is) if (!was.has(k)) addKeys.add(k);
    for (const k of was) if (!is.has(k)) dropKeys.add(k);
    const tWas = ticketsOf(before);
    const tIs = ticketsOf(after);
    for (const [k, pair] of tIs) if (!tWas.has(k)) addTickets.set(k, pair);
    for (const [k, pair] of tWas) if (!tIs.has(k)) dropTickets.set(k, pair);
  }
  const touched = new Set<string>();
  for (const k of [...addKeys, ...dropKeys]) touched.add(pageId('s', bucketOf(k)));
  for (const [t] of [...addTickets.values(), ...dropTickets.values()]) touched.add(pageId('t', bucketOf(t)));
  if (!touched.size) return;
  const found = await readPages(pages, [...touched]);
  const page = (id: string) => {
    let p = found.get(id);
    if (!p) found.set(id, (p = { id }));
    return p;
  };
  // Drops before adds: a key leaving one block and joining another in the same call stays, once.
  for (const id of touched) {
    const p = page(id);
    if (id[0] === 's' && dropKeys.size) p.keys = (p.keys ?? []).filter((k) => !dropKeys.has(k));
    if (id[0] === 't' && dropTickets.size) p.tickets = (p.tickets ?? []).filter(([t, b]) => !dropTickets.has(`${t}\u0000${b}`));
  }
  for (const k of addKeys) (page(pageId('s', bucketOf(k))).keys ??= []).push(k);
  for (const [t, b] of addTickets.values()) (page(pageId('t', bucketOf(t))).tickets ??= []).push([t, b]);
  const put: KeyPage[] = [];
  const del: string[] = [];
  for (const id of touched) {
    const p = page(id);
    if (p.keys?.length || p.tickets?.length) put.push(p);
    else del.push(id);
  }
  if (del.length) await pages.bulkDelete(del);
  if (put.length) await pages.bulkPut(put);
}

/** Which of `keys` are source keys of stored block contacts. */
export async function keyPagesHave(pages: Table<KeyPage, string>, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (!keys.length) return found;
  const byPage = new Map<string, string[]>();
  for (const k of keys) {
    const id = pageId('s', bucketOf(k));
    const list = byPage.get(id);
    if (list) list.push(k);
    else byPage.set(id, [k]);
  }
  const read = await readPages(pages, [...byPage.keys()]);
  for (const [id, asked] of byPage) {
    const stored = read.get(id)?.keys;
    if (!stored?.length) continue;
    const set = new Set(stored);
    for (const k of asked) if (set.has(k)) found.add(k);
  }
  return found;
}

/** Blocks holding a contact with this ticket id. */
export async function blockIdsByTicket(pages: Table<KeyPage, string>, ticketId: string): Promise<string[]> {
  const p = await pages.get(pageId('t', bucketOf(ticketId)));
  return (p?.tickets ?? []).filter(([t]) => t === ticketId).map(([, b]) => b);
}
