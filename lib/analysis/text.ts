/**
 * One pass over the draft that every rule shares: sentences, word tokens, and where the greeting, body and
 * sign-off are. All positions are UTF-16 offsets into the untouched draft. The draft is never lower-cased
 * or normalised as a whole, because that can change its length ("İ" lower-cases to two code units) and
 * would shift every span after it; case-insensitive matching is done by the regexes instead.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  /** Lower-cased, NFC-normalised word, for comparisons only. */
  norm: string;
}

export interface Doc {
  text: string;
  /** Sentences and lines, trimmed, in order; never empty. */
  sentences: Span[];
  /** Sentences inside `body` (neither greeting nor sign-off). */
  bodySentences: Span[];
  tokens: Token[];
  /** "Hi Priya," / "Dear Customer," at the very start, if any. */
  greeting: Span | null;
  /** From the valediction line ("Kind regards,") to the end, if there is one near the end. */
  signoff: Span | null;
  /** Trimmed text between greeting and sign-off; may be empty (start === end). */
  body: Span;
}

// Letters, marks and digits, so "Zoë" written with a combining diaeresis stays one word.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

const NON_ASCII = /[^\u0000-\u007f]/;

const GREETING =
  /^[ \t]*(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening|day)|to whom it may concern)\b[^\n,!:.;]{0,40}[,!:.;]?/i;

// A line that holds only a valediction, optionally followed by a short capitalised name ("Best, Sam").
// Two regexes because the name part must be case-sensitive: "Thanks for the logs" is not a sign-off.
const VALEDICTION_HEAD =
  /^[ \t]*(?:(?:kind|kindest|warm|warmest|best|many|with|yours)[ \t]+)?(?:regards|wishes|thanks|thank you|sincerely|faithfully|truly|best|cheers|respectfully|all the best|take care|talk soon|speak soon|thanks again|thank you again|thanks so much|many thanks|yours)(?![\p{L}])[ \t]*[,.!—–-]*[ \t]*/iu;
const VALEDICTION_TAIL = /^(?:\p{Lu}[\p{L}\p{M}.'’-]*(?:[ \t]+[\p{L}\p{M}.'’&-]+){0,3})?[ \t]*$/u;

function isValediction(line: string): boolean {
  const m = VALEDICTION_HEAD.exec(line);
  return m !== null && VALEDICTION_TAIL.test(line.slice(m[0].length));
}

/** How many lines from the end a valediction may start; signatures longer than this are unusual. */
const SIGNOFF_LOOKBACK_LINES = 10;

export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0xfeff;
}

export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

const CLOSERS = new Set(['"', "'", '’', '”', ')', ']', '»']);

/** Splits [from, to) at newlines and at . ! ? followed by space or end (so "42.10" stays whole). Linear. */
export function splitSentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let s = from;
  const push = (a: number, b: number) => {
    const t = trimSpan(text, a, b);
    if (t.end > t.start) out.push(t);
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(s, i);
      s = i + 1;
      continue;
    }
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) {
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d === 46 || d === 33 || d === 63 || d === 0x2026) j++;
        else break;
      }
      while (j < to && CLOSERS.has(text.charAt(j))) j++;
      if (j >= to || isSpaceCode(text.charCodeAt(j))) {
        push(s, j);
        s = j;
        i = j - 1;
      }
    }
  }
  push(s, to);
  return out;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    const raw = text.slice(m.index, end).toLowerCase();
    // NFC only matters (and only costs) for non-ASCII words: "Zoë" typed with a combining mark.
    out.push({ start: m.index, end, norm: NON_ASCII.test(raw) ? raw.normalize('NFC') : raw });
  }
  return out;
}

function findSignoff(text: string, after: number): Span | null {
  // Walk back over the last lines; the valediction closest to the top of that tail wins, so a signature
  // block "Best,\nSam\nAcme" is one sign-off even if "Sam" would also match.
  let end = text.length;
  let found: number | null = null;
  let lines = 0;
  while (end > after && lines < SIGNOFF_LOOKBACK_LINES) {
    const nl = text.lastIndexOf('\n', end - 1);
    const lineStart = Math.max(nl + 1, after);
    const line = text.slice(lineStart, end);
    if (line.trim().length > 0) {
      lines++;
      if (line.length <= 80 && isValediction(line)) found = lineStart;
    }
    if (nl < after) break;
    end = nl;
  }
  if (found === null) return null;
  // A sign-off must follow something; a reply that is only "Thanks!" has no body to sign off.
  if (text.slice(after, found).trim().length === 0) return null;
  const span = trimSpan(text, found, text.length);
  return span.end > span.start ? span : null;
}

interface Frame {
  all: Span;
  greeting: Span | null;
  signoff: Span | null;
  body: Span;
}

function frame(text: string): Frame {
  const all = trimSpan(text, 0, text.length);
  const leading = text.slice(all.start, Math.min(all.end, all.start + 120));
  const g = GREETING.exec(leading);
  const greeting = g ? trimSpan(text, all.start + g.index, all.start + g.index + g[0].length) : null;
  const bodyFrom = greeting ? greeting.end : all.start;
  const signoff = findSignoff(text, bodyFrom);
  const body = trimSpan(text, bodyFrom, signoff ? signoff.start : all.end);
  return { all, greeting, signoff, body };
}

/** The reply without its greeting and sign-off: what two uses of one macro have in common. */
export function bodySpan(text: string): Span {
  return frame(text).body;
}

export function prepare(text: string): Doc {
  const { all, greeting, signoff, body } = frame(text);
  const sentences = splitSentences(text, all.start, all.end);
  const bodySentences = splitSentences(text, body.start, body.end);
  return { text, sentences, bodySentences, tokens: tokenize(text, all.start, all.end), greeting, signoff, body };
}

/** Given a person's name as a ticket shows it, the word forms a reply could address them by. */
export function nameForms(name: string): Set<string> {
  const words = tokenize(name).map((t) => t.norm);
  const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
  const forms = new Set<string>();
  const real = words.filter((w) => !titles.has(w));
  // First name is the usual address; the last name covers "Mr Okafor"-style replies.
  if (real[0]) forms.add(real[0]);
  if (real.length > 1 && real[real.length - 1]) forms.add(real[real.length - 1]!);
  return forms;
}

export function findNameToken(doc: Doc, name: string): Token | null {
  const forms = nameForms(name);
  if (forms.size === 0) return null;
  for (const t of doc.tokens) if (forms.has(t.norm)) return t;
  return null;
}

export function sentenceAt(doc: Doc, offset: number): Span | null {
  for (const s of doc.sentences) if (s.start <= offset && offset < s.end) return s;
  return null;
}

/** The first name as written in the ticket ("Priya" from "Dr Priya Shah"), for replacements. */
export function firstName(name: string | undefined): string | null {
  if (!name) return null;
  const titles = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
  for (const t of tokenize(name)) if (!titles.has(t.norm)) return name.slice(t.start, t.end);
  return null;
}
