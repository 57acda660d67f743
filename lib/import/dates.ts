/**
 * Dates as CRMs export them. Deliberately strict: a value is either read exactly or rejected,
 * because a silently wrong date puts a contact in the wrong place in the customer's history
 * (so no natural-language parsing, and numeric day/month order comes from the user).
 *
 * Accepted:
 * - ISO 8601 and near-ISO: 2019-02-19, 2019-02-19T14:30, 2019-02-19 14:30:05.123Z,
 *   2019/02/19 2:30 pm, 2019-02-19T14:30+01:00, 20190219
 * - numeric day and month in the file's order: 19/02/2019, 19.02.19, 02-19-2019 (MDY)
 * - month names (English): Feb 19, 2019 · February 19th 2019 · 19 February 2019 · 19-Feb-19 ·
 *   Tue, 19 Feb 2019 14:30:00 +0000 (RFC 2822) · Tue Feb 19 2019 14:30:00 GMT+0000 (JS Date)
 * - Unix time: 9–10 digits are seconds, 12–13 digits are milliseconds
 * - Excel serial day numbers (10000–99999, optionally with a time fraction), as left behind
 *   when a spreadsheet column formatted as a number is saved to CSV
 *
 * Times without a zone are local to the agent's machine; a date without a time is local
 * midnight. Two-digit years are put in the century that makes them at most 10 years ahead.
 */
export type DateOrder = 'DMY' | 'MDY';

export interface ParsedDate {
  /** Epoch milliseconds. */
  readonly at: number;
  /** The calendar date, YYYY-MM-DD: as written when the text has one, else the local date. */
  readonly date: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?`;
const ZONE = String.raw`(Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT)?`;
const TAIL = String.raw`(?:(?:[\sT,]+|\s+at\s+)${TIME})?\s*${ZONE}\s*(?:\([^)]*\))?$`;

const ISO = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TAIL}`, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TAIL}`, 'i');
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+([a-z]+)\.?,?[\s\-/.]+(\d{4}|\d{2})${TAIL}`, 'i');
const MONTH_DAY = new RegExp(String.raw`^([a-z]+)\.?[\s\-/.]+(\d{1,2})(?:st|nd|rd|th)?,?[\s\-/.]+(\d{4})${TAIL}`, 'i');
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const DAY_MS = 86_400_000;
// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is folded into that choice).
const EXCEL_EPOCH = { y: 1899, m: 11, d: 30 };

// Imports repeat dates (every row of a day, every "customer since"), and parsing is regex
// work; results depend only on the text, the order and, for two-digit years, the year now.
const memo = new Map<string, ParsedDate | null>();
const MEMO_LIMIT = 10_000;

