/**
 * Streaming CSV: the file is read a slice at a time, cut at record boundaries by a small
 * quote-aware scanner that follows papaparse's quoting rules, and each piece is handed to
 * papaparse whole. Cutting ourselves, rather than using papaparse's own streaming, gives us:
 * - physical line numbers for every record (papaparse reports only row indexes);
 * - File/Blob input in Node as well as in the page (papaparse's file reader needs FileReader);
 * - recovery from an unbalanced quote: papaparse would read to the end of the file as one
 *   value; we report the line and carry on with the next one.
 */
import Papa from 'papaparse';
import type { RowError } from '@/lib/schemas/import';
import { ImportFileError } from './errors';
import { readText, type ImportInput } from './source';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/** One source record: its values by (de-duplicated) header, and the line it starts on. */
export interface RawRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvMeta {
  /** Header names as found, trimmed, made unique ("Email", "Email (2)") and never empty. */
  headers: string[];
  delimiter: string;
  /** Line of the header row (1, unless preceded by blank lines or Excel's `sep=` line). */
  headerLine: number;
  /** Encoding the bytes were read as; absent for string input. */
  encoding?: string;
}

export interface CsvChunk {
  meta: CsvMeta;
  rows: RawRow[];
  errors: RowError[];
  /** Bytes (Blob input) or characters (string input) read so far, of `total`. */
  done: number;
  total: number;
}

export interface CsvOptions {
  /** Force a separator instead of detecting one. */
  delimiter?: CsvDelimiter;
  /** Records starting before this line are parsed only as far as needed to find the next one. */
  startAtRow?: number;
  /** Stop after this many rows (for previews). */
  maxRows?: number;
  chunkBytes?: number;
  signal?: AbortSignal;
}

/**
 * A quoted value longer than this is taken to be an unbalanced quote rather than data: no
 * field Rapport keeps is anywhere near it, and it bounds what one record can hold in memory.
 */
export const MAX_QUOTED_CHARS = 1 << 20;

const SEP_LINE = /^sep=(.)$/i;
const NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe (|)' };
export const delimiterName = (d: string) => NAMES[d] ?? `"${d}"`;

/**
 * Parses CSV text, yielding rows in chunks (one per slice of the file read). Throws
 * ImportFileError when the file as a whole can't be read as a table.
 */
