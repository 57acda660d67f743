import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { AppDB } from '@/lib/db/app-db';
import type { Interaction } from '@/lib/schemas/records';
import {
  BLOCK_MAX,
  VIEW_BLOCKS_READ,
  addBlocks,
  blocksOf,
  countAllContacts,
  customerIdByTicket,
  existingSourceKeys,
  makeBlocks,
} from '@/lib/db/repositories/contact-blocks';
import { forget, search, undoMerge, upsertCustomer, mergesOf } from '@/lib/db/repositories/customers';
import { applyRetention, customerView } from '@/lib/db/repositories/history';
import { exportAll, restoreAll } from '@/lib/db/repositories/backup';
import { beginImport, finishImport, writeImportBatch } from '@/lib/db/repositories/imports';
import { customerTexts } from '@/lib/db/repositories/customer-texts';
import { HISTORICAL_STORES, HISTORICAL_VERSIONS } from '../../hostile/fixtures/db-versions';
import { DAY, NOW, freshDb, row } from './helpers';

type Db = ReturnType<typeof freshDb>;
const tx = <T>(db: Db, fn: () => Promise<T>) => db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.contactBlocks], fn);
const keys = (o: { emails?: string[]; phones?: string[] }) => ({ emails: [], phones: [], accountIds: [], sourceKeys: [], ...o });

/** Contacts of one customer at the given ages (days), as the import would make them. */
const contacts = (customerId: string, ages: number[], prefix = 'k'): Interaction[] =>
  ages.map((d, i) => ({
    id: `${prefix}-id-${i}`,
    customerId,
    channel: 'email',
    at: NOW - d * DAY,
    subject: `Subject ${i}`,
    summary: `Summary ${prefix} ${i}`,
    ticketId: `${prefix.toUpperCase()}${i}`,
    sourceKey: `src:${prefix}${i}`,
    origin: 'import',
  }));

/** The same contacts stored one per record (the v3 layout) in one database and as blocks in another. */
async function twoLayouts(ages: number[]) {
  const single = freshDb();
  const blocked = freshDb();
  const ids: string[] = [];
  for (const db of [single, blocked]) {
    const c = await tx(db, () => upsertCustomer(db, keys({ emails: ['rita@x.example'] }), NOW));
    await db.customers.put({ ...c, id: 'rita' });
    await db.customers.delete(c.id);
    ids.push('rita');
  }
  await single.interactions.bulkAdd(contacts('rita', ages));
  await addBlocks(blocked, makeBlocks(contacts('rita', ages)));
  return { single, blocked };
}