export function parseDate(raw: string, opts: { dateOrder: DateOrder; now?: Date }): ParsedDate | null {
  const key = `${opts.dateOrder}${opts.now ? opts.now.getFullYear() : thisYear()}${raw}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const result = parse(raw, opts);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result && Object.freeze(result));
  return result;
}

// Reading the clock and the local calendar per call is measurable over an import.
let year = 0;
let yearEnds = 0;
function thisYear(): number {
  const now = Date.now();
  if (now >= yearEnds) {
    const d = new Date(now);
    year = d.getFullYear();
    yearEnds = new Date(year + 1, 0, 1).getTime();
  }
  return year;
}

function parse(raw: string, opts: { dateOrder: DateOrder; now?: Date }): ParsedDate | null {
  const s = raw.trim();
  if (!s) return null;
  if (/^\d+(?:\.\d+)?$/.test(s)) return parseNumeric(s);

  let m = ISO.exec(s);
  if (m) return build(+m[1]!, +m[3]!, +m[4]!, m, 5);

  m = NUMERIC.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const [day, month] = opts.dateOrder === 'DMY' ? [a, b] : [b, a];
    return build(fullYear(m[4]!, opts.now), month, day, m, 5);
  }

  const t = s.replace(WEEKDAY, '');
  m = DAY_MONTH.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? build(fullYear(m[3]!, opts.now), month, +m[1]!, m, 4) : null;
  }
  m = MONTH_DAY.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? build(+m[3]!, month, +m[2]!, m, 4) : null;
  }
  return null;
}

function fullYear(y: string, now: Date | undefined): number {
  if (y.length === 4) return +y;
  const current = now ? now.getFullYear() : thisYear();
  const candidate = 2000 + +y;
  return candidate <= current + 10 ? candidate : candidate - 100;
}

/** Builds from calendar fields; `m[t..t+5]` are hour, minute, second, fraction, am/pm, zone. */
function build(y: number, mo: number, d: number, m: RegExpExecArray, t: number): ParsedDate | null {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (m[t] !== undefined) {
    hour = +m[t]!;
    minute = +m[t + 1]!;
    second = m[t + 2] !== undefined ? +m[t + 2]! : 0;
    ms = m[t + 3] !== undefined ? Math.round(+`0.${m[t + 3]}` * 1000) : 0;
    const meridiem = m[t + 4]?.toLowerCase().replaceAll('.', '');
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
  }
  const zone = m[t + 5];
  const date = isoDate(y, mo, d);
  if (zone === undefined) {
    return { at: new Date(y, mo - 1, d, hour, minute, second, ms).getTime(), date };
  }
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return null;
  return { at: Date.UTC(y, mo - 1, d, hour, minute, second, ms) - offset * 60_000, date };
}

function zoneOffsetMinutes(zone: string): number | null {
  const z = zone.replace(/^(?:UTC|GMT)/i, '').trim();
  if (z === '' || z.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return null;
  const hours = +m[2]!;
  const minutes = m[3] ? +m[3] : 0;
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function parseNumeric(s: string): ParsedDate | null {
  const [int = ''] = s.split('.');
  if (int.length === 8 && !s.includes('.')) {
    // Basic ISO 8601 (20190219); anything that isn't a real date falls through to rejection.
    const y = +s.slice(0, 4);
    const mo = +s.slice(4, 6);
    const d = +s.slice(6, 8);
    if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
    return { at: new Date(y, mo - 1, d).getTime(), date: isoDate(y, mo, d) };
  }
  const n = Number(s);
  if (int.length === 5) {
    const whole = Math.floor(n);
    const at = new Date(EXCEL_EPOCH.y, EXCEL_EPOCH.m, EXCEL_EPOCH.d + whole).getTime();
    // The fraction is time of day; added in ms so a DST change that day shifts it, as in Excel.
    return fromInstant(at + Math.round((n - whole) * DAY_MS));
  }
  if ((int.length === 9 || int.length === 10) && Number.isFinite(n)) return fromInstant(Math.round(n * 1000));
  if ((int.length === 12 || int.length === 13) && !s.includes('.')) return fromInstant(n);
  return null;
}

function fromInstant(at: number): ParsedDate | null {
  const d = new Date(at);
  const y = d.getFullYear();
  if (Number.isNaN(at) || y < MIN_YEAR || y > MAX_YEAR) return null;
  return { at, date: isoDate(y, d.getMonth() + 1, d.getDate()) };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(y: number, mo: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return mo === 2 && leap ? 29 : DAYS[mo - 1]!;
}

function isoDate(y: number, mo: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Which numeric order a set of sample values must be in, when any of them settles it
 * (a first number above 12 means day-first). `null` when the samples don't say.
 */
export function guessDateOrder(samples: readonly string[]): DateOrder | null {
  let dmy = false;
  let mdy = false;
  for (const s of samples) {
    const m = NUMERIC.exec(s.trim());
    if (!m) continue;
    if (+m[1]! > 12 && +m[3]! <= 12) dmy = true;
    if (+m[3]! > 12 && +m[1]! <= 12) mdy = true;
  }
  return dmy === mdy ? null : dmy ? 'DMY' : 'MDY';
}
