/**
 * Customer identity: lookup, upsert with merge-by-shared-email-or-phone, undo of a merge,
 * search and "forget". Every function takes the database so tests run it on fake-indexeddb.
 */
import { Dexie } from 'dexie';
import type { AppDB } from '@/lib/db/app-db';
import type { Customer, Identity, MergeRecord } from '@/lib/schemas/records';
import { nameTokens } from '@/lib/identity';

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
 */
export async function findCandidates(db: AppDB, keys: IdentityKeys): Promise<Customer[]> {
  const byId = new Map<string, Customer>();
  const add = (cs: Customer[]) => cs.forEach((c) => byId.set(c.id, c));
  if (keys.sourceKeys.length) add(await db.customers.where('sourceKeys').anyOf(keys.sourceKeys).toArray());
  const known = new Set([...byId.values()].flatMap((c) => [...c.emails, ...c.phones]));
  const emails = keys.emails.filter((e) => !known.has(e));
  const phones = keys.phones.filter((p) => !known.has(p));
  if (emails.length) add(await db.customers.where('emails').anyOf(emails).toArray());
  if (phones.length) add(await db.customers.where('phones').anyOf(phones).toArray());
  if (!byId.size && keys.accountIds.length) add(await db.customers.where('accountIds').anyOf(keys.accountIds).toArray());
  return [...byId.values()];
}

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

function withKeys(c: Customer, inc: IncomingCustomer, now: number): Customer {
  const name = c.name || inc.name || '';
  const since = [c.customerSince, inc.since].filter((d): d is string => !!d).sort()[0];
  return {
    ...c,
    name,
    nameTokens: nameTokens(name),
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
    moved: { interactions, notes, promises },
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
 * Call inside a rw transaction over customers, interactions, notes, promises and merges.
 */
export async function upsertMany(db: AppDB, incs: IncomingCustomer[], now: number): Promise<UpsertManyResult> {
  const union: IdentityKeys = {
    emails: uniq(incs.flatMap((i) => i.emails)),
    phones: uniq(incs.flatMap((i) => i.phones)),
    accountIds: [],
    sourceKeys: uniq(incs.flatMap((i) => i.sourceKeys)),
  };
  const work = new Map<string, Customer>();
  for (const c of await findCandidates(db, union)) work.set(c.id, c);
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
    const updated = withKeys(survivor, dropKeysOfApart(inc, ranked, survivor, apart), survivor.updatedAt);
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
  return db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges], async () => {
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
  if (ticketHits.length) add(await db.customers.bulkGet(uniq(ticketHits.map((i) => i.customerId))).then((cs) => cs.filter((c): c is Customer => !!c)));
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
  return db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.importJobs], async () => {
    const c = await db.customers.get(customerId);
    if (!c) return { deleted: 0 };
    const between = [[customerId, Dexie.minKey], [customerId, Dexie.maxKey]] as const;
    let deleted = 1;
    deleted += await db.interactions.where('[customerId+at]').between(...between).delete();
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
