/**
 * The writing half of an import. The options page parses and maps the file and sends
 * batches; each batch is written in ONE transaction together with the job's `lastRow`, so a
 * service-worker restart leaves either the whole batch or none of it, and the job tells the
 * page where to resume. Re-importing the same file writes nothing new: contacts are keyed
 * by source id or natural key, notes by a hash of customer and text.
 */
import { Dexie, type Table } from 'dexie';
import type { AppDB } from '@/lib/db/app-db';
import type { ImportJob } from '@/lib/schemas/jobs';
import type { ColumnMapping, ImportRow, RowError } from '@/lib/schemas/import';
import type { Interaction, Note } from '@/lib/schemas/records';
// Not '@/lib/import': its index pulls the CSV parser into the background bundle.
import { naturalKey } from '@/lib/import/keys';
import { stableHash } from '@/lib/import/hash';
import { upsertMany } from './customers';

/** Errors kept per job; the count covers all of them. */
export const KEPT_ERRORS = 500;

export async function beginImport(
  db: AppDB,
  input: { fileName: string; fileSize: number; fingerprint: string; mapping: ColumnMapping },
  now: number,
): Promise<{ job: ImportJob; resumed: boolean }> {
  return db.transaction('rw', db.importJobs, async () => {
    const unfinished = await db.importJobs
      .filter((j) => j.fingerprint === input.fingerprint && j.status !== 'done')
      .first();
    if (unfinished) {
      const job = { ...unfinished, status: 'running' as const, updatedAt: now, mapping: input.mapping };
      await db.importJobs.put(job);
      return { job, resumed: true };
    }
    const job: ImportJob = {
      id: crypto.randomUUID(),
      ...input,
      startedAt: now,
      updatedAt: now,
      status: 'running',
      lastRow: 0,
      customersCreated: 0,
      customersUpdated: 0,
      interactionsWritten: 0,
      duplicatesSkipped: 0,
      notesWritten: 0,
      errors: [],
      errorCount: 0,
    };
    await db.importJobs.add(job);
    return { job, resumed: false };
  });
}

const sourceKeyOf = (row: ImportRow) =>
  row.interaction?.sourceId ? `src:${row.interaction.sourceId}` : `nk:${naturalKey(row)}`;

export async function writeImportBatch(
  db: AppDB,
  batch: { jobId: string; rows: ImportRow[]; lastRow: number; errors: RowError[] },
  now: number,
): Promise<ImportJob> {
  return db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.importJobs], async () => {
    const job = await db.importJobs.get(batch.jobId);
    if (!job) throw new Error('This import was cancelled or removed; start it again.');
    // A batch delivered twice (the page retried after a restart) is written once.
    if (batch.lastRow <= job.lastRow) return job;

    const { ids, created, updated } = await upsertMany(
      db,
      batch.rows.map((r) => ({
        ...(r.customer.name ? { name: r.customer.name } : {}),
        ...(r.customer.since ? { since: r.customer.since } : {}),
        emails: r.customer.emails,
        phones: r.customer.phones,
        accountIds: r.customer.accountId ? [r.customer.accountId] : [],
        sourceKeys: r.customer.sourceId ? [`src:${r.customer.sourceId}`] : [],
      })),
      now,
    );

    const candidates: Interaction[] = [];
    const notes: Note[] = [];
    batch.rows.forEach((r, i) => {
      const customerId = ids[i]!;
      if (r.interaction) {
        const { sourceId: _ignored, ...fields } = r.interaction;
        candidates.push({ id: crypto.randomUUID(), customerId, ...fields, sourceKey: sourceKeyOf(r), origin: 'import' });
      }
      if (r.note) {
        notes.push({
          id: `import:${stableHash(`${customerId}\u0000${r.note.text}`)}`,
          customerId,
          at: r.interaction?.at ?? now,
          text: r.note.text,
        });
      }
    });
    // Duplicates are found by the unique sourceKey index itself: one add per row instead of a
    // lookup and an add (each IndexedDB request costs ~0.15 ms on a slow machine).
    const freshCount = await addIgnoringDuplicates(db.interactions, candidates);
    const freshNotes = await addIgnoringDuplicates(db.notes, notes);

    const next: ImportJob = {
      ...job,
      updatedAt: now,
      status: 'running',
      lastRow: batch.lastRow,
      customersCreated: job.customersCreated + created,
      customersUpdated: job.customersUpdated + updated,
      interactionsWritten: job.interactionsWritten + freshCount,
      duplicatesSkipped: job.duplicatesSkipped + (candidates.length - freshCount) + (notes.length - freshNotes),
      notesWritten: job.notesWritten + freshNotes,
      errors: [...job.errors, ...batch.errors].slice(0, KEPT_ERRORS),
      errorCount: job.errorCount + batch.errors.length,
    };
    await db.importJobs.put(next);
    return next;
  });
}

/** Add rows; rows whose unique key exists already are skipped and not counted. */
async function addIgnoringDuplicates<T>(table: Table<T>, rows: T[]): Promise<number> {
  if (!rows.length) return 0;
  try {
    await table.bulkAdd(rows);
    return rows.length;
  } catch (e) {
    // Catching the BulkError keeps the transaction and the rows that were added.
    if (e instanceof Dexie.BulkError && Object.values(e.failuresByPos).every((f) => f.name === 'ConstraintError')) {
      return rows.length - Object.keys(e.failuresByPos).length;
    }
    throw e;
  }
}

export async function finishImport(db: AppDB, jobId: string, status: 'done' | 'interrupted', now: number): Promise<ImportJob> {
  const job = await db.importJobs.get(jobId);
  if (!job) throw new Error('This import was cancelled or removed.');
  const next = { ...job, status, updatedAt: now, ...(status === 'done' ? { finishedAt: now } : {}) };
  await db.importJobs.put(next);
  return next;
}

export async function listImportJobs(db: AppDB): Promise<ImportJob[]> {
  return db.importJobs.orderBy('startedAt').reverse().limit(20).toArray();
}
