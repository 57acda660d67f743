import { useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { send, RapportMessageError } from '@/lib/messaging/client';
import { IMPORT_BATCH_MAX } from '@/lib/messaging/protocol';
import { dataKeys } from '@/lib/queries/data';
import { getSettings } from '@/lib/settings';
import { importFile, previewFile, fileFingerprint, ImportFileError, type FilePreview, type ImportProgress } from '@/lib/import';
import { importFieldSchema, type ColumnMapping, type ImportField, type RowError } from '@/lib/schemas/import';
import type { ImportJob } from '@/lib/schemas/jobs';
import type { CountryCode } from '@/lib/identity';

const FIELD_LABELS: Record<ImportField, string> = {
  'customer.sourceId': 'Customer id (in your CRM)',
  'customer.name': 'Customer name (or part of it)',
  'customer.email': 'Customer email',
  'customer.phone': 'Customer phone',
  'customer.accountId': 'Account number',
  'customer.since': 'Customer since',
  'interaction.sourceId': 'Contact / ticket id',
  'interaction.channel': 'Channel',
  'interaction.at': 'Contact date',
  'interaction.agent': 'Agent',
  'interaction.subject': 'Subject',
  'interaction.summary': 'Summary',
  'interaction.outcome': 'Outcome',
  'interaction.ticketId': 'Ticket number',
  'note.text': 'Note',
};
const SHOWN_ERRORS = 200;
/** Rows (and row errors) per importBatch message: the most the message accepts (see there why). */
const BATCH_ROWS = IMPORT_BATCH_MAX;
/** The first batch is small, so the background starts writing while the page parses on. */
const FIRST_BATCH_ROWS = 1000;

/**
 * A batch that fails because the service worker was stopped is sent again: the background
 * writes a batch at most once (by its last row), so a retry can never duplicate.
 */
async function sendBatch(input: Parameters<typeof send<'importBatch'>>[1]): Promise<ImportJob> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send('importBatch', input);
    } catch (e) {
      if (attempt >= 3 || (e instanceof RapportMessageError && !/valid answer/.test(e.message))) throw e;
      await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
    }
  }
}

type Phase = { kind: 'idle' } | { kind: 'ready' } | { kind: 'importing' } | { kind: 'done'; job: ImportJob } | { kind: 'stopped'; message: string; job: ImportJob | null };