describe('contact blocks', () => {
  it('group contacts by customer, oldest first, at most BLOCK_MAX to a block', () => {
    const many = [...contacts('a', Array.from({ length: BLOCK_MAX + 5 }, (_, i) => i)), ...contacts('b', [3, 1, 2], 'b')];
    const blocks = makeBlocks(many);
    expect(blocks.map((b) => [b.customerId, b.contacts.length])).toEqual([['a', BLOCK_MAX], ['a', 5], ['b', 3]]);
    const b = blocks[2]!;
    expect(b.contacts.map((c) => c.at)).toEqual([NOW - 3 * DAY, NOW - 2 * DAY, NOW - DAY]);
    expect([b.first, b.last, b.size]).toEqual([NOW - 3 * DAY, NOW - DAY, 3]);
    expect(b.contacts[0]).not.toHaveProperty('customerId');
  });

  it('give the sidebar the same view as single records, alone and mixed with them', async () => {
    const ages = Array.from({ length: 70 }, (_, i) => (i * 7) % 90);
    const { single, blocked } = await twoLayouts(ages);
    for (const limit of [3, 50]) {
      const a = await customerView(single, 'rita', NOW, limit);
      const b = await customerView(blocked, 'rita', NOW, limit);
      expect(b).toEqual(a);
      expect(a?.totalContacts).toBe(70);
      expect(a?.timeline).toHaveLength(limit);
    }
    // A call logged after the import joins the imported history in time order.
    const call = { customerId: 'rita', channel: 'phone' as const, at: NOW - 5 * DAY + 1, sourceKey: 'call:1', origin: 'call-log' as const };
    await single.interactions.add({ id: 'call-1', ...call });
    await blocked.interactions.add({ id: 'call-1', ...call });
    expect(await customerView(blocked, 'rita', NOW, 20)).toEqual(await customerView(single, 'rita', NOW, 20));
    expect((await customerTexts(blocked, 'rita')).length).toBe((await customerTexts(single, 'rita')).length);
  });

  it('give the same view when a customer has too many blocks to read whole (index path)', async () => {
    const ages = Array.from({ length: (VIEW_BLOCKS_READ + 3) * 5 }, (_, i) => (i * 11) % 97);
    const { single, blocked } = await twoLayouts([]);
    const all = contacts('rita', ages);
    await single.interactions.bulkAdd(all);
    // One import per five contacts: more blocks than the sidebar reads whole.
    for (let i = 0; i < all.length; i += 5) await addBlocks(blocked, makeBlocks(all.slice(i, i + 5)));
    expect(await blocked.contactBlocks.count()).toBeGreaterThan(VIEW_BLOCKS_READ);
    for (const limit of [3, 50]) expect(await customerView(blocked, 'rita', NOW, limit)).toEqual(await customerView(single, 'rita', NOW, limit));
  });

  it('are found by ticket number and counted in the stats', async () => {
    const { blocked } = await twoLayouts([1, 2, 3]);
    expect(await customerIdByTicket(blocked, 'K1')).toBe('rita');
    expect(await customerIdByTicket(blocked, 'K9')).toBeNull();
    expect((await search(blocked, '#K2', { email: null, phone: null })).map((c) => c.id)).toEqual(['rita']);
    expect(await countAllContacts(blocked)).toBe(3);
  });

  it('lose only contacts older than the retention period', async () => {
    const { single, blocked } = await twoLayouts([400, 366, 364, 10]);
    expect(await applyRetention(blocked, 365, NOW)).toBe(2);
    expect(await applyRetention(single, 365, NOW)).toBe(2);
    expect(await customerView(blocked, 'rita', NOW)).toEqual(await customerView(single, 'rita', NOW));
    const [left] = await blocked.contactBlocks.toArray();
    expect(left?.contacts.map((c) => c.sourceKey)).toEqual(['src:k2', 'src:k3']);
    expect(left?.first).toBe(NOW - 364 * DAY);
  });

  it('follow a merge, go back on undo, and are erased with the customer', async () => {
    const db = freshDb();
    const a = await tx(db, () => upsertCustomer(db, keys({ emails: ['a@x.example'] }), NOW));
    const b = await tx(db, () => upsertCustomer(db, keys({ phones: ['+15555550100'] }), NOW + 1));
    await addBlocks(db, makeBlocks(contacts(b.id, [1, 2], 'b')));
    await tx(db, () => upsertCustomer(db, keys({ emails: ['a@x.example'], phones: ['+15555550100'] }), NOW + 2));
    expect((await customerView(db, a.id, NOW + 3))?.totalContacts).toBe(2);
    const [merge] = await mergesOf(db, a.id);
    await undoMerge(db, merge!.id, NOW + 4);
    expect((await customerView(db, a.id, NOW + 5))?.totalContacts).toBe(0);
    expect((await customerView(db, b.id, NOW + 5))?.timeline.map((i) => i.sourceKey)).toEqual(['src:b0', 'src:b1']);
    const { deleted } = await forget(db, b.id);
    // The record, its two contacts and the (undone) merge snapshot that named it.
    expect(deleted).toBe(4);
    expect(await db.contactBlocks.count()).toBe(0);
  });

  it('are exported as ordinary contacts, and such a backup restores to the same view', async () => {
    const { blocked } = await twoLayouts([1, 2, 40]);
    const backup = await exportAll(blocked, new Date(NOW));
    expect(backup.tables.interactions.map((i) => i.sourceKey).sort()).toEqual(['src:k0', 'src:k1', 'src:k2']);
    expect(backup.tables.interactions.every((i) => i.customerId === 'rita')).toBe(true);
    const restored = freshDb();
    await restoreAll(restored, backup);
    expect(await customerView(restored, 'rita', NOW)).toEqual(await customerView(blocked, 'rita', NOW));
  });

  it('keep their key pages in step: retention, merge and undo, forget', async () => {
    const { blocked } = await twoLayouts([400, 366, 10]);
    await applyRetention(blocked, 365, NOW);
    // Trimmed contacts are gone from ticket search and from the re-import check; the kept one is not.
    expect(await customerIdByTicket(blocked, 'K0')).toBeNull();
    expect(await customerIdByTicket(blocked, 'K2')).toBe('rita');
    expect([...(await existingSourceKeys(blocked, ['src:k0', 'src:k1', 'src:k2']))]).toEqual(['src:k2']);

    const db = freshDb();
    const a = await tx(db, () => upsertCustomer(db, keys({ emails: ['a@x.example'] }), NOW));
    const b = await tx(db, () => upsertCustomer(db, keys({ phones: ['+15555550100'] }), NOW + 1));
    await addBlocks(db, makeBlocks(contacts(b.id, [1, 2], 'b')));
    await tx(db, () => upsertCustomer(db, keys({ emails: ['a@x.example'], phones: ['+15555550100'] }), NOW + 2));
    expect(await customerIdByTicket(db, 'B1')).toBe(a.id);
    const [merge] = await mergesOf(db, a.id);
    await undoMerge(db, merge!.id, NOW + 3);
    expect(await customerIdByTicket(db, 'B1')).toBe(b.id);
    expect(await db.contactKeys.count()).toBeGreaterThan(0);
    await forget(db, b.id);
    expect(await customerIdByTicket(db, 'B1')).toBeNull();
    expect(await existingSourceKeys(db, ['src:b0', 'src:b1'])).toEqual(new Set());
    // Nothing of the forgotten customer's contacts is left in the pages.
    expect(await db.contactKeys.count()).toBe(0);
  });

  it('answer "which source keys exist" the same whether the store is read whole or key by key', async () => {
    const { single, blocked } = await twoLayouts(Array.from({ length: 30 }, (_, i) => i));
    const asked = ['src:k3', 'src:k29', 'src:k30', 'src:nope'];
    // 4 keys asked of 30 stored: counted key by key; 30 asked: read whole. Both stores.
    expect([...(await existingSourceKeys(single, asked))].sort()).toEqual(['src:k29', 'src:k3']);
    expect([...(await existingSourceKeys(blocked, asked))].sort()).toEqual(['src:k29', 'src:k3']);
    const many = [...asked, ...Array.from({ length: 26 }, (_, i) => `src:x${i}`)];
    expect([...(await existingSourceKeys(single, many))].sort()).toEqual(['src:k29', 'src:k3']);
    expect([...(await existingSourceKeys(blocked, many))].sort()).toEqual(['src:k29', 'src:k3']);
  });
});

