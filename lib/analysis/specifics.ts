/**
 * Concrete details in a customer's message (numbers and IDs, names and products, dates, distinctive
 * words) and whether a draft echoes any of them. Concrete language reads as listening (Packard & Berger
 * 2021); a reply that could answer any message on the topic reads as canned.
 */
import { tokenize, type Token } from './text';

// Order numbers, amounts, dates, times, phone numbers: anything with two or more digits.
const NUMBERISH = /[#£$€]?\d[\d.,:/\-]*\d/g;
const UPPER_START = /^\p{Lu}/u;
const HAS_DIGIT = /\d/;
const NUMBER_NOISE = /[#£$€,]/g;
const TRAILING_DOT = /\.$/;
const CURLY_APOSTROPHE = /’/g;

/** Words that say nothing about this particular customer: function words and the vocabulary of every ticket. */
const GENERIC = new Set(
  `about above after again against already also always another anything around because before being below between
  could didn't doesn't don't during every everything first found going having their there these thing things those
  through under until which while would should where still since thanks thank hello please really never other
  something nothing today yesterday tomorrow morning evening night weeks months years times right cannot couldn't
  wouldn't shouldn't haven't hasn't isn't wasn't aren't weren't won't there's that's what's it's i've i'm i'll you're
  they're we're account accounts order orders ordered ordering issue issues problem problems request requests requested
  support service services customer customers email emails emailed message messages contact contacted question questions
  information details number experience assist assistance matter concern concerns query queries ticket tickets refund
  refunds refunded payment payments charge charged charges delivery delivered deliver package parcel booking booked
  subscription money online website phone called calling help helped helping working worked change changed changes
  update updated updates received receive waiting waited sorry still again apologize apologise hours minutes people
  someone anyone everyone company business team agent agents reply replied response respond responded asked asking
  times trying tried return returned returns cancel cancelled canceled cancellation frustrated frustrating annoying
  annoyed happy unhappy disappointed upset terrible awful great thing months dollars pounds euros paid money sent
  system systems check checked checking without within anymore everything able unable possible actually basically
  just maybe think thought know knew want wanted needs needed there where here when what which whom whose`
    .split(/\s+/)
    .filter(Boolean),
);

const COMMON_CAPS = new Set(['i', "i'm", "i've", "i'll", "i'd", 'ok', 'okay', 'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'please', 'sorry', 'yes', 'no']);

const SUFFIXES = ['ing', 'ed', 'es', 'ly', 's'];

/** Crude stem: enough to match "charged"/"charge", "routers"/"router". */
function stem(word: string): string {
  for (const s of SUFFIXES) if (word.endsWith(s)) return word.slice(0, Math.min(6, word.length - s.length));
  return word.slice(0, 6);
}

function* numbersIn(text: string): Generator<string> {
  NUMBERISH.lastIndex = 0;
  for (let m = NUMBERISH.exec(text); m; m = NUMBERISH.exec(text)) yield m[0];
}

function normNumber(s: string): string {
  return s.replace(NUMBER_NOISE, '').replace(TRAILING_DOT, '');
}

function sentenceInitial(text: string, t: Token): boolean {
  for (let i = t.start - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '(') continue;
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === '\r' || c === ':';
  }
  return true;
}

export interface Specifics {
  numbers: Map<string, string>;
  proper: Map<string, string>;
  content: Map<string, string>;
}

// The customer's message does not change while the agent types, so the last extraction is reused.
let last: { message: string; exclude: string; specifics: Specifics } | null = null;

/** `exclude`: lower-cased words not to count (the customer's own name is personalisation, not a detail). */
export function extractSpecifics(message: string, exclude: ReadonlySet<string> = new Set()): Specifics {
  const key = [...exclude].join('\u0000');
  if (last && last.message === message && last.exclude === key) return last.specifics;
  const specifics = extract(message, exclude);
  last = { message, exclude: key, specifics };
  return specifics;
}

function extract(message: string, exclude: ReadonlySet<string>): Specifics {
  const numbers = new Map<string, string>();
  for (const n of numbersIn(message)) numbers.set(normNumber(n), n);
  const proper = new Map<string, string>();
  const content = new Map<string, string>();
  for (const t of tokenize(message)) {
    if (exclude.has(t.norm) || HAS_DIGIT.test(t.norm)) continue;
    const raw = message.slice(t.start, t.end);
    if (UPPER_START.test(raw) && !sentenceInitial(message, t) && !COMMON_CAPS.has(t.norm)) proper.set(t.norm, raw);
    else if (t.norm.length >= 5 && !GENERIC.has(t.norm.replace(CURLY_APOSTROPHE, "'"))) content.set(stem(t.norm), raw);
  }
  return { numbers, proper, content };
}

export function hasSpecifics(s: Specifics): boolean {
  return s.numbers.size > 0 || s.proper.size > 0 || s.content.size >= 2;
}

/** True when the text reuses a number, a name or product, or two distinctive words from the message. */
export function echoes(text: string, s: Specifics, tokens: readonly Token[] = tokenize(text)): boolean {
  if (s.numbers.size) for (const n of numbersIn(text)) if (s.numbers.has(normNumber(n))) return true;
  let shared = 0;
  const seen = new Set<string>();
  const content = s.content.size > 0;
  for (const t of tokens) {
    if (s.proper.has(t.norm)) return true;
    if (!content) continue;
    const st = stem(t.norm);
    if (t.norm.length >= 5 && s.content.has(st) && !seen.has(st)) {
      seen.add(st);
      // A message with few distinctive words gets credit for echoing one of them.
      if (++shared >= (s.content.size >= 4 ? 2 : 1)) return true;
    }
  }
  return false;
}

/** Up to `n` details worth echoing, most specific first, as the customer wrote them. */
export function examplesOf(s: Specifics, n = 2): string[] {
  return [...s.numbers.values(), ...s.proper.values(), ...s.content.values()].slice(0, n);
}