export async function* parseCsv(input: ImportInput, opts: CsvOptions = {}): AsyncGenerator<CsvChunk> {
  const startAt = opts.startAtRow ?? 0;
  const maxRows = opts.maxRows ?? Infinity;
  let encoding: string | undefined;
  const slices = readText(input, {
    ...(opts.chunkBytes ? { chunkBytes: opts.chunkBytes } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    onEncoding: (e) => (encoding = e),
  });

  let buf = '';
  let bufLine = 1; // physical line of buf[0]
  let eof = false;
  let done = 0;
  let total = 0;
  const pull = async (): Promise<boolean> => {
    const next = await slices.next();
    if (next.done) {
      eof = true;
      return false;
    }
    buf += next.value.text;
    done = next.value.done;
    total = next.value.total;
    return true;
  };

  // Enough text to see the header and guess the separator (papaparse looks at 10 rows).
  while (!eof && buf.length < 64 * 1024) await pull();

  // Blank lines and Excel's "sep=;" hint line come before the header.
  let delimiter: string | undefined = opts.delimiter;
  for (;;) {
    const nl = buf.indexOf('\n');
    const first = nl === -1 ? buf : buf.slice(0, nl);
    const sep = SEP_LINE.exec(first.trim());
    if (first.trim() !== '' && !sep) break;
    if (sep && !opts.delimiter) delimiter = sep[1];
    if (nl === -1) {
      if (eof) throw new ImportFileError('The file is empty: there is no header row.');
      await pull();
      continue;
    }
    buf = buf.slice(nl + 1);
    bufLine++;
  }
  const headerLine = bufLine;
  const firstLine = buf.slice(0, buf.indexOf('\n') === -1 ? buf.length : buf.indexOf('\n'));
  if (!delimiter) {
    // Falls back to a comma when no candidate splits the first rows consistently; the header
    // check below turns that into a message when it matters.
    // Blank lines must not count, or a two-column file ending in a newline averages under
    // papaparse's two-fields threshold.
    const probe = Papa.parse<string[]>(buf, { preview: 10, delimitersToGuess: [...CSV_DELIMITERS], newline: '\n', skipEmptyLines: 'greedy' });
    delimiter = probe.meta.delimiter;
  }
  const delim = delimiter;

  const meta: CsvMeta = { headers: [], delimiter: delim, headerLine };
  let header: string[] | null = null;
  let rows: RawRow[] = [];
  let errors: RowError[] = [];
  let rowCount = 0;

  const fail = (line: number, reason: string) => {
    if (line >= startAt) errors.push({ row: line, reason });
  };

  const emit = (fields: string[], line: number, span: number, quoteTrouble: boolean) => {
    if (!header) {
      header = uniqueHeaders(fields);
      meta.headers = header;
      checkSeparator(header, firstLine, delim, opts.delimiter !== undefined);
      return;
    }
    if (line < startAt) return;
    if (fields.every((f) => f.trim() === '')) return; // blank line, or a row of empty cells
    const where = span > 0 ? `the record on lines ${line}–${line + span} ` : '';
    const h = header.length;
    if (fields.length < h || (fields.length > h && fields.slice(h).some((f) => f.trim() !== ''))) {
      const hint = quoteTrouble
        ? 'a quote inside a value is not escaped (write "" for a quote inside quotes)'
        : 'a separator inside a value that is not in quotes, or a missing separator?';
      fail(line, `${where}has ${fields.length} ${fields.length === 1 ? 'value' : 'values'} but the header has ${h} (${hint})`);
      return;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < h; i++) setValue(values, header[i]!, fields[i] ?? '');
    rows.push({ line, values });
    rowCount++;
  };

  /** A single physical line parsed on its own (used after an unbalanced quote). */
  const parseLine = (text: string, line: number) => {
    if (line < startAt && header) return;
    const r = Papa.parse<string[]>(text, { delimiter: delim, newline: '\n' });
    const row = r.data[0] ?? [''];
    if (r.errors.some((e) => e.code === 'MissingQuotes')) {
      if (!header) throw new ImportFileError(`The header row (line ${line}) has an unbalanced quote.`);
      fail(line, 'unbalanced quotes: a quoted value starts on this line and never closes; the line was skipped');
      return;
    }
    emit(row, line, 0, r.errors.length > 0);
  };

  /**
   * Lines that must not be read as one quoted stretch (they follow an unbalanced quote):
   * each line with a quote is parsed on its own; runs of lines without one, which can't
   * misparse, go to papaparse together because a call per line is slow.
   */
  const parseLinesAlone = (text: string, line: number) => {
    let runStart = 0;
    let runLine = line;
    let pos = 0;
    let at = line;
    let q = -1; // next quote at or after pos, kept so the search isn't repeated per line
    while (pos <= text.length) {
      const nl = text.indexOf('\n', pos);
      const end = nl === -1 ? text.length : nl;
      if (q < pos) {
        const found = text.indexOf('"', pos);
        q = found === -1 ? Infinity : found;
      }
      if (q < end) {
        if (pos > runStart) parsePiece(text.slice(runStart, pos - 1), runLine);
        parseLine(text.slice(pos, end), at);
        runStart = end + 1;
        runLine = at + 1;
      }
      if (nl === -1) break;
      pos = nl + 1;
      at++;
    }
    if (runStart <= text.length) parsePiece(text.slice(runStart), runLine);
  };

  const parsePiece = (text: string, line: number) => {
    if (header && line + countLines(text) < startAt) return; // all before the resume point
    const r = Papa.parse<string[]>(text, { delimiter: delim, newline: '\n', quoteChar: '"' });
    const trouble = new Map<number, string>();
    for (const e of r.errors) if (e.row !== undefined && e.type === 'Quotes') trouble.set(e.row, e.code);
    let lineStarts: number[] | null = null;
    let at = line;
    for (let i = 0; i < r.data.length; i++) {
      const fields = r.data[i]!;
      const span = fields.reduce((n, f) => n + countLines(f), 0);
      const code = trouble.get(i);
      if (code && span > 0) {
        // A quote opened here ran across lines (usually closed by some later, unrelated
        // quote). Skip this line and read the lines it swallowed on their own.
        if (!header) throw new ImportFileError(`The header row (line ${at}) has an unbalanced quote.`);
        fail(at, `unbalanced quotes: a quoted value starting on this line runs on to line ${at + span}; this line was skipped and the lines after it were read on their own`);
        lineStarts ??= startsOfLines(text);
        const from = lineStarts[at + 1 - line]!;
        const next = at + span + 1 - line;
        parseLinesAlone(text.slice(from, next < lineStarts.length ? lineStarts[next]! - 1 : text.length), at + 1);
      } else if (code === 'MissingQuotes') {
        if (!header) throw new ImportFileError(`The header row (line ${at}) has an unbalanced quote.`);
        fail(at, 'unbalanced quotes: a quoted value starts on this line and never closes; the line was skipped');
      } else {
        emit(fields, at, span, code !== undefined);
      }
      at += span + 1;
    }
  };

  // The scanner's state, kept across slices.
  let scanPos = 0;
  let inQuotes = false;
  let quoteOpen = -1;
  let lastCut = -1;
  let nextNl = -1;
  let nlKnown = false;

  const scan = () => {
    const len = buf.length;
    nlKnown = false; // text was appended since the last call
    while (scanPos < len) {
      if (!inQuotes) {
        const q = buf.indexOf('"', scanPos);
        const end = q === -1 ? len : q;
        if (!nlKnown || (nextNl !== -1 && nextNl < scanPos)) {
          nextNl = buf.indexOf('\n', scanPos);
          nlKnown = true;
        }
        while (nextNl !== -1 && nextNl < end) {
          lastCut = nextNl;
          nextNl = buf.indexOf('\n', nextNl + 1);
        }
        if (q === -1) {
          scanPos = len;
          return;
        }
        // papaparse opens a quoted value only at the start of a field.
        const prev = q === 0 ? '\n' : buf[q - 1];
        if (prev === '\n' || prev === delim) {
          inQuotes = true;
          quoteOpen = q;
        }
        scanPos = q + 1;
      } else {
        const q = buf.indexOf('"', scanPos);
        if (q === -1) {
          scanPos = len;
          return;
        }
        let k = q + 1;
        if (k < len && buf[k] === '"') {
          scanPos = q + 2; // "" is an escaped quote
          continue;
        }
        // papaparse closes on a quote followed by the separator or line end, allowing spaces
        // in between; any other quote is "malformed" and the value stays open.
        while (k < len && buf[k] !== delim && buf[k] !== '\n' && /\s/.test(buf[k]!)) k++;
        if (k === len && !eof) {
          scanPos = q; // decide when more text has arrived
          return;
        }
        if (k === len || buf[k] === delim || buf[k] === '\n') {
          inQuotes = false;
          nlKnown = false;
        }
        scanPos = q + 1;
      }
    }
  };

  const dropFront = (n: number) => {
    bufLine += countLines(buf.slice(0, n));
    buf = buf.slice(n);
    scanPos -= n;
    quoteOpen -= n;
    lastCut = -1;
    nlKnown = false;
  };

  const pending = () => rows.length > 0 || errors.length > 0;
  const takeChunk = (): CsvChunk => {
    const chunk = { meta, rows, errors, done, total };
    if (encoding) meta.encoding = encoding;
    rows = [];
    errors = [];
    return chunk;
  };

  for (;;) {
    scan();
    if (lastCut >= 0) {
      const cut = lastCut;
      parsePiece(buf.slice(0, cut), bufLine);
      dropFront(cut + 1);
    }
    if (inQuotes && (eof || buf.length - quoteOpen > MAX_QUOTED_CHARS)) {
      // No closing quote anywhere in reach. Skip the record up to the end of the line where
      // the quote opened; every later line in reach has no closing quote either, so each is
      // read on its own, and scanning resumes normally after them.
      const openEnd = buf.indexOf('\n', quoteOpen);
      const brokenEnd = openEnd === -1 ? buf.length : openEnd;
      const brokenLines = countLines(buf.slice(0, brokenEnd));
      if (!header) throw new ImportFileError(`The header row (line ${bufLine}) has an unbalanced quote.`);
      fail(
        bufLine,
        brokenLines > 0
          ? `unbalanced quotes: the quoted value opened on line ${bufLine + brokenLines} never closes; lines ${bufLine}–${bufLine + brokenLines} were skipped`
          : 'unbalanced quotes: a quoted value starts on this line and never closes; the line was skipped',
      );
      const regionEnd = eof ? buf.length : Math.max(brokenEnd, buf.lastIndexOf('\n'));
      if (brokenEnd + 1 < regionEnd) parseLinesAlone(buf.slice(brokenEnd + 1, regionEnd), bufLine + brokenLines + 1);
      inQuotes = false;
      dropFront(Math.min(buf.length, regionEnd + 1));
      scanPos = 0;
    }
    if (rowCount >= maxRows) {
      rows = rows.slice(0, Math.max(0, rows.length - (rowCount - maxRows)));
      yield takeChunk();
      return;
    }
    if (eof) break;
    if (pending() || done > 0) yield takeChunk();
    await pull();
  }
  // What is left has no line break after it: the last record.
  if (buf.length > 0) parsePiece(buf, bufLine);
  if (!header) throw new ImportFileError('The file is empty: there is no header row.');
  if (rowCount > maxRows) rows = rows.slice(0, Math.max(0, rows.length - (rowCount - maxRows)));
  yield takeChunk();
}

/**
 * Stores a value under any header name. Plain objects rather than Object.create(null), which
 * V8 keeps in slow dictionary mode; a "__proto__" header, which a plain assignment would
 * treat as the prototype setter, is defined as an ordinary own property instead.
 */
export function setValue(values: Record<string, string>, key: string, value: string): void {
  if (key === '__proto__') Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
  else values[key] = value;
}

/** Counts line breaks (the text is already normalised to \n). */
function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function startsOfLines(s: string): number[] {
  const out = [0];
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Trimmed, never empty, unique: a second "Email" becomes "Email (2)" so neither is lost. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  // Where to resume numbering per name: a header of thousands of repeats stays linear, not quadratic.
  const nextN = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`;
    const key = base.toLowerCase();
    let name = base;
    let n = nextN.get(key) ?? 2;
    while (seen.has(name.toLowerCase())) name = `${base} (${n++})`;
    nextN.set(key, n);
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * A header that comes out as one column, but has another separator in it, means the
 * separator is wrong; a genuine one-column file (a list of emails) has none.
 */
function checkSeparator(header: string[], line: string, used: string, forced: boolean) {
  if (header.length !== 1) return;
  const text = line.trim();
  const counts = [...CSV_DELIMITERS, ':', '^', '~']
    .filter((d) => d !== used)
    .map((d) => ({ d, n: text.split(d).length - 1 }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  const likely = counts[0];
  if (!likely) return;
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  if (forced) {
    throw new ImportFileError(
      `With ${delimiterName(used)} as the separator the header "${shown}" is a single column, but it looks separated by ${delimiterName(likely.d)}. Choose that separator, or let Rapport detect it.`,
    );
  }
  const supported = (CSV_DELIMITERS as readonly string[]).includes(likely.d);
  throw new ImportFileError(
    supported
      ? `The columns could not be told apart: the header "${shown}" looks separated by ${delimiterName(likely.d)}, but the rows below it don't split the same way. Check the file, or choose the separator yourself.`
      : `The columns could not be told apart: the header "${shown}" came out as a single column. Rapport reads columns separated by commas, semicolons, tabs or |; save the file as CSV with one of those.`,
  );
}
