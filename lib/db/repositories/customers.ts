/**
 * Customer identity: lookup, upsert with merge-by-shared-email-or-phone, undo of a merge,
 * search and "forget". Every function takes the database so tests run it on fake-indexeddb.
 */
import { Dexie } from 'dexie';
import type { AppDB } from '@/lib/db/app-db';
import type { Customer, Identity, MergeRecord } from '@/lib/schemas/records';
import { nameTokens } from '@/lib/identity';
import { customerIdsByBlockTicket, deleteBlocksOf, moveBlocks, returnBlocks } from './contact-blocks';

export interface IdentityKeys {
  emails: string[];
  phones: string[];
  accountIds: string[];
  sourceKeys: string[];
}

export interface IncomingCustomer extends IdentityKeys {
  name?: string;
  since?: string;
}

const uniq = <T>(xs: Iterable<T>) => [...new Set(xs)];
const newId = () => crypto.randomUUID();

/**
 * Customers sharing any identifier with `keys`. Account ids only find, never merge (a company
 * account is shared by many people). Source ids are looked up first; emails and phones only
 * when those customers don't already carry them, because two records never share an email or
 * phone for long (they merge) — this halves the index reads of a typical re-import.
 * One index read per key, all issued at once: Dexie's anyOf() walks a cursor one key after
 * the other, which costs a round trip to the IndexedDB backend per key.
 */
export async function findCandidates(db: AppDB, keys: IdentityKeys): Promise<Customer[]> {
  const byId = new Map<string, Customer>();
  const add = (cs: Customer[]) => cs.forEach((c) => byId.set(c.id, c));
  // Dexie.Promise.all keeps the caller's transaction (a native Promise.all would not).
  const each = (index: 'sourceKeys' | 'emails' | 'phones' | 'accountIds', ks: string[]) =>
    Dexie.Promise.all(ks.map((k) => db.customers.where(index).equals(k).toArray())).then((found) => found.forEach(add));
  if (keys.sourceKeys.length) await each('sourceKeys', keys.sourceKeys);
  const known = new Set([...byId.values()].flatMap((c) => [...c.emails, ...c.phones]));
  const emails = keys.emails.filter((e) => !known.has(e));
  const phones = keys.phones.filter((p) => !known.has(p));
  if (emails.length || phones.length) await Dexie.Promise.all([each('emails', emails), each('phones', phones)]);
  if (!byId.size && keys.accountIds.length) await each('accountIds', keys.accountIds);
  return [...byId.values()];
}

/** The same choice as findCandidates, made among customers already in memory. */
export function selectCandidates(all: Iterable<Customer>, keys: IdentityKeys): Customer[] {
  const sourceKeys = new Set(keys.sourceKeys);
  const bySource: Customer[] = [];
  const rest: Customer[] = [];
  for (const c of all) (c.sourceKeys.some((k) => sourceKeys.has(k)) ? bySource : rest).push(c);
  const known = new Set(bySource.flatMap((c) => [...c.emails, ...c.phones]));
  const emails = new Set(keys.emails.filter((e) => !known.has(e)));
  const phones = new Set(keys.phones.filter((p) => !known.has(p)));
  const found = [...bySource, ...rest.filter((c) => c.emails.some((e) => emails.has(e)) || c.phones.some((p) => phones.has(p)))];
  if (found.length || !keys.accountIds.length) return found;
  const accounts = new Set(keys.accountIds);
  return rest.filter((c) => c.accountIds.some((a) => accounts.has(a)));
}

/**
 * How a batch finds its customers. In Chromium every IndexedDB request costs 0.1–0.3 ms
 * whatever it reads, while each record of a getAll() costs roughly a fifth of that (both
 * measured on a loaded 2-core machine). So when a batch needs more than a quarter as many
 * index reads as there are customers (a large import, or any import into a young database),
 * reading the whole table in one request is cheaper. Past `max` customers the table is never
 * read whole, to bound the memory of one batch.
 */
export const CANDIDATE_SCAN = { customersPerRead: 4, max: 100_000 } as const;

/** 'auto' picks by the cost above; tests force either way to check they agree. */
export type CandidateStrategy = 'auto' | 'scan' | 'index';

function overlap(c: Customer, keys: IdentityKeys): number {
  const has = (xs: string[], ys: string[]) => xs.filter((x) => ys.includes(x)).length;
  // A source id is the strongest evidence: the CRM itself said these rows are one customer.
  return (
    3 * has(c.sourceKeys, keys.sourceKeys) +
    2 * has(c.emails, keys.emails) +
    2 * has(c.phones, keys.phones) +
    has(c.accountIds, keys.accountIds)
  );
}

