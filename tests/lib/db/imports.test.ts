import { describe, expect, it } from 'vitest';
import { beginImport, finishImport, writeImportBatch } from '@/lib/db/repositories/imports';
import { countAllContacts, countBlockContacts } from '@/lib/db/repositories/contact-blocks';
import { exportAll, restoreAll } from '@/lib/db/repositories/backup';
import { sampleBackup } from '@/lib/demo/sample-data';
import { NOW, freshDb, row } from './helpers';

/** Contacts stored once the job finished (staged contacts are grouped into blocks then). */
const stored = async (db: ReturnType<typeof freshDb>, jobId: string) => {
  await finishImport(db, jobId, 'done', NOW);
  return countAllContacts(db);
};

const start = (db: ReturnType<typeof freshDb>, fingerprint = 'file-a') =>
  beginImport(db, { fileName: 'crm.csv', fileSize: 100, fingerprint, mapping: {} }, NOW);

describe('import writer', () => {
  const rows = [
    row(2, { emails: ['a@x.example'], name: 'Ann', sourceId: 'C1' }, { sourceId: 'T1', subject: 'Hello' }),
    row(3, { emails: ['a@x.example'] }, { subject: 'No source id', summary: 'natural key' }),
    row(4, { phones: ['+447700900004'], name: 'Ben' }, { sourceId: 'T2' }),
  ];

  it('writes a batch with its progress and reports counts', async () => {
    const db = freshDb();
    const { job } = await start(db);
    const after = await writeImportBatch(db, { jobId: job.id, rows, lastRow: 4, errors: [{ row: 5, reason: 'no customer identifier' }] }, NOW);
    expect(after).toMatchObject({ lastRow: 4, customersCreated: 2, interactionsWritten: 3, errorCount: 1 });
    expect(await db.customers.count()).toBe(2);
    expect(await stored(db, job.id)).toBe(3);
    // Imported contacts are stored grouped by customer (Ann's two in one block), none one by one.
    expect(await db.interactions.count()).toBe(0);
    expect((await db.contactBlocks.toArray()).map((b) => b.contacts.length).sort()).toEqual([1, 2]);
    expect(await db.importStaging.count()).toBe(0);
  });

  it('writes a batch delivered twice only once', async () => {
    const db = freshDb();
    const { job } = await start(db);
    await writeImportBatch(db, { jobId: job.id, rows, lastRow: 4, errors: [] }, NOW);
    const again = await writeImportBatch(db, { jobId: job.id, rows, lastRow: 4, errors: [] }, NOW);
    expect(again.interactionsWritten).toBe(3);
    expect(await stored(db, job.id)).toBe(3);
  });

  it('re-importing the same file creates no duplicates', async () => {
    const db = freshDb();
    const first = await start(db, 'f1');
    await writeImportBatch(db, { jobId: first.job.id, rows, lastRow: 4, errors: [] }, NOW);
    await finishImport(db, first.job.id, 'done', NOW);
    const second = await start(db, 'f1-again');
    const res = await writeImportBatch(db, { jobId: second.job.id, rows, lastRow: 4, errors: [] }, NOW);
    expect(res.interactionsWritten).toBe(0);
    expect(res.duplicatesSkipped).toBe(3);
    expect(await db.customers.count()).toBe(2);
    expect(await stored(db, second.job.id)).toBe(3);
  });

  it('resumes an interrupted import where its last committed batch ended', async () => {
    const db = freshDb();
    const { job } = await start(db, 'big-file');
    await writeImportBatch(db, { jobId: job.id, rows: rows.slice(0, 1), lastRow: 2, errors: [] }, NOW);
    // The service worker restarts; the page begins again with the same file.
    const again = await start(db, 'big-file');
    expect(again.resumed).toBe(true);
    expect(again.job.id).toBe(job.id);
    expect(again.job.lastRow).toBe(2);
  });
});

