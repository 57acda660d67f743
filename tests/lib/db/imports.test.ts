import { describe, expect, it } from 'vitest';
import { beginImport, writeImportBatch } from '@/lib/db/repositories/imports';
import { exportAll, restoreAll } from '@/lib/db/repositories/backup';
import { sampleBackup } from '@/lib/demo/sample-data';
import { NOW, freshDb, row } from './helpers';

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
    expect(await db.interactions.count()).toBe(3);
  });

  it('writes a batch delivered twice only once', async () => {
    const db = freshDb();
    const { job } = await start(db);
    await writeImportBatch(db, { jobId: job.id, rows, lastRow: 4, errors: [] }, NOW);
    const again = await writeImportBatch(db, { jobId: job.id, rows, lastRow: 4, errors: [] }, NOW);
    expect(again.interactionsWritten).toBe(3);
    expect(await db.interactions.count()).toBe(3);
  });

  it('re-importing the same file creates no duplicates', async () => {
    const db = freshDb();
    const first = await start(db, 'f1');
    await writeImportBatch(db, { jobId: first.job.id, rows, lastRow: 4, errors: [] }, NOW);
    const second = await start(db, 'f1-again');
    const res = await writeImportBatch(db, { jobId: second.job.id, rows, lastRow: 4, errors: [] }, NOW);
    expect(res.interactionsWritten).toBe(0);
    expect(res.duplicatesSkipped).toBe(3);
    expect(await db.customers.count()).toBe(2);
    expect(await db.interactions.count()).toBe(3);
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