/** Pick the customer an identity on a page refers to (no writes). */
export async function lookup(db: AppDB, keys: IdentityKeys): Promise<Customer | null> {
  const cs = await findCandidates(db, keys);
  if (!cs.length) return null;
  return cs.sort((a, b) => overlap(b, keys) - overlap(a, keys) || a.createdAt - b.createdAt)[0] ?? null;
}

/** Pairs a person split apart by undoing a merge; they are never merged again automatically. */
async function keptApart(db: AppDB, ids: string[]): Promise<Set<string>> {
  const pairs = new Set<string>();
  const undone = await db.merges.where('survivorId').anyOf(ids).filter((m) => m.undoneAt !== undefined).toArray();
  for (const m of undone) {
    pairs.add(`${m.survivorId}|${m.absorbed.id}`);
    pairs.add(`${m.absorbed.id}|${m.survivorId}`);
  }
  return pairs;
}

/** True when `inc` brings nothing `c` lacks: a re-import's or a later row's usual case, answered without building a record. */
function addsNothing(c: Customer, inc: IncomingCustomer): boolean {
  const within = (xs: string[], ys: string[]) => xs.every((x) => ys.includes(x));
  return (
    (!!c.name || !inc.name) &&
    (!inc.since || (!!c.customerSince && c.customerSince <= inc.since)) &&
    within(inc.emails, c.emails) &&
    within(inc.phones, c.phones) &&
    within(inc.accountIds, c.accountIds) &&
    within(inc.sourceKeys, c.sourceKeys)
  );
}

function withKeys(c: Customer, inc: IncomingCustomer, now: number): Customer {
  const name = c.name || inc.name || '';
  const since = [c.customerSince, inc.since].filter((d): d is string => !!d).sort()[0];
  return {
    ...c,
    name,
    // Tokenising folds Unicode, the costliest step of a row: done only when the name is new.
    nameTokens: name === c.name ? c.nameTokens : nameTokens(name),
    emails: uniq([...c.emails, ...inc.emails]),
    phones: uniq([...c.phones, ...inc.phones]),
    accountIds: uniq([...c.accountIds, ...inc.accountIds]),
    sourceKeys: uniq([...c.sourceKeys, ...inc.sourceKeys]),
    ...(since ? { customerSince: since } : {}),
    updatedAt: now,
  };
}

const sameCustomer = (a: Customer, b: Customer) =>
  a.name === b.name &&
  a.customerSince === b.customerSince &&
  (['emails', 'phones', 'accountIds', 'sourceKeys'] as const).every((k) => a[k].length === b[k].length && a[k].every((x, i) => x === b[k][i]));

/** Move everything of `absorbed` onto `survivor`, keeping what is needed to undo it. Call inside a rw transaction. */
export async function mergeInto(db: AppDB, survivor: Customer, absorbed: Customer, reason: string, now: number): Promise<Customer> {
  const range = (t: 'interactions' | 'notes') =>
    db[t].where('[customerId+at]').between([absorbed.id, Dexie.minKey], [absorbed.id, Dexie.maxKey]);
  const interactions = (await range('interactions').primaryKeys()) as string[];
  const notes = (await range('notes').primaryKeys()) as string[];
  const promises = (await db.promises
    .where('[customerId+dueAt]')
    .between([absorbed.id, Dexie.minKey], [absorbed.id, Dexie.maxKey])
    .primaryKeys()) as string[];
  await db.interactions.where('id').anyOf(interactions).modify({ customerId: survivor.id });
  await db.notes.where('id').anyOf(notes).modify({ customerId: survivor.id });
  await db.promises.where('id').anyOf(promises).modify({ customerId: survivor.id });
  // Block ids join the moved contact ids (both are random UUIDs, so they cannot collide):
  // the merge record's shape stays as shipped and undo finds each in its own store.
  const blocks = await moveBlocks(db, absorbed.id, survivor.id);
  const merged = withKeys(
    survivor,
    { ...absorbed, since: absorbed.customerSince, name: absorbed.name },
    now,
  );
  const record: MergeRecord = {
    id: newId(),
    at: now,
    survivorId: survivor.id,
    survivorBefore: survivor,
    absorbed,
    moved: { interactions: [...interactions, ...blocks], notes, promises },
    reason,
  };
  await db.merges.add(record);
  await db.customers.delete(absorbed.id);
  await db.customers.put(merged);
  return merged;
}