export function ImportSection() {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [resumedFrom, setResumedFrom] = useState<number | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const jobs = useQuery({ queryKey: dataKeys.importJobs(), queryFn: () => send('listImportJobs', {}) });
  const unfinished = jobs.data?.find((j) => j.status !== 'done');

  const choose = async (f: File) => {
    setFile(f);
    setPhase({ kind: 'idle' });
    setErrors([]);
    setProgress(null);
    setFileProblem(null);
    try {
      const p = await previewFile(f, 5);
      setPreview(p);
      setMapping(p.mapping);
      if (p.problem) setFileProblem(p.problem);
      else setPhase({ kind: 'ready' });
    } catch (e) {
      setPreview(null);
      setFileProblem(e instanceof Error ? e.message : String(e));
    }
  };

  const run = async () => {
    if (!file || !preview) return;
    const settings = await getSettings();
    abort.current = new AbortController();
    setPhase({ kind: 'importing' });
    setErrors([]);
    let current: ImportJob | null = null;
    let inFlight: Promise<void> = Promise.resolve();
    try {
      const begun = await send('importBegin', { fileName: file.name, fileSize: file.size, fingerprint: fileFingerprint(file), mapping });
      current = begun.job;
      setJob(current);
      setResumedFrom(begun.resumed ? begun.job.lastRow : null);
      await importFile(
        file,
        mapping,
        {
          defaultRegion: settings.defaultRegion as CountryCode,
          dateOrder: preview.dateOrder ?? settings.dateOrder,
          startAtRow: begun.resumed ? begun.job.lastRow + 1 : 0,
          batchSize: BATCH_ROWS,
          firstBatchSize: FIRST_BATCH_ROWS,
          signal: abort.current.signal,
        },
        // One batch in flight while the next is parsed: the page and the background work at
        // the same time, and batches still arrive in file order.
        async (rows, info) => {
          await inFlight;
          inFlight = sendBatch({ jobId: begun.job.id, rows, lastRow: info.lastRow, errors: info.errors }).then((j) => {
            current = j;
            setJob(j);
            if (info.errors.length) setErrors((es) => (es.length >= SHOWN_ERRORS ? es : [...es, ...info.errors].slice(0, SHOWN_ERRORS)));
          });
        },
        setProgress,
      );
      await inFlight;
      const done = await send('importFinish', { jobId: begun.job.id, status: 'done' });
      setPhase({ kind: 'done', job: done });
    } catch (e) {
      await inFlight.catch(() => undefined);
      const message = e instanceof ImportFileError || e instanceof Error ? e.message : String(e);
      const stoppedJob: ImportJob | null = current;
      if (stoppedJob) await send('importFinish', { jobId: stoppedJob.id, status: 'interrupted' }).catch(() => undefined);
      setPhase({ kind: 'stopped', message, job: stoppedJob });
    } finally {
      abort.current = null;
      await qc.invalidateQueries();
    }
  };

  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const mappedFields = new Set(Object.values(mapping));

  return (
    <section aria-label="Import customers and contacts">
      <h2>Import from your CRM</h2>
      <p className="muted">CSV (comma, semicolon, tab or pipe separated) or JSON / JSON Lines. Importing the same file again adds nothing twice.</p>
      {unfinished && phase.kind === 'idle' && (
        <p className="error" data-testid="unfinished-import">
          The import of {unfinished.fileName} stopped after row {unfinished.lastRow} ({unfinished.interactionsWritten} contacts written). Choose the same file to resume.
        </p>
      )}
      <label>
        <span className="label">File to import</span>
        <input type="file" aria-label="File to import" accept=".csv,.tsv,.txt,.json,.jsonl,text/csv,application/json" onChange={(e) => e.target.files?.[0] && choose(e.target.files[0])} disabled={phase.kind === 'importing'} />
      </label>
      {fileProblem && <p role="alert" className="error">{fileProblem}</p>}
      {preview && !fileProblem && (
        <>
          <p className="muted" data-testid="import-format">
            {preview.format.toUpperCase()}
            {preview.delimiter ? `, separated by ${preview.delimiter === '\t' ? 'tabs' : `"${preview.delimiter}"`}` : ''}, {(preview.size / 1024).toFixed(0)} KiB
            {preview.dateOrder ? `; dates read ${preview.dateOrder === 'DMY' ? 'day first' : 'month first'}` : ''}
          </p>
          <table aria-label="Column mapping">
            <thead>
              <tr>
                <th>Column in the file</th>
                <th>Imports as</th>
                <th>First rows</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((h) => (
                <tr key={h}>
                  <td>{h}</td>
                  <td>
                    <select
                      aria-label={`Import column ${h} as`}
                      value={mapping[h] ?? ''}
                      onChange={(e) => {
                        const next = { ...mapping };
                        if (e.target.value) next[h] = e.target.value as ImportField;
                        else delete next[h];
                        setMapping(next);
                      }}
                    >
                      <option value="">Ignore this column</option>
                      {importFieldSchema.options.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
                    </select>
                  </td>
                  <td>{preview.rows.slice(0, 3).map((r) => r.values[h] ?? '').filter(Boolean).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.unknown.length > 0 && <p className="muted" data-testid="unknown-columns">Not recognised, ignored unless you map them: {preview.unknown.join(', ')}</p>}
          {!['customer.email', 'customer.phone', 'customer.sourceId', 'customer.accountId', 'customer.name'].some((f) => mappedFields.has(f as ImportField)) && (
            <p className="error">Map at least one column that identifies the customer (email, phone, id, account or name).</p>
          )}
          <button type="button" className="primary" onClick={run} disabled={phase.kind === 'importing'}>
            {unfinished && file && fileFingerprint(file) === unfinished.fingerprint ? 'Resume import' : 'Import'}
          </button>
          {phase.kind === 'importing' && <button type="button" onClick={() => abort.current?.abort()}>Stop</button>}
        </>
      )}
      {(phase.kind === 'importing' || progress) && (
        <div role="status" aria-label="Import progress">
          <progress max={100} value={pct} aria-label="Import progress" />
          <p data-testid="import-progress">
            {resumedFrom !== null ? `Resumed after row ${resumedFrom}. ` : ''}
            {progress ? `${progress.rowsImported} rows read, ${job?.interactionsWritten ?? 0} new contacts, ${job?.duplicatesSkipped ?? 0} already there, ${progress.errorCount} with errors` : 'Starting…'}
          </p>
        </div>
      )}
      {phase.kind === 'done' && (
        <p className="ok" data-testid="import-done">
          Done: {phase.job.customersCreated} new customers, {phase.job.customersUpdated} updated, {phase.job.interactionsWritten} new contacts, {phase.job.notesWritten} notes, {phase.job.duplicatesSkipped} already there, {phase.job.errorCount} rows skipped.
        </p>
      )}
      {phase.kind === 'stopped' && (
        <p role="alert" className="error" data-testid="import-stopped">
          The import stopped: {phase.message} {phase.job ? `Rows up to ${phase.job.lastRow} are saved (${phase.job.interactionsWritten} contacts). Choose the same file again to resume.` : 'Nothing was written.'}
        </p>
      )}
      {errors.length > 0 && (
        <div className="errors">
          <h3>Rows not imported</h3>
          <ul data-testid="import-errors">
            {errors.map((e, i) => <li key={`${e.row}-${i}`}>Row {e.row}: {e.reason}</li>)}
          </ul>
          {job && job.errorCount > errors.length && <p className="muted">…and {job.errorCount - errors.length} more.</p>}
        </div>
      )}
    </section>
  );
}
