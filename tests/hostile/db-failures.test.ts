/**
 * A full disk, a database closed under the background's feet, and a service worker killed in
 * the middle of an import batch must leave the data consistent: each batch is all or nothing,
 * the job's `lastRow` says exactly what was written, the page hears an error it can show, and a
 * resumed import ends with every contact once. (The e2e suite kills the real service worker;
 * here "killed" is what the browser does to its open transaction: abort it.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '@/lib/db/app-db';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch, type Handlers } from '@/lib/messaging/server';
import { exportAll } from '@/lib/db/repositories/backup';
import { getSettings } from '@/lib/settings';
import { importFile } from '@/lib/import';
import type { ImportJob } from '@/lib/schemas/jobs';
import type { ColumnMapping, ImportRow } from '@/lib/schemas/import';
import type { Output } from '@/lib/messaging/protocol';

const ORIGIN = 'chrome-extension://rapport/';
const NOW = Date.UTC(2026, 10, 23, 12);
const ROWS = 30;

/** 30 contacts of 30 customers, each with a ticket id (its source id) and a note. */
const CSV = [
  'Ticket ID,Requester email,Requester,Subject,Created at,Notes',
  ...Array.from({ length: ROWS }, (_, i) => `T-${1000 + i},customer${i}@example.com,Customer ${i},Order ${i} late,2026-10-${String((i % 28) + 1).padStart(2, '0')} 10:00,Prefers email ${i}`),
].join('\n');

type Store = { add: (...a: unknown[]) => unknown; put: (...a: unknown[]) => unknown };
const storeProto = (globalThis as unknown as { IDBObjectStore: { prototype: Store } }).IDBObjectStore.prototype;
const original = { add: storeProto.add, put: storeProto.put };

/**
 * From the `after`-th write request on, `fail` runs instead of the write (in the store's
 * context). Writes are counted only while armed, so setup writes are unaffected.
 */
function sabotageWrites(after: number, fail: (store: IDBObjectStore) => unknown) {
  let writes = 0;
  for (const method of ['add', 'put'] as const) {
    storeProto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      writes++;
      if (writes >= after) return fail(this);
      return (original[method] as (...a: unknown[]) => unknown).apply(this, args);
    } as Store[typeof method];
  }
  return { writes: () => writes };
}

function restoreWrites() {
  storeProto.add = original.add;
  storeProto.put = original.put;
}

let db: AppDB;
let handlers: Handlers;

async function ask<T>(name: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  return (await dispatch(handlers, { rapport: 1, name, input }, { url: `${ORIGIN}options.html` }, ORIGIN)) as { ok: true; value: T } | { ok: false; error: string };
}

