/**
 * The options page's side of an import: preview a file, then parse, map and hand rows to the
 * background in batches. The background commits each batch together with its `lastRow`, so
 * after an interruption the page restarts with `startAtRow: job.lastRow + 1`.
 */
import type { ColumnMapping, ImportRow, RowError } from '@/lib/schemas/import';
import { parseCsv, type CsvDelimiter, type RawRow } from './csv';
import { guessDateOrder, type DateOrder } from './dates';
import { ImportFileError } from './errors';
import { parseJson } from './json';
import { checkMapping, mapRow, suggestMapping, type MapOptions } from './mapping';
import { inputName, inputSize, nextTask, type ImportInput } from './source';

export type ImportFormat = 'csv' | 'json' | 'jsonl';

export interface ImportOptions extends MapOptions {
  /** Default: from the file name, else from the content. */
  format?: ImportFormat;
  /** CSV only: force a separator instead of detecting it. */
  delimiter?: CsvDelimiter;
  /** Rows per sink call (rows and row errors together); default 1,000. */
  batchSize?: number;
  /**
   * Size of the first sink call; each later one doubles up to `batchSize`. A small first
   * batch lets the receiver start working while the rest of a large batch is still parsed.
   * Default: `batchSize`.
   */
  firstBatchSize?: number;
  /** Skip records starting before this row (line for CSV and JSONL, item number for JSON arrays). */
  startAtRow?: number;
  /** Row errors kept in the summary; all are counted and all go to the sink. Default 1,000. */
  maxKeptErrors?: number;
  signal?: AbortSignal;
}

export interface BatchInfo {
  /** The last source row this batch covers (imported or failed); commit it with the batch. */
  lastRow: number;
  /** Row errors in this batch's range of rows. */
  errors: RowError[];
}

export interface ImportProgress {
  /** Bytes (CSV file), characters (CSV string) or rows (JSON) processed, of `total`. */
  done: number;
  total: number;
  unit: 'bytes' | 'chars' | 'rows';
  rowsRead: number;
  rowsImported: number;
  errorCount: number;
  lastRow: number;
}

export interface ImportSummary {
  format: ImportFormat;
  headers: string[];
  delimiter?: string;
  rowsRead: number;
  rowsImported: number;
  errorCount: number;
  /** The first `maxKeptErrors` row errors. */
  errors: RowError[];
  lastRow: number;
  /** Mapped columns this file doesn't have (ignored). */
  missingColumns: string[];
}

export interface FilePreview {
  format: ImportFormat;
  headers: string[];
  /** The first rows, as read. */
  rows: RawRow[];
  /** Row errors among the rows previewed. */
  errors: RowError[];
  delimiter?: string;
  encoding?: string;
  mapping: ColumnMapping;
  /** Columns not mapped (shown to the user, ignored on import). */
  unknown: string[];
  /** Problems with the suggested mapping as a whole (see checkMapping). */
  mappingProblems: string[];
  /** Numeric date order the sample settles (a day above 12), or null. */
  dateOrder: DateOrder | null;
  /** Why the file can't be imported as it stands, e.g. its columns can't be told apart. */
  problem?: string;
  size: number;
}

/** Identifies a picked file across page reloads (name, size, modification time). */
export function fileFingerprint(file: Blob): string {
  const name = inputName(file) ?? '';
  const modified = 'lastModified' in file && typeof file.lastModified === 'number' ? file.lastModified : 0;
  return `${name}|${file.size}|${modified}`.slice(0, 600);
}