describe('import writer, large batches', () => {
  // 60 customers in a batch of 60 rows: enough that the writer reads the customer table whole
  // instead of one index read per key (see CANDIDATE_SCAN); the result must not depend on it.
  const customers = 60;
  const file = (from: number) =>
    Array.from({ length: customers }, (_, i) =>
      row(from + i, { sourceId: `C${i}`, emails: [`c${i}@x.example`], name: `Customer ${i}` }, { sourceId: `T${from + i}`, subject: `Contact ${from + i}` }),
    );

  it('finds the customers of earlier batches, merges shared emails and re-imports nothing twice', async () => {
    const db = freshDb();
    const { job } = await start(db, 'large');
    await writeImportBatch(db, { jobId: job.id, rows: file(2), lastRow: 61, errors: [] }, NOW);
    const ids = new Map((await db.customers.toArray()).map((c) => [c.sourceKeys[0], c.id]));
    // Second batch: the same customers with new contacts, and one new record sharing C0's email.
    const second = [...file(62), row(122, { phones: ['+447700900099'], emails: ['c0@x.example'] }, { sourceId: 'T-extra' })];
    const after = await writeImportBatch(db, { jobId: job.id, rows: second, lastRow: 122, errors: [] }, NOW + 1);
    expect(after).toMatchObject({ customersCreated: customers, interactionsWritten: 2 * customers + 1 });
    await finishImport(db, job.id, 'done', NOW + 1);
    expect(await db.customers.count()).toBe(customers);
    const c0 = await db.customers.get(ids.get('src:C0')!);
    expect(c0?.phones).toEqual(['+447700900099']);
    for (const i of [0, 17, 59]) {
      const mine = await countBlockContacts(db, ids.get(`src:C${i}`)!);
      expect(mine).toBe(i === 0 ? 3 : 2);
    }
    const again = await start(db, 'large-again');
    const res = await writeImportBatch(db, { jobId: again.job.id, rows: [...file(2), ...second], lastRow: 122, errors: [] }, NOW + 2);
    expect(res).toMatchObject({ interactionsWritten: 0, duplicatesSkipped: 2 * customers + 1, customersCreated: 0 });
    expect(await stored(db, again.job.id)).toBe(2 * customers + 1);
    expect(await db.customers.count()).toBe(customers);
  });

  it('merges two existing customers that a row links, with the record needed to undo it', async () => {
    const db = freshDb();
    const { job } = await start(db, 'merge');
    await writeImportBatch(db, { jobId: job.id, rows: [...file(2), row(62, { phones: ['+447700900042'] }, { sourceId: 'P1' })], lastRow: 62, errors: [] }, NOW);
    const byPhone = await db.customers.where('phones').equals('+447700900042').first();
    const link = row(63, { emails: ['c5@x.example'], phones: ['+447700900042'] }, { sourceId: 'L1' });
    await writeImportBatch(db, { jobId: job.id, rows: [...file(64).slice(0, 59), link], lastRow: 123, errors: [] }, NOW + 1);
    expect(await db.customers.get(byPhone!.id)).toBeUndefined();
    const [merge] = await db.merges.toArray();
    expect(merge?.absorbed.id).toBe(byPhone!.id);
    await finishImport(db, job.id, 'done', NOW + 2);
    const holding = (await db.contactBlocks.toArray()).find((b) => b.contacts.some((c) => c.sourceKey === 'src:P1'));
    expect(holding?.customerId).toBe(merge?.survivorId);
  });
});

describe('backup', () => {
  it('round-trips exactly', async () => {
    const db = freshDb();
    const sample = sampleBackup(NOW);
    await restoreAll(db, sample);
    const out = await exportAll(db, new Date(NOW));
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    for (const t of Object.keys(sample.tables) as Array<keyof typeof sample.tables>) {
      expect(sort(out.tables[t] as { id: string }[])).toEqual(sort(sample.tables[t] as { id: string }[]));
    }
    expect(out.tables.customers.length).toBeGreaterThanOrEqual(20);
    const db2 = freshDb();
    await restoreAll(db2, out);
    expect(await exportAll(db2, new Date(NOW))).toEqual(out);
  });
});