async function value<T>(name: string, input: unknown): Promise<T> {
  const r = await ask<T>(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error}`);
  return r.value;
}

/** Explicit, so the test does not depend on header guessing: the ticket id is each contact's source id (its dedup key). */
function mapping(): ColumnMapping {
  return {
    'Ticket ID': 'interaction.sourceId',
    'Requester email': 'customer.email',
    Requester: 'customer.name',
    Subject: 'interaction.subject',
    'Created at': 'interaction.at',
    Notes: 'note.text',
  };
}

async function begin(): Promise<Output<'importBegin'>> {
  return value('importBegin', { fileName: 'crm.csv', fileSize: CSV.length, fingerprint: 'crm.csv|fp', mapping: mapping() });
}

/** The import loop of the options page (components/options/import-section.tsx) over messages. */
async function runImport(job: ImportJob, resumed: boolean, batchSize = 5): Promise<void> {
  await importFile(CSV, job.mapping, { defaultRegion: 'GB', dateOrder: 'DMY', now: new Date(NOW), format: 'csv', batchSize, startAtRow: resumed ? job.lastRow + 1 : 0 }, async (rows: ImportRow[], info) => {
    await value('importBatch', { jobId: job.id, rows, lastRow: info.lastRow, errors: info.errors });
  });
}

async function snapshot() {
  const b = await exportAll(db, new Date(NOW));
  return { customers: b.tables.customers.length, contacts: b.tables.interactions, notes: b.tables.notes.length, jobs: b.tables.importJobs };
}

beforeEach(() => {
  db = new AppDB(`hostile-failures-${crypto.randomUUID()}`);
  handlers = createHandlers({ db, settings: getSettings, now: () => NOW });
});

afterEach(() => {
  restoreWrites();
  db.close();
});

describe('a full quota during an import batch', { timeout: 30_000 }, () => {
  it('writes none of the batch, keeps the job where it was, and reports an error the page can show', async () => {
    const { job } = await begin();
    // First batch lands normally.
    const rows = await collectRows();
    await value('importBatch', { jobId: job.id, rows: rows.slice(0, 10), lastRow: rows[9]!.row, errors: [] });
    const before = await snapshot();
    expect(before.customers).toBe(10);

    // Part-way through the next batch the disk is full.
    const sabotage = sabotageWrites(4, () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = await ask<ImportJob>('importBatch', { jobId: job.id, rows: rows.slice(10, 20), lastRow: rows[19]!.row, errors: [] });
    expect(sabotage.writes()).toBeGreaterThanOrEqual(4);
    restoreWrites();
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error).toMatch(/quota/i);

    // All or nothing: no customer, contact or note of the failed batch, and lastRow not advanced.
    const after = await snapshot();
    expect(after.customers).toBe(before.customers);
    expect(after.notes).toBe(before.notes);
    expect(after.contacts.length).toBe(before.contacts.length);
    expect(after.jobs.find((j) => j.id === job.id)!.lastRow).toBe(rows[9]!.row);

    // With space again, the same batch goes through once and the import completes.
    await value('importBatch', { jobId: job.id, rows: rows.slice(10, 20), lastRow: rows[19]!.row, errors: [] });
    await value('importBatch', { jobId: job.id, rows: rows.slice(20), lastRow: rows.at(-1)!.row, errors: [] });
    await value('importFinish', { jobId: job.id, status: 'done' });
    await expectEveryContactOnce();
  });
});

describe('the database closed while the background works', { timeout: 30_000 }, () => {
  it('fails the message in flight, and the next message reopens the database and works', async () => {
    const { job } = await begin();
    const rows = await collectRows();
    const inFlight = ask<ImportJob>('importBatch', { jobId: job.id, rows: rows.slice(0, 10), lastRow: rows[9]!.row, errors: [] });
    // What Dexie does when the browser closes the connection (storage cleared, versionchange):
    // close, but let the next request open the database again.
    db.close({ disableAutoOpen: false });
    const first = await inFlight;
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.error.length).toBeGreaterThan(0);

    const jobs = await value<ImportJob[]>('listImportJobs', {});
    expect(jobs.find((j) => j.id === job.id)?.lastRow).toBe(0);
    expect((await snapshot()).customers).toBe(0);
    // The page retries (import-section.tsx sendBatch): the batch is written once.
    const retried = await value<ImportJob>('importBatch', { jobId: job.id, rows: rows.slice(0, 10), lastRow: rows[9]!.row, errors: [] });
    expect(retried.lastRow).toBe(rows[9]!.row);
    expect((await snapshot()).customers).toBe(10);
  });

  it('recovers when the browser closes the connection itself (storage cleared, disk error)', async () => {
    // The browser closes the native connection and fires "close" on it (IndexedDB spec: forced
    // close); Dexie then reopens on the next request. The background never calls db.close()
    // itself (which would turn auto-open off), so this is the only way its connection closes.
    const { job } = await begin();
    const native = db.backendDB();
    native.close();
    native.onclose?.call(native, new Event('close'));
    const jobs = await value<ImportJob[]>('listImportJobs', {});
    expect(jobs.map((j) => j.id)).toEqual([job.id]);
    const rows = await collectRows();
    expect((await value<ImportJob>('importBatch', { jobId: job.id, rows: rows.slice(0, 5), lastRow: rows[4]!.row, errors: [] })).lastRow).toBe(rows[4]!.row);
    expect(db.backendDB()).not.toBe(native);
  });
});

describe('a service worker killed in the middle of a batch', { timeout: 30_000 }, () => {
  it('resumes from the job\'s lastRow with no contact missing and none twice', async () => {
    const { job } = await begin();
    // The worker dies during the third batch: the browser aborts its open transaction.
    let batches = 0;
    const kill = async () => {
      batches++;
      if (batches !== 3) return;
      sabotageWrites(3, (store) => {
        store.transaction.abort();
        throw new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError');
      });
    };
    await expect(
      importFile(CSV, job.mapping, { defaultRegion: 'GB', dateOrder: 'DMY', now: new Date(NOW), format: 'csv', batchSize: 5 }, async (rows, info) => {
        await kill();
        await value('importBatch', { jobId: job.id, rows, lastRow: info.lastRow, errors: info.errors });
      }),
    ).rejects.toThrow(/importBatch failed/);
    restoreWrites();

    const stopped = (await value<ImportJob[]>('listImportJobs', {})).find((j) => j.id === job.id)!;
    // Two batches committed, the third not at all.
    const rows = await collectRows();
    expect(stopped.lastRow).toBe(rows[9]!.row);
    expect((await snapshot()).customers).toBe(10);

    // The page marks it interrupted; choosing the file again resumes after lastRow.
    await value('importFinish', { jobId: job.id, status: 'interrupted' });
    const again = await begin();
    expect(again.resumed).toBe(true);
    expect(again.job.id).toBe(job.id);
    await runImport(again.job, true);
    await value('importFinish', { jobId: job.id, status: 'done' });
    await expectEveryContactOnce();

    // Choosing the same file once more adds nothing.
    const third = await begin();
    expect(third.resumed).toBe(false);
    await runImport(third.job, false);
    await value('importFinish', { jobId: third.job.id, status: 'done' });
    await expectEveryContactOnce();
  });
});

/** The mapped rows of the CSV, as the page would send them. */
async function collectRows(): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  await importFile(CSV, mapping(), { defaultRegion: 'GB', dateOrder: 'DMY', now: new Date(NOW), format: 'csv' }, async (rows) => {
    out.push(...rows);
  });
  expect(out).toHaveLength(ROWS);
  return out;
}

async function expectEveryContactOnce() {
  const s = await snapshot();
  expect(s.customers).toBe(ROWS);
  expect(s.notes).toBe(ROWS);
  const keys = s.contacts.map((c) => c.sourceKey).sort();
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toEqual(Array.from({ length: ROWS }, (_, i) => `src:T-${1000 + i}`).sort());
}
