/**
 * "today", "on Tuesday", "on 12 March": when the customer told us, the way an agent would say it.
 * Calendar days are counted in the agent's time zone (or the one given), not in UTC, so a fact
 * given at 23:30 is "today" until the agent's own midnight.
 */

const DAY_MS = 86_400_000;

// Intl formatters cost far more to build than to use; a handful of locale/zone pairs is all a
// session meets, so they are kept. Bounded anyway, since the locale comes from settings.
const formatters = new Map<string, { ymd: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat; dayMonthYear: Intl.DateTimeFormat }>();

function formattersFor(locale: string, timeZone: string | undefined) {
  const key = `${locale}\u0000${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const zone = timeZone ? { timeZone } : {};
    f = {
      ymd: new Intl.DateTimeFormat('en-CA', { ...zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      weekday: new Intl.DateTimeFormat(locale, { ...zone, weekday: 'long' }),
      dayMonth: new Intl.DateTimeFormat(locale, { ...zone, day: 'numeric', month: 'long' }),
      dayMonthYear: new Intl.DateTimeFormat(locale, { ...zone, day: 'numeric', month: 'long', year: 'numeric' }),
    };
    if (formatters.size >= 32) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** The calendar day of `at` in the zone, as a day number (days since 1970-01-01). */
function dayNumber(fmt: Intl.DateTimeFormat, at: number): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(fmt.format(at));
  if (!m) return Math.floor(at / DAY_MS);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/**
 * "today" (same calendar day), "on Tuesday" (1–6 days before), otherwise "on 12 March" (with the
 * year when it is not this year). en-GB by default: day before month.
 */
export function whenSaid(at: number, now: number, locale = 'en-GB', timeZone?: string): string {
  if (!Number.isFinite(at)) return 'earlier';
  // Formatting costs ~20 µs; askedAgain asks for the same few facts on every keystroke, and the
  // answer cannot change within a minute of `now`.
  const key = `${at}\u0000${Math.floor(now / 60_000)}\u0000${locale}\u0000${timeZone ?? ''}`;
  const hit = said.get(key);
  if (hit !== undefined) return hit;
  const result = computeWhenSaid(at, now, locale, timeZone);
  if (said.size >= 500) said.clear();
  said.set(key, result);
  return result;
}

const said = new Map<string, string>();

function computeWhenSaid(at: number, now: number, locale: string, timeZone: string | undefined): string {
  let f;
  try {
    f = formattersFor(locale, timeZone);
  } catch {
    // An unknown locale or zone from settings must not break the check; fall back to the default.
    f = formattersFor('en-GB', undefined);
  }
  const ref = Number.isFinite(now) ? now : at;
  const days = dayNumber(f.ymd, ref) - dayNumber(f.ymd, at);
  if (days === 0) return 'today';
  if (days > 0 && days <= 6) return `on ${f.weekday.format(at)}`;
  const sameYear = f.ymd.format(at).slice(0, 4) === f.ymd.format(ref).slice(0, 4);
  return `on ${(sameYear ? f.dayMonth : f.dayMonthYear).format(at)}`;
}
