import { bodySpan, tokenize } from '../text';

/** Stand-ins so that one macro sent to two customers normalises to the same words. */
export const NUMBER_TOKEN = '#';
export const NAME_TOKEN = '@';

const UPPER_START = /^\p{Lu}/u;
const DIGIT = /\p{N}/u;

function sentenceInitial(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '(' || c === '\u00a0') continue;
    return c === '.' || c === '!' || c === '?' || c === ':' || c === '\n' || c === '\r' || c === '—' || c === '-';
  }
  return true;
}

/**
 * Words of the reply's body, lower-cased, with the greeting line and sign-off block dropped, every token
 * containing a digit replaced by `#` (order numbers, amounts, dates) and capitalised words in mid-sentence
 * replaced by `@` (customer, agent and product names). Runs of stand-ins collapse into one.
 */
export function normalizeForShingles(text: string): string[] {
  const body = bodySpan(text);
  const out: string[] = [];
  for (const t of tokenize(text, body.start, body.end)) {
    let word = t.norm;
    if (DIGIT.test(word)) word = NUMBER_TOKEN;
    else if (word !== 'i' && UPPER_START.test(text.charAt(t.start)) && !sentenceInitial(text, t.start)) word = NAME_TOKEN;
    if ((word === NUMBER_TOKEN || word === NAME_TOKEN) && out[out.length - 1] === word) continue;
    out.push(word);
  }
  return out;
}
