/**
 * Reading audit input: JSONL, a JSON array, or CSV, one reply per row. Bad rows are collected with their
 * 1-based line number and skipped, so one broken line never stops an audit of thousands.
 */
import Papa from 'papaparse';
import { z } from 'zod';

export interface AuditRow {
  id: string;
  reply: string;
  customerName?: string;
  customerMessage?: string;
  agent?: string;
  /** ISO 8601, validated. */
  sentAt?: string;
  /** Where the row came from, for messages: "replies.csv:12". */
  source: string;
  line: number;
}

export interface RowProblem {
  source: string;
  line: number;
  message: string;
}

export interface ParsedRows {
  rows: AuditRow[];
  /** Rows that were skipped. */
  errors: RowProblem[];
  /** Rows that were kept but had something ignored (e.g. a malformed sent_at). */
  warnings: RowProblem[];
}

export type InputFormat = 'jsonl' | 'json' | 'csv';

/** Thrown for a file that cannot be used at all (as opposed to individual bad rows). */
export class InputFileError extends Error {}

const optionalText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v)));

const rowSchema = z.object({
  id: z.union([z.string(), z.number()], { error: 'missing id' }).transform((v) => String(v).trim()).refine((v) => v.length > 0, 'missing id'),
  reply: z.string({ error: 'missing reply' }).refine((v) => v.trim().length > 0, 'missing reply'),
  customer_name: optionalText,
  customer_message: optionalText,
  agent: optionalText,
  sent_at: optionalText,
});

// Dates as ISO 8601: 2024-05-03, 2024-05-03T10:15, 2024-05-03T10:15:00.000Z, 2024-05-03T10:15:00+02:00.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function detectFormat(path: string, content: string): InputFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return content.trimStart().startsWith('[') ? 'json' : 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  const first = content.trimStart().charAt(0);
  if (first === '[') return 'json';
  if (first === '{') return 'jsonl';
  return 'csv';
}

function toRow(value: unknown, source: string, line: number, out: ParsedRows): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.errors.push({ source, line, message: 'expected an object with id and reply' });
    return;
  }
  const parsed = rowSchema.safeParse(value);
  if (!parsed.success) {
    out.errors.push({ source, line, message: [...new Set(parsed.error.issues.map((i) => i.message))].join('; ') });
    return;
  }
  const r = parsed.data;
  let sentAt = r.sent_at;
  if (sentAt !== undefined && (!ISO_8601.test(sentAt.trim()) || Number.isNaN(Date.parse(sentAt)))) {
    out.warnings.push({ source, line, message: `sent_at "${sentAt}" is not an ISO 8601 date; ignored` });
    sentAt = undefined;
  }
  out.rows.push({
    id: r.id,
    reply: r.reply,
    customerName: r.customer_name,
    customerMessage: r.customer_message,
    agent: r.agent,
    sentAt: sentAt?.trim(),
    source: `${source}:${line}`,
    line,
  });
}

function parseJsonl(content: string, source: string): ParsedRows {
  const out: ParsedRows = { rows: [], errors: [], warnings: [] };
  const lines = content.split(/\r?\n/);
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      out.errors.push({ source, line: i + 1, message: `broken JSON (${e instanceof Error ? e.message : String(e)})` });
      return;
    }
    toRow(value, source, i + 1, out);
  });
  return out;
}

/** Start offsets of the top-level elements of a JSON array, so rows can be reported by line. */
function elementOffsets(content: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < content.length; i++) {
    const c = content.charAt(i);
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expecting && !/\s/.test(c) && c !== ']') {
      starts.push(i);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return starts;
}

function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < content.length; i++) if (content.charCodeAt(i) === 10) line++;
  return line;
}

function parseJsonArray(content: string, source: string): ParsedRows {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    // Not one valid array: fall back to line-by-line so the good lines still count.
    return parseJsonl(content, source);
  }
  if (!Array.isArray(value)) throw new InputFileError(`${source}: expected a JSON array of rows or one JSON object per line`);
  const out: ParsedRows = { rows: [], errors: [], warnings: [] };
  const offsets = elementOffsets(content);
  value.forEach((item, i) => toRow(item, source, lineAt(content, offsets[i] ?? 0), out));
  return out;
}

function parseCsv(content: string, source: string): ParsedRows {
  const out: ParsedRows = { rows: [], errors: [], warnings: [] };
  const lineStarts = [0];
  for (let i = 0; i < content.length; i++) if (content.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  let header: string[] | null = null;
  let delimiter = '';
  let offset = 0;
  while (offset < content.length) {
    const base = offset;
    let prevCursor = 0;
    let restartAt: number | null = null;
    Papa.parse<string[]>(content.slice(base), {
      delimiter,
      delimitersToGuess: [',', ';', '\t', '|'],
      step(result, parser) {
        const start = base + prevCursor;
        prevCursor = result.meta.cursor;
        if (!delimiter) delimiter = result.meta.delimiter;
        const line = lineOf(start);
        // An unterminated or malformed quote swallows the lines after it: report the row, resume on the next line.
        if (result.errors.some((e) => e.type === 'Quotes')) {
          out.errors.push({ source, line, message: 'unterminated or malformed quoted field' });
          const nl = content.indexOf('\n', start);
          restartAt = nl === -1 ? content.length : nl + 1;
          parser.abort();
          return;
        }
        const fields = result.data;
        if (fields.length === 1 && fields[0]!.trim() === '') return;
        if (!header) {
          header = fields.map((h) => h.trim().toLowerCase());
          if (!header.includes('reply')) throw new InputFileError(`${source}: no "reply" column in the CSV header (found: ${header.join(', ')})`);
          return;
        }
        const record: Record<string, string> = {};
        header.forEach((name, i) => {
          if (name && fields[i] !== undefined) record[name] = fields[i]!;
        });
        toRow(record, source, line, out);
      },
    });
    if (restartAt === null) break;
    offset = restartAt;
  }
  if (!header) throw new InputFileError(`${source}: empty CSV (no header row)`);
  return out;
}

export function parseRows(content: string, format: InputFormat, source = 'input'): ParsedRows {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (format === 'csv') return parseCsv(text, source);
  if (format === 'json') return parseJsonArray(text, source);
  return parseJsonl(text, source);
}