describe('import into contact blocks', () => {
  const start = (db: Db, fingerprint: string) => beginImport(db, { fileName: 'crm.csv', fileSize: 1, fingerprint, mapping: {} }, NOW);

  it('groups one customer spread over batches into one block, and counts in-file repeats once', async () => {
    const db = freshDb();
    const { job } = await start(db, 'f');
    const ann = { emails: ['ann@x.example'], sourceId: 'C1' };
    await writeImportBatch(db, { jobId: job.id, rows: [row(2, ann, { sourceId: 'T1' }), row(3, { emails: ['bo@x.example'] }, { sourceId: 'T2' })], lastRow: 3, errors: [] }, NOW);
    // Nothing readable yet: contacts wait in staging, but the job counts them.
    expect(await countAllContacts(db)).toBe(0);
    const mid = await writeImportBatch(db, { jobId: job.id, rows: [row(4, ann, { sourceId: 'T3' }), row(5, ann, { sourceId: 'T1' })], lastRow: 5, errors: [] }, NOW);
    expect(mid.interactionsWritten).toBe(4);
    const done = await finishImport(db, job.id, 'done', NOW);
    expect(done).toMatchObject({ interactionsWritten: 3, duplicatesSkipped: 1, staged: 0 });
    const annId = (await db.customers.where('emails').equals('ann@x.example').first())!.id;
    const blocks = await blocksOf(db, annId);
    // Oldest first: row 4 (T3) is four days old, row 2 (T1) two; row 5 repeats T1.
    expect(blocks.map((b) => b.contacts.map((c) => c.sourceKey))).toEqual([['src:T3', 'src:T1']]);
    expect(await countAllContacts(db)).toBe(3);
  });

  it('drops staged contacts of a customer forgotten before the import finished', async () => {
    const db = freshDb();
    const { job } = await start(db, 'g');
    await writeImportBatch(db, { jobId: job.id, rows: [row(2, { emails: ['gone@x.example'] }, { sourceId: 'T1', summary: 'secret' }), row(3, { emails: ['stay@x.example'] }, { sourceId: 'T2' })], lastRow: 3, errors: [] }, NOW);
    const gone = (await db.customers.where('emails').equals('gone@x.example').first())!;
    await forget(db, gone.id);
    expect(JSON.stringify(await db.importStaging.toArray())).not.toContain('secret');
    const done = await finishImport(db, job.id, 'done', NOW);
    expect(done.interactionsWritten).toBe(1);
    expect(await countAllContacts(db)).toBe(1);
  });
});

