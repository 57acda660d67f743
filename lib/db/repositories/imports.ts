/**
 * The writing half of an import. The options page parses and maps the file and sends
 * batches; each batch is written in ONE transaction together with the job's `lastRow`, so a
 * service-worker restart leaves either the whole batch or none of it, and the job tells the
 * page where to resume. Re-importing the same file writes nothing new: contacts are keyed
 * by source id or natural key, notes by a hash of customer and text.
 * Contacts go to staging first and into per-customer contact blocks when the job finishes (or
 * staging passes STAGE_LIMIT): one stored record per customer instead of one per contact.
 */
import { Dexie, type Table } from 'dexie';
import type { AppDB } from '@/lib/db/app-db';
import type { ImportJob } from '@/lib/schemas/jobs';
import type { ColumnMapping, ImportRow, RowError } from '@/lib/schemas/import';
import type { Interaction, MergeRecord, Note } from '@/lib/schemas/records';
// Not '@/lib/import': its index pulls the CSV parser into the background bundle.
import { naturalKey } from '@/lib/import/keys';
import { stableHash } from '@/lib/import/hash';
import { upsertMany } from './customers';
import { addBlocks, existingSourceKeys, makeBlocks } from './contact-blocks';

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

/** Staged contacts past which a batch flushes them into blocks (bounds the worker's memory). */
export const STAGE_LIMIT = 100_000;

const importTables = (db: AppDB) =>
  [db.customers, db.interactions, db.notes, db.promises, db.merges, db.importJobs, db.contactBlocks, db.contactKeys, db.importStaging, db.sentReplies];

/**
 * Writes a batch: customers at once (later batches must find them), notes at once, contacts
 * to staging. Staged contacts are counted as written as soon as they pass the duplicate check
 * against stored contacts; the flush removes the few that repeat within the file itself.
 */
export async function writeImportBatch(
  db: AppDB,
  batch: { jobId: string; rows: ImportRow[]; lastRow: number; errors: RowError[] },
  now: number,
): Promise<ImportJob> {
  return db.transaction('rw', importTables(db), async () => {
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
    const taken = await existingSourceKeys(db, [...new Set(candidates.map((c) => c.sourceKey))]);
    const seen = new Set<string>();
    const fresh = candidates.filter((c) => !taken.has(c.sourceKey) && !seen.has(c.sourceKey) && !!seen.add(c.sourceKey));
    if (fresh.length) await db.importStaging.put({ id: `${job.id}:${batch.lastRow}`, jobId: job.id, contacts: fresh });
    const freshNotes = await addIgnoringDuplicates(db.notes, notes);

    let next: ImportJob = {
      ...job,
      updatedAt: now,
      status: 'running',
      lastRow: batch.lastRow,
      customersCreated: job.customersCreated + created,
      customersUpdated: job.customersUpdated + updated,
      interactionsWritten: job.interactionsWritten + fresh.length,
      duplicatesSkipped: job.duplicatesSkipped + (candidates.length - fresh.length) + (notes.length - freshNotes),
      notesWritten: job.notesWritten + freshNotes,
      staged: (job.staged ?? 0) + fresh.length,
      errors: [...job.errors, ...batch.errors].slice(0, KEPT_ERRORS),
      errorCount: job.errorCount + batch.errors.length,
    };
    if ((next.staged ?? 0) >= STAGE_LIMIT) next = await flushStaged(db, next);
    await db.importJobs.put(next);
    return next;
  });
}

/**
 * Groups the job's staged contacts by customer into blocks. Call inside a rw transaction over
 * importTables. A staged contact's customer may have been merged away by a later batch (it
 * follows the merge) or forgotten meanwhile (it is dropped, as its other contacts were).
 */
async function flushStaged(db: AppDB, job: ImportJob): Promise<ImportJob> {
  const staged = await db.importStaging.where('jobId').equals(job.id).toArray();
  // File order (ids end in the batch's last row): the first of repeated rows is the one kept.
  const lastRowOf = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1));
  const contacts = staged.sort((a, b) => lastRowOf(a.id) - lastRowOf(b.id)).flatMap((s) => s.contacts);
  // Staged contacts of a customer forgotten meanwhile were erased from staging (forget()).
  const erased = Math.max(0, (job.staged ?? 0) - contacts.length);
  if (!contacts.length) return { ...job, staged: 0, interactionsWritten: job.interactionsWritten - erased };
  const owner = await currentOwners(db, [...new Set(contacts.map((c) => c.customerId))]);
  // Stored contacts were checked when staged; only repeats within the file (across batches) remain.
  const seen = new Set<string>();
  let repeats = 0;
  let dropped = 0;
  const keep: Interaction[] = [];
  for (const c of contacts) {
    const customerId = owner.get(c.customerId);
    if (!customerId) dropped++;
    else if (seen.has(c.sourceKey)) repeats++;
    else {
      seen.add(c.sourceKey);
      keep.push(customerId === c.customerId ? c : { ...c, customerId });
    }
  }
  await addBlocks(db, makeBlocks(keep));
  await db.importStaging.where('jobId').equals(job.id).delete();
  return {
    ...job,
    staged: 0,
    interactionsWritten: job.interactionsWritten - repeats - dropped - erased,
    duplicatesSkipped: job.duplicatesSkipped + repeats,
  };
}

/** Customer id → the customer that holds it now (following merges), or absent if forgotten. */
async function currentOwners(db: AppDB, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // One request for every key beats one per id once there are more than a few hundred ids.
  const exists = ids.length > 500 ? new Set((await db.customers.toCollection().primaryKeys()) as string[]) : null;
  const found = exists ? ids.map((id) => exists.has(id)) : (await db.customers.bulkGet(ids)).map((c) => !!c);
  const missing: string[] = [];
  ids.forEach((id, i) => (found[i] ? out.set(id, id) : missing.push(id)));
  for (const id of missing) {
    let cur: string | undefined = id;
    // A chain of merges is short; the bound only guards against a corrupt cycle.
    for (let hops = 0; cur && hops < 20; hops++) {
      const m: MergeRecord | undefined = await db.merges.where('absorbed.id').equals(cur).filter((r) => r.undoneAt === undefined).first();
      cur = m?.survivorId;
      if (cur && (await db.customers.get(cur))) {
        out.set(id, cur);
        break;
      }
    }
  }
  return out;
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
  return db.transaction('rw', importTables(db), async () => {
    const job = await db.importJobs.get(jobId);
    if (!job) throw new Error('This import was cancelled or removed.');
    // An interrupted import shows what it wrote too; resuming stages the rest.
    const flushed = await flushStaged(db, job);
    const next = { ...flushed, status, updatedAt: now, ...(status === 'done' ? { finishedAt: now } : {}) };
    await db.importJobs.put(next);
    return next;
  });
}

export async function listImportJobs(db: AppDB): Promise<ImportJob[]> {
  return db.importJobs.orderBy('startedAt').reverse().limit(20).toArray();
}