export async function detectFormat(input: ImportInput): Promise<ImportFormat> {
  const name = inputName(input)?.toLowerCase() ?? '';
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (name.endsWith('.json')) return 'json';
  if (/\.(csv|tsv|tab|txt)$/.test(name)) return 'csv';
  const head = typeof input === 'string' ? input.slice(0, 1024) : await input.slice(0, 1024).text();
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

const PREVIEW_SAMPLE = 200;

export async function previewFile(
  file: ImportInput,
  n = 20,
  opts: { delimiter?: CsvDelimiter; format?: ImportFormat } = {},
): Promise<FilePreview> {
  const format = opts.format ?? (await detectFormat(file));
  const size = inputSize(file);
  const empty = { rows: [], errors: [], mapping: {}, unknown: [], mappingProblems: [], dateOrder: null, size };
  let headers: string[] = [];
  let sample: RawRow[] = [];
  let errors: RowError[] = [];
  let delimiter: string | undefined;
  let encoding: string | undefined;
  let actual: ImportFormat = format;
  try {
    if (format === 'csv') {
      for await (const chunk of parseCsv(file, { maxRows: Math.max(n, PREVIEW_SAMPLE), ...(opts.delimiter ? { delimiter: opts.delimiter } : {}) })) {
        headers = chunk.meta.headers;
        delimiter = chunk.meta.delimiter;
        encoding = chunk.meta.encoding;
        sample.push(...chunk.rows);
        errors.push(...chunk.errors);
      }
    } else {
      const parsed = parseJson(typeof file === 'string' ? file : await file.text());
      actual = parsed.format;
      headers = parsed.headers;
      sample = parsed.rows.slice(0, Math.max(n, PREVIEW_SAMPLE));
      errors = parsed.errors;
    }
  } catch (e) {
    if (e instanceof ImportFileError) return { ...empty, format, headers: [], problem: e.message };
    throw e;
  }
  const { mapping, unknown } = suggestMapping(headers);
  const dateColumns = Object.entries(mapping)
    .filter(([, f]) => f === 'interaction.at' || f === 'customer.since')
    .map(([c]) => c);
  const dateOrder = guessDateOrder(sample.flatMap((r) => dateColumns.map((c) => r.values[c] ?? '')));
  const rows = sample.slice(0, n);
  const lastShown = rows.at(-1)?.line ?? Infinity;
  return {
    format: actual,
    headers,
    rows,
    errors: errors.filter((e) => e.row <= lastShown),
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
    mapping,
    unknown,
    mappingProblems: checkMapping(mapping),
    dateOrder,
    size,
  };
}

/**
 * Parses, maps and delivers a whole file. Each sink call carries up to `batchSize` rows and
 * errors, in file order, with the last row it covers; a rejected sink stops the import (the
 * caller records it as interrupted and resumes later with `startAtRow`). Throws
 * ImportFileError for problems with the file as a whole.
 */
export async function importFile(
  file: ImportInput,
  mapping: ColumnMapping,
  opts: ImportOptions,
  sink: (batch: ImportRow[], info: BatchInfo) => Promise<void>,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportSummary> {
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  let limit = Math.min(batchSize, Math.max(1, opts.firstBatchSize ?? batchSize));
  const maxKept = opts.maxKeptErrors ?? 1000;
  const startAt = opts.startAtRow ?? 0;
  const format = opts.format ?? (await detectFormat(file));
  const mapOpts: MapOptions = { defaultRegion: opts.defaultRegion, dateOrder: opts.dateOrder, ...(opts.now ? { now: opts.now } : {}) };

  const summary: ImportSummary = {
    format,
    headers: [],
    rowsRead: 0,
    rowsImported: 0,
    errorCount: 0,
    errors: [],
    lastRow: 0,
    missingColumns: [],
  };
  let batch: ImportRow[] = [];
  let batchErrors: RowError[] = [];
  let lastRow = 0;
  let progress = { done: 0, total: 0, unit: 'bytes' as ImportProgress['unit'] };

  const report = () =>
    onProgress?.({
      ...progress,
      rowsRead: summary.rowsRead,
      rowsImported: summary.rowsImported,
      errorCount: summary.errorCount,
      lastRow: summary.lastRow,
    });
  const flush = async () => {
    if (!batch.length && !batchErrors.length) return;
    opts.signal?.throwIfAborted();
    const rows = batch;
    const info = { lastRow, errors: batchErrors };
    batch = [];
    batchErrors = [];
    limit = Math.min(batchSize, limit * 2);
    await sink(rows, info);
    summary.lastRow = info.lastRow;
    report();
  };
  const addError = (e: RowError) => {
    batchErrors.push(e);
    summary.errorCount++;
    if (summary.errors.length < maxKept) summary.errors.push(e);
    lastRow = Math.max(lastRow, e.row);
  };
  const checkColumns = (headers: string[]) => {
    summary.headers = headers;
    const present = new Set(headers);
    const mapped = Object.keys(mapping);
    summary.missingColumns = mapped.filter((c) => !present.has(c));
    if (mapped.length > 0 && summary.missingColumns.length === mapped.length) {
      throw new ImportFileError(`This file has none of the mapped columns (${mapped.slice(0, 5).map((c) => `"${c}"`).join(', ')}). Was a different file picked?`);
    }
  };
  /** Rows and parse errors of one chunk, in file order. */
  const take = async (rows: RawRow[], errors: RowError[]) => {
    let r = 0;
    let e = 0;
    while (r < rows.length || e < errors.length) {
      const row = rows[r];
      const err = errors[e];
      if (err && (!row || err.row <= row.line)) {
        e++;
        if (err.row >= startAt) addError(err);
      } else if (row) {
        r++;
        if (row.line < startAt) continue;
        summary.rowsRead++;
        const mapped = mapRow(row.values, row.line, mapping, mapOpts);
        if (mapped.ok) {
          batch.push(mapped.row);
          summary.rowsImported++;
          lastRow = Math.max(lastRow, row.line);
        } else addError(mapped.error);
      }
      if (batch.length + batchErrors.length >= limit) await flush();
    }
  };

  if (format === 'csv') {
    let first = true;
    for await (const chunk of parseCsv(file, {
      startAtRow: startAt,
      ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    })) {
      if (first) {
        checkColumns(chunk.meta.headers);
        summary.delimiter = chunk.meta.delimiter;
        first = false;
      }
      progress = { done: chunk.done, total: chunk.total, unit: typeof file === 'string' ? 'chars' : 'bytes' };
      await take(chunk.rows, chunk.errors);
      report();
    }
  } else {
    const parsed = parseJson(typeof file === 'string' ? file : await file.text());
    summary.format = parsed.format;
    checkColumns(parsed.headers);
    const total = parsed.rows.length + parsed.errors.length;
    // JSON is parsed whole; it is mapped a batch at a time, letting the page breathe between.
    const { rows } = parsed;
    const errors = [...parsed.errors].sort((a, b) => a.row - b.row);
    let ei = 0;
    for (let i = 0; i < rows.length; i += batchSize) {
      if (i > 0) await nextTask();
      opts.signal?.throwIfAborted();
      const part = rows.slice(i, i + batchSize);
      const upTo = i + batchSize >= rows.length ? Infinity : part[part.length - 1]!.line;
      const partErrors: RowError[] = [];
      while (ei < errors.length && errors[ei]!.row <= upTo) partErrors.push(errors[ei++]!);
      progress = { done: i + part.length + ei, total, unit: 'rows' };
      await take(part, partErrors);
      report();
    }
    if (ei < errors.length) await take([], errors.slice(ei));
  }
  await flush();
  progress.done = progress.total;
  report();
  return summary;
}