export interface UpsertManyResult {
  /** The customer id each incoming record ended up on (after any merges), in input order. */
  ids: string[];
  created: number;
  updated: number;
  merges: number;
}

/**
 * Find or create the customer for each incoming record; records sharing an email or phone
 * become one (the oldest survives). Works on a whole batch with a handful of indexed queries,
 * because a per-row lookup would make a 100,000-row import take minutes.
 * Call inside a rw transaction over customers, interactions, notes, promises, merges and contactBlocks.
 */
export async function upsertMany(
  db: AppDB,
  incs: IncomingCustomer[],
  now: number,
  opts: { candidates?: CandidateStrategy } = {},
): Promise<UpsertManyResult> {
  const union: IdentityKeys = {
    emails: uniq(incs.flatMap((i) => i.emails)),
    phones: uniq(incs.flatMap((i) => i.phones)),
    accountIds: [],
    sourceKeys: uniq(incs.flatMap((i) => i.sourceKeys)),
  };
  const work = new Map<string, Customer>();
  // The index reads findCandidates would make at least: source ids, and the emails and phones of
  // records without one (emails and phones of found customers are not read again).
  const reads = union.sourceKeys.length + uniq(incs.filter((i) => !i.sourceKeys.length).flatMap((i) => [...i.emails, ...i.phones])).length;
  const strategy = opts.candidates ?? 'auto';
  // A handful of keys (the sidebar's upserts) is never worth counting the table for.
  const scan =
    strategy === 'scan' ||
    (strategy === 'auto' && reads >= 50 && (await db.customers.count()) <= Math.min(CANDIDATE_SCAN.max, reads * CANDIDATE_SCAN.customersPerRead));
  const anyKey = union.emails.length + union.phones.length + union.sourceKeys.length > 0;
  // Nothing to look up (a record known only by an account id): no await at all, because awaiting
  // a promise that involved no IndexedDB request drops Dexie's transaction (PrematureCommitError).
  const candidates = !anyKey ? [] : scan ? selectCandidates(await db.customers.toArray(), union) : await findCandidates(db, union);
  for (const c of candidates) work.set(c.id, c);
  const apart = work.size > 1 ? await keptApart(db, [...work.keys()]) : new Set<string>();
  const index = new Map<string, string>(); // 'e:'|'p:'|'s:' + key → customer id
  const register = (c: Customer) => {
    for (const e of c.emails) index.set(`e:${e}`, c.id);
    for (const p of c.phones) index.set(`p:${p}`, c.id);
    for (const k of c.sourceKeys) index.set(`s:${k}`, c.id);
  };
  work.forEach(register);
  const redirect = new Map<string, string>();
  const resolve = (id: string): string => {
    let cur = id;
    while (redirect.has(cur)) cur = redirect.get(cur)!;
    return cur;
  };
  const dirty = new Set<string>();
  const fresh = new Set<string>();
  const ids: string[] = [];
  let merges = 0;

  for (const inc of incs) {
    const found = uniq(
      [...inc.sourceKeys.map((k) => `s:${k}`), ...inc.emails.map((e) => `e:${e}`), ...inc.phones.map((p) => `p:${p}`)]
        .map((k) => index.get(k))
        .filter((id): id is string => !!id)
        .map(resolve),
    ).map((id) => work.get(id)!);
    if (!found.length) {
      const name = inc.name ?? '';
      const c: Customer = {
        id: newId(),
        name,
        nameTokens: nameTokens(name),
        emails: uniq(inc.emails),
        phones: uniq(inc.phones),
        accountIds: uniq(inc.accountIds),
        sourceKeys: uniq(inc.sourceKeys),
        ...(inc.since ? { customerSince: inc.since } : {}),
        createdAt: now,
        updatedAt: now,
      };
      work.set(c.id, c);
      register(c);
      dirty.add(c.id);
      fresh.add(c.id);
      ids.push(c.id);
      continue;
    }
    // Best match first, so when two people were split apart the record goes to the one it fits.
    const ranked = found.sort((a, b) => overlap(b, inc) - overlap(a, inc) || a.createdAt - b.createdAt);
    let survivor = ranked[0]!;
    let merged = false;
    for (const other of ranked.slice(1)) {
      if (apart.has(`${survivor.id}|${other.id}`)) continue;
      const shares =
        other.emails.some((e) => survivor.emails.includes(e) || inc.emails.includes(e)) ||
        other.phones.some((p) => survivor.phones.includes(p) || inc.phones.includes(p));
      if (!shares) continue;
      merged = true;
      const [older, newer] = survivor.createdAt <= other.createdAt ? [survivor, other] : [other, survivor];
      // Rows of customers created earlier in this batch are not written yet; they follow `redirect`.
      if (fresh.has(older.id)) await db.customers.put(older);
      survivor = await mergeInto(db, older, newer, 'shared email or phone', now);
      work.delete(newer.id);
      dirty.delete(newer.id);
      redirect.set(newer.id, survivor.id);
      work.set(survivor.id, survivor);
      merges++;
    }
    const incoming = dropKeysOfApart(inc, ranked, survivor, apart);
    const updated = addsNothing(survivor, incoming) ? survivor : withKeys(survivor, incoming, survivor.updatedAt);
    // Re-imports repeat what is known: writing an unchanged record would cost an IndexedDB
    // put with five multi-entry indexes per row.
    if (!sameCustomer(updated, survivor) || merged) {
      const stamped = { ...updated, updatedAt: now };
      work.set(stamped.id, stamped);
      register(stamped);
      dirty.add(stamped.id);
    }
    ids.push(updated.id);
  }
  await db.customers.bulkPut([...dirty].map((id) => work.get(id)!));
  const finalIds = ids.map(resolve);
  return {
    ids: finalIds,
    created: [...fresh].filter((id) => work.has(id)).length,
    updated: [...dirty].filter((id) => !fresh.has(id) && work.has(id)).length,
    merges,
  };
}

