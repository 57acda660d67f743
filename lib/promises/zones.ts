/**
 * Wall-clock arithmetic in a fixed UTC offset. Everything here works on plain numbers through Date.UTC,
 * never on the host's local time, so results are the same whatever TZ the browser or Node runs in.
 */

/** A calendar date and time of day as read on the agent's clock. month is 1-12. */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MINUTE = 60_000;

export function wallAt(instant: number, offsetMinutes: number): Wall {
  const d = new Date(instant + offsetMinutes * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The instant at which a clock running at `offsetMinutes` shows `w`. Out-of-range fields roll over (day 32 → next month). */
export function instantOf(w: Wall, offsetMinutes: number): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - offsetMinutes * MINUTE;
}

/** The same wall date `days` later, normalised (e.g. 31 Jan + 1 → 1 Feb). */
export function addDays(w: Wall, days: number): Wall {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days, w.hour, w.minute, w.second));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(w: Wall): number {
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
}

/** Compares calendar dates only. */
export function compareDates(a: Pick<Wall, 'year' | 'month' | 'day'>, b: Pick<Wall, 'year' | 'month' | 'day'>): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** ISO 8601 with the given offset, e.g. "2026-11-24T20:00:00+01:00". Milliseconds are dropped: a due time is never that precise. */
export function formatIso(instant: number, offsetMinutes: number): string {
  const w = wallAt(instant, offsetMinutes);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

/**
 * The UTC offset written in an ISO 8601 timestamp, in minutes ("…+05:30" → 330, "…Z" → 0), or null when the
 * string has none (then its offset is unknown and the caller decides).
 */
export function offsetOfIso(iso: string): number | null {
  const m = /(?:([+-])(\d{2}):?(\d{2})|(Z))$/i.exec(iso.trim());
  if (!m) return null;
  if (m[4]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
