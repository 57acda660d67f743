/**
 * Does a suggestion reuse something concrete from the customer's message (a number, a name, a
 * distinctive word)? detection.md §5.3: fill suggestions from the customer's own words, and do not
 * offer a long snippet when no concrete detail could be filled. Short snippets (a thank-you, a
 * next step with blanks) are exempt: they are pieces of a reply, not the whole of it.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const NUMBERISH = /[#£$€]?\d[\d.,:/-]*\d/g;

/** Below this many words a snippet needs no detail of its own. */
export const SHORT_SNIPPET_WORDS = 11;

// Words every support conversation uses: sharing them says nothing about this customer.
const GENERIC = new Set(
  (
    'about above after again against already also always another anything around because before being below between ' +
    "could didn't doesn't don't during every everything first found going having their there these thing things those " +
    'through under until which while would should where still since thanks thank hello please really never other ' +
    'something nothing today yesterday tomorrow morning evening night weeks months years times right cannot ' +
    "haven't hasn't isn't wasn't aren't weren't won't there's that's what's it's you've you're you'll " +
    'account accounts order orders ordered issue issues problem problems request requests support service services ' +
    'customer customers email emails message messages contact contacted question questions information details number ' +
    'experience matter concern query ticket refund refunds refunded payment payments charge charged charges delivery ' +
    'delivered package parcel booking booked subscription money online website phone called calling help helped ' +
    'working worked change changed update updated received waiting waited sorry hours minutes people someone anyone ' +
    'company business agent reply replied response asked trying tried return cancel cancelled frustrated happy ' +
    'unhappy disappointed upset terrible awful great months dollars pounds euros system check checked without within ' +
    'anymore able unable possible actually basically maybe think thought know wanted needs needed where here when what ' +
    'which whose today'
  ).split(' '),
);

const COMMON_CAPS = new Set(['i', "i'm", "i've", "i'll", "i'd", 'ok', 'okay', 'hi', 'hello', 'hey', 'dear', 'thanks', 'thank', 'please', 'sorry', 'yes', 'no']);

const stem = (w: string) => w.replace(/(?:ing|ed|es|s|ly)$/, '').slice(0, 6);
const normNumber = (s: string) => s.replace(/[#£$€,]/g, '').replace(/\.$/, '');

export interface MessageSpecifics {
  numbers: Set<string>;
  proper: Set<string>;
  content: Set<string>;
  /** Whether there is anything to echo at all. */
  any: boolean;
}

function sentenceInitial(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '(') continue;
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === '\r' || c === ':';
  }
  return true;
}

/**
 * Details are gathered from the start of the message: a snippet that echoes one of those echoes the
 * whole message too, and a pasted log should not cost more than the customer's own words.
 */
const SPECIFICS_CHARS = 1500;

export function messageSpecifics(fullMessage: string, exclude: ReadonlySet<string>): MessageSpecifics {
  const message = fullMessage.length > SPECIFICS_CHARS ? fullMessage.slice(0, SPECIFICS_CHARS) : fullMessage;
  const numbers = new Set<string>();
  for (const m of message.matchAll(NUMBERISH)) numbers.add(normNumber(m[0]));
  const proper = new Set<string>();
  const content = new Set<string>();
  for (const m of message.matchAll(WORD)) {
    const raw = m[0];
    const norm = raw.toLowerCase().replace(/’/g, "'");
    if (exclude.has(norm) || /\d/.test(norm)) continue;
    if (/^\p{Lu}/u.test(raw) && !sentenceInitial(message, m.index) && !COMMON_CAPS.has(norm)) proper.add(norm);
    else if (norm.length >= 5 && !GENERIC.has(norm)) content.add(stem(norm));
  }
  return { numbers, proper, content, any: numbers.size > 0 || proper.size > 0 || content.size >= 2 };
}

/**
 * Words as the canned-reply check counts them. Whitespace-separated pieces that hold a letter or a
 * digit: it can only over-count (a hyphenated word is one here and there), which errs towards
 * treating a snippet as long and asking it to name a detail.
 */
export function wordCount(text: string): number {
  let n = 0;
  for (const piece of text.split(/\s+/)) if (/[0-9A-Za-z\u00c0-\uffff]/.test(piece)) n++;
  return n;
}

const SEPARATORS = /[^\p{L}\p{M}\p{N}'’-]+/u;

/** A number, a proper noun, or two distinctive words from the message appear in `text`. */
export function echoes(text: string, s: MessageSpecifics): boolean {
  if (s.numbers.size > 0) for (const m of text.matchAll(NUMBERISH)) if (s.numbers.has(normNumber(m[0]))) return true;
  const shared = new Set<string>();
  // One split instead of a match object per word: this runs for every candidate wording.
  for (const piece of text.toLowerCase().split(SEPARATORS)) {
    const norm = piece.replace(/^['’-]+|['’-]+$/g, '').replace(/’/g, "'");
    if (!norm) continue;
    if (s.proper.has(norm)) return true;
    if (norm.length >= 5 && s.content.has(stem(norm))) {
      shared.add(stem(norm));
      if (shared.size >= 2) return true;
    }
  }
  return false;
}

/** A snippet is specific enough when it is short, when the message gives nothing to echo, or when it echoes. */
export function specificEnough(text: string, s: MessageSpecifics): boolean {
  return !s.any || wordCount(text) <= SHORT_SNIPPET_WORDS || echoes(text, s);
}
