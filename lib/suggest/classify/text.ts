/**
 * Small text helpers shared by the classifiers. Everything here is linear in the input length:
 * the engine runs on every ticket a content script sees, so no regex may backtrack on long text.
 */

/**
 * How much of a message is read. Customers put the problem near the top; a 50 KB paste (a log,
 * a forwarded thread) must not cost more than a normal message.
 */
export const MAX_CHARS = 2000;

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function capText(text: string, max = MAX_CHARS): { text: string; capped: boolean } {
  if (text.length <= max) return { text, capped: false };
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  // Prefer to stop at a sentence or line end so the last sentence read is whole.
  const cut = text.slice(0, end);
  const lastStop = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. '));
  return { text: lastStop > max * 0.6 ? cut.slice(0, lastStop + 1) : cut, capped: true };
}

/** Straight quotes, single spaces, no control characters: what every pattern below expects. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, ' - ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ');
}

/** Sentences looked at one by one; the rest of a long message only counts through whole-text cues. */
export const MAX_SENTENCES = 40;

export interface Sentence {
  text: string;
  lower: string;
  index: number;
}

/**
 * Sentences, also split on line breaks (customers often write one thought per line without stops).
 * A stop only ends a sentence when followed by a space, so "£42.50" and "8.30pm" stay whole.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
    start = end;
    if (s.length > 0 && /[\p{L}\p{N}]/u.test(s)) out.push({ text: s, lower: s.toLowerCase(), index: out.length });
  };
  for (let i = 0; i < text.length && out.length < MAX_SENTENCES; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) push(i + 1);
    else if (c === 46 || c === 33 || c === 63) {
      // Swallow runs like "?!" and "..." and a closing quote or bracket.
      let j = i + 1;
      while (j < text.length && /[.!?"')\]]/.test(text.charAt(j))) j++;
      if (j >= text.length || /\s/.test(text.charAt(j))) {
        push(j);
        i = j - 1;
      }
    }
  }
  if (out.length < MAX_SENTENCES) push(text.length);
  return out;
}

export function words(lower: string): string[] {
  return lower.match(/[\p{L}\p{N}']+/gu) ?? [];
}

const numberWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ordinalWords = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** "three", "12": how agents write counts in prose. */
export function countWord(n: number): string {
  return numberWords[n] ?? String(n);
}

/** "third", "14th". */
export function ordinalWord(n: number): string {
  const w = ordinalWords[n];
  if (w) return w;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function timesWord(n: number): string {
  if (n === 1) return 'once';
  if (n === 2) return 'twice';
  return `${countWord(n)} times`;
}

/** FNV-1a: a tiny, stable hash for seeding variant choice (tests must be reproducible). */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