describe('schema v4 upgrade (and on to v5)', () => {
  it('keeps every record of a v3 database', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    // The shipped v1–v3 definitions, as a v3 install has them.
    const v3 = new Dexie(name);
    for (const v of HISTORICAL_VERSIONS.filter((v) => v <= 3)) v3.version(v).stores({ ...HISTORICAL_STORES[v] });
    const customer = { id: 'c1', name: 'Ann', nameTokens: ['ann'], emails: ['ann@x.example'], phones: [], accountIds: [], sourceKeys: [], createdAt: NOW, updatedAt: NOW };
    const seeded = {
      customers: [customer],
      interactions: contacts('c1', [1, 2, 3]),
      notes: [{ id: 'n1', customerId: 'c1', at: NOW, text: 'note' }],
      promises: [{ id: 'p1', customerId: 'c1', text: 'call back', dueAt: NOW + DAY, status: 'open', createdAt: NOW }],
      merges: [],
      importJobs: [],
      sentReplies: [{ id: 's1', at: NOW, host: 'gmail', text: 'Hello', bands: ['b1'], signature: [1, 2], customerId: 'c1' }],
      overrides: [{ id: 'o1', at: NOW, agent: 'Sam', rules: ['r1'] }],
    } as const;
    for (const [table, rows] of Object.entries(seeded)) await v3.table(table).bulkAdd([...rows]);
    v3.close();

    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(5);
    for (const [table, rows] of Object.entries(seeded)) {
      expect(await db.table(table).toArray()).toEqual(expect.arrayContaining([...rows].map((r) => expect.objectContaining(r))));
      expect(await db.table(table).count()).toBe(rows.length);
    }
    // Old contacts stay where they were and are read as before.
    const view = await customerView(db, 'c1', NOW);
    expect(view?.totalContacts).toBe(3);
    expect(await countAllContacts(db)).toBe(3);
    db.close();
  });
});