/** Single-record form of upsertMany, for the sidebar's writes. */
export async function upsertCustomer(db: AppDB, inc: IncomingCustomer, now: number): Promise<Customer> {
  const { ids } = await upsertMany(db, [inc], now);
  const c = await db.customers.get(ids[0]!);
  if (!c) throw new Error('customer vanished during upsert');
  return c;
}

/** Identifiers that belong to a person kept apart from the survivor stay with that person. */
function dropKeysOfApart(inc: IncomingCustomer, ranked: Customer[], survivor: Customer, apart: Set<string>): IncomingCustomer {
  const theirs = ranked.filter((c) => apart.has(`${survivor.id}|${c.id}`));
  if (!theirs.length) return inc;
  const owned = new Set(theirs.flatMap((c) => [...c.emails, ...c.phones, ...c.sourceKeys]));
  return {
    ...inc,
    emails: inc.emails.filter((e) => !owned.has(e)),
    phones: inc.phones.filter((p) => !owned.has(p)),
    sourceKeys: inc.sourceKeys.filter((k) => !owned.has(k)),
  };
}

/** Undo a merge: the absorbed record and its rows come back; the survivor loses what only it brought. */
export async function undoMerge(db: AppDB, mergeId: string, now: number): Promise<{ survivorId: string; restoredId: string }> {
  return db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.contactBlocks], async () => {
    const m = await db.merges.get(mergeId);
    if (!m) throw new Error('That merge no longer exists.');
    if (m.undoneAt) throw new Error('That merge was already undone.');
    const survivor = await db.customers.get(m.survivorId);
    if (!survivor) throw new Error('The merged customer has since been deleted.');
    const onlyAbsorbed = (key: 'emails' | 'phones' | 'accountIds' | 'sourceKeys') => {
      const drop = new Set(m.absorbed[key].filter((x) => !m.survivorBefore[key].includes(x)));
      return survivor[key].filter((x) => !drop.has(x));
    };
    await db.customers.put({
      ...survivor,
      emails: onlyAbsorbed('emails'),
      phones: onlyAbsorbed('phones'),
      accountIds: onlyAbsorbed('accountIds'),
      sourceKeys: onlyAbsorbed('sourceKeys'),
      name: m.survivorBefore.name,
      nameTokens: m.survivorBefore.nameTokens,
      ...(m.survivorBefore.customerSince ? { customerSince: m.survivorBefore.customerSince } : {}),
      updatedAt: now,
    });
    if (!m.survivorBefore.customerSince) {
      await db.customers.where('id').equals(survivor.id).modify((c) => { delete c.customerSince; });
    }
    await db.customers.put({ ...m.absorbed, updatedAt: now });
    await db.interactions.where('id').anyOf(m.moved.interactions).modify({ customerId: m.absorbed.id });
    await returnBlocks(db, m.moved.interactions, m.absorbed.id);
    await db.notes.where('id').anyOf(m.moved.notes).modify({ customerId: m.absorbed.id });
    await db.promises.where('id').anyOf(m.moved.promises).modify({ customerId: m.absorbed.id });
    await db.merges.update(m.id, { undoneAt: now });
    return { survivorId: survivor.id, restoredId: m.absorbed.id };
  });
}

