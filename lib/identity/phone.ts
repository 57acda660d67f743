/**
 * Phone normalisation to E.164.
 *
 * Uses the `min` metadata build of libphonenumber-js (about 121 kB minified / 29 kB gzipped
 * for parsing, against 194 kB / 50 kB for `max`). `min` cannot check digit patterns, only
 * lengths, so validity here means `isPossible()`: a number of a possible length for its
 * country. That is deliberate: digit-pattern validation rejects newly allocated ranges until
 * the library is updated, and rejects the Ofcom drama range (07700 900xxx) used in demo data.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type { CountryCode };

/**
 * Parsing costs 20–60 µs a number (libphonenumber builds its regular expressions per call),
 * and an import meets the same customer's number on many rows, so results are remembered.
 * Bounded: cleared when full rather than tracking recency, which is cheaper and good enough.
 */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 20_000;

export function normalizePhone(raw: string, defaultRegion: CountryCode): string | null {
  const key = `${defaultRegion}\u0000${raw}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const result = parse(raw, defaultRegion);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

function parse(raw: string, defaultRegion: CountryCode): string | null {
  let s = raw.trim();
  if (!s || s.length > 64) return null;
  s = s.replace(/^tel:/i, '');
  // libphonenumber reads letters as keypad digits (1-800-FLOWERS) and extracts numbers from
  // surrounding text; neither belongs in an identity field, apart from an extension marker.
  const withoutExtension = s.replace(/(?:ext\.?|extension|x|#)\s*\d+\s*$/i, '');
  if (/\p{L}/u.test(withoutExtension)) return null;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(s, { defaultCountry: defaultRegion, extract: false });
  } catch {
    return null;
  }
  if (!parsed || !parsed.isPossible()) return null;
  // 0000000000 and the like are placeholders typed into mandatory form fields.
  if (/^(\d)\1+$/.test(parsed.nationalNumber)) return null;
  return parsed.number;
}
