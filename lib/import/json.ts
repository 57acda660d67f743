/**
 * JSON imports: an array of objects, an object wrapping one (`{"tickets": [...]}`, as API
 * exports are), or JSON Lines. Rows come out as flat string records like CSV rows, so the
 * same mapping applies: nested objects become dotted keys ("requester.email"), arrays of
 * plain values are joined with "; " (which the email and phone columns split again).
 */
import type { RowError } from '@/lib/schemas/import';
import { setValue, type RawRow } from './csv';
import { ImportFileError } from './errors';

export interface JsonParse {
  format: 'json' | 'jsonl';
  /** Every key seen, in first-seen order. */
  headers: string[];
  rows: RawRow[];
  errors: RowError[];
}

const MAX_DEPTH = 4;

export function parseJson(text: string): JsonParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart()[0];
  if (start === undefined) throw new ImportFileError('The file is empty.');
  if (start === '[' || start === '{') {
    let whole: unknown;
    let syntax: Error | null = null;
    try {
      whole = JSON.parse(body);
    } catch (e) {
      syntax = e as Error;
    }
    if (!syntax) {
      const list = Array.isArray(whole) ? whole : wrappedList(whole);
      return collect('json', (list ?? [whole]).map((item, i) => ({ line: i + 1, item })));
    }
    // One object per line is not valid JSON as a whole; an array that fails is just broken.
    if (start === '[') throw new ImportFileError(`The file is not valid JSON: ${describeSyntax(syntax, body)}.`);
  } else {
    throw new ImportFileError('The file does not look like JSON: expected an array of objects, or one object per line (JSON Lines).');
  }
  return parseJsonLines(body);
}

function parseJsonLines(body: string): JsonParse {
  const items: Array<{ line: number; item: unknown } | RowError> = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      items.push({ line: i + 1, item: JSON.parse(line) });
    } catch (e) {
      items.push({ row: i + 1, reason: `not valid JSON: ${describeSyntax(e as Error, line)}` });
    }
  }
  return collect('jsonl', items);
}

/** `{"users": [...]}`: the one property holding an array of objects. */
function wrappedList(v: unknown): unknown[] | null {
  if (!isRecord(v)) return null;
  const lists = Object.values(v).filter((x): x is unknown[] => Array.isArray(x) && x.length > 0 && x.every(isRecord));
  return lists.length === 1 ? lists[0]! : null;
}

function collect(format: 'json' | 'jsonl', items: Array<{ line: number; item: unknown } | RowError>): JsonParse {
  const headers = new Set<string>();
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  for (const entry of items) {
    if ('reason' in entry) {
      errors.push(entry);
      continue;
    }
    const { line, item } = entry;
    if (!isRecord(item)) {
      const what = item === null ? 'null' : Array.isArray(item) ? 'a list' : `a ${typeof item}`;
      errors.push({ row: line, reason: `${format === 'json' ? `item ${line}` : 'this line'} is ${what}, not an object with fields` });
      continue;
    }
    const values: Record<string, string> = {};
    flatten(item, '', values, 0);
    for (const k of Object.keys(values)) headers.add(k);
    rows.push({ line, values });
  }
  return { format, headers: [...headers], rows, errors };
}

function flatten(obj: Record<string, unknown>, prefix: string, out: Record<string, string>, depth: number) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix + k;
    if (isRecord(v) && depth < MAX_DEPTH) flatten(v, `${key}.`, out, depth + 1);
    else setValue(out, key, toText(v));
  }
}

function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) return v.filter((x) => x !== null).map(String).join('; ');
  return JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Engines report a character position; people need a line. */
function describeSyntax(e: Error, text: string): string {
  const m = /position (\d+)/.exec(e.message);
  // V8 quotes a snippet of the input ('…, "[{"a":1}…" is not valid JSON'); it can be long.
  const msg = e.message
    .replace(/^JSON\.parse: /, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
  if (!m) return msg;
  const pos = +m[1]!;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${msg} at line ${line}, column ${column}`;
}