export async function mergesOf(db: AppDB, customerId: string): Promise<MergeRecord[]> {
  const rows = await db.merges.where('survivorId').equals(customerId).toArray();
  return rows.sort((a, b) => b.at - a.at);
}

const SEARCH_LIMIT = 20;

/** Search by name prefix, email, phone or ticket id. `phone` is the query normalised to E.164, if it is one. */
export async function search(db: AppDB, q: string, normalized: { email: string | null; phone: string | null }): Promise<Customer[]> {
  const query = q.trim();
  if (!query) return [];
  const found = new Map<string, Customer>();
  const add = (cs: Customer[]) => cs.forEach((c) => found.size < SEARCH_LIMIT && found.set(c.id, c));
  if (normalized.email) add(await db.customers.where('emails').equals(normalized.email).toArray());
  if (normalized.phone) add(await db.customers.where('phones').equals(normalized.phone).toArray());
  if (query.includes('@')) add(await db.customers.where('emails').startsWithIgnoreCase(query).limit(SEARCH_LIMIT).toArray());
  const ticketHits = await db.interactions.where('ticketId').equals(query.replace(/^#/, '')).limit(SEARCH_LIMIT).toArray();
  const ticketCustomers = uniq([
    ...ticketHits.map((i) => i.customerId),
    ...(await customerIdsByBlockTicket(db, query.replace(/^#/, ''), SEARCH_LIMIT)),
  ]);
  if (ticketCustomers.length) add(await db.customers.bulkGet(ticketCustomers).then((cs) => cs.filter((c): c is Customer => !!c)));
  const tokens = nameTokens(query);
  if (tokens.length) {
    // Index on the rarest-looking (longest) token, filter on the rest.
    const [first, ...rest] = [...tokens].sort((a, b) => b.length - a.length);
    const byName = await db.customers
      .where('nameTokens')
      .startsWith(first!)
      .filter((c) => rest.every((t) => c.nameTokens.some((n) => n.startsWith(t))))
      .limit(SEARCH_LIMIT)
      .toArray();
    add(byName);
  }
  return [...found.values()];
}

/** Erase every trace of a customer: the record, contacts, notes, promises, merge snapshots. */
export async function forget(db: AppDB, customerId: string): Promise<{ deleted: number }> {
  return db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.importJobs, db.sentReplies, db.contactBlocks, db.contactKeys, db.importStaging], async () => {
    const c = await db.customers.get(customerId);
    if (!c) return { deleted: 0 };
    // Replies sent to them, including under records since merged into this one.
    const absorbed = (await db.merges.where('survivorId').equals(customerId).toArray()).map((m) => m.absorbed.id);
    const sentDeleted = await db.sentReplies.where('customerId').anyOf([customerId, ...absorbed]).delete();
    const between = [[customerId, Dexie.minKey], [customerId, Dexie.maxKey]] as const;
    let deleted = 1 + sentDeleted;
    deleted += await db.interactions.where('[customerId+at]').between(...between).delete();
    deleted += await deleteBlocksOf(db, customerId);
    // Contacts of an unfinished import wait in staging; they must not outlive the customer either.
    await db.importStaging.toCollection().modify((s) => {
      s.contacts = s.contacts.filter((i) => i.customerId !== customerId);
    });
    deleted += await db.notes.where('[customerId+at]').between(...between).delete();
    deleted += await db.promises.where('[customerId+dueAt]').between(...between).delete();
    // Merge snapshots hold copies of the person's identifiers, on either side of the merge.
    deleted += await db.merges.where('survivorId').equals(customerId).delete();
    deleted += await db.merges.where('absorbed.id').equals(customerId).delete();
    const traces = [...c.emails, ...c.phones, ...(c.name ? [c.name] : [])].filter((t) => t.length > 2);
    await db.importJobs.toCollection().modify((job) => {
      job.errors = job.errors.filter((e) => !traces.some((t) => e.reason.includes(t)));
    });
    await db.customers.delete(customerId);
    return { deleted };
  });
}

/** Identity as read off a page → index keys. */
export function keysFromIdentity(
  identity: Identity,
  normalize: { email: (s: string) => string | null; phone: (s: string) => string | null },
): IdentityKeys {
  const email = identity.email ? normalize.email(identity.email) : null;
  const phone = identity.phone ? normalize.phone(identity.phone) : null;
  return {
    emails: email ? [email] : [],
    phones: phone ? [phone] : [],
    accountIds: identity.accountId ? [identity.accountId.trim()] : [],
    sourceKeys: [],
  };
}
