/**
 * Building blocks shared by templates. Blanks the agent must fill are written ⟨like this⟩; values
 * from the customer or the record are already plain (see facts.ts), so they cannot open a blank.
 */
import type { Facts } from '../facts';
import { countWord, ordinalWord, timesWord } from '../classify/text';

/** "Aisha, " or "" */
export const lead = (f: Facts): string => (f.name ? `${f.name}, ` : '');
/** ", Aisha" or "" */
export const tail = (f: Facts): string => (f.name ? `, ${f.name}` : '');

/** Fill-in for the failure when we could not read it from the message. */
export const WHAT_WENT_WRONG = '⟨what went wrong, in their words⟩';

/** "I'm sorry your router keeps dropping" / "I'm sorry about the missing parcel". */
export function sorryFor(f: Facts): string {
  if (!f.issue) return `I'm sorry about ${WHAT_WENT_WRONG}`;
  return f.issueHasVerb ? `I'm sorry ${f.issue}` : `I'm sorry about ${f.issue}`;
}

/** The issue as a clause to quote after a colon: "your router keeps dropping". */
export const issueOr = (f: Facts): string => f.issue ?? WHAT_WENT_WRONG;

export const times = (n: number): string => timesWord(n);
export const count = (n: number): string => countWord(n);
export const nth = (n: number): string => ordinalWord(n);

/** "order 48213" / "the screenshots" the customer gave, if any. */
export const firstDetail = (f: Facts): string | null => f.details[0] ?? null;

/** A thing that can follow "your": the product they named, else a blank. */
const display: Record<string, string> = { tv: 'TV', sim: 'SIM', 'sim card': 'SIM card', wifi: 'Wi-Fi', 'wi-fi': 'Wi-Fi', 'tv box': 'TV box' };

export function thing(f: Facts, fallback: string): string {
  const p = f.situation.issue.products?.find((x) => !['account', 'order', 'contract', 'plan', 'card'].includes(x));
  return p ? (display[p] ?? p) : fallback;
}

/**
 * The issue cut to a few words at a natural break ("you're still waiting on the refund"), for
 * snippets that must stay short. Cuts before a relative or a preposition so the fragment stays whole.
 */
export function shortIssue(f: Facts, maxWords = 7): string {
  if (!f.issue) return '⟨what went wrong⟩';
  const words = f.issue.split(' ');
  if (words.length <= maxWords) return f.issue;
  const breakWord = /^(?:we|you|that|which|who|because|since|for|on|in|at|and|but|from|with|by|after|before|when|so|as|-|to|of|about|than)$/i;
  for (let n = maxWords; n >= 3; n--) {
    if (breakWord.test(words[n] ?? '') && !/^(?:the|a|an|your|our|my|to|of|and|on|in|at)$/i.test(words[n - 1] ?? '')) {
      return words.slice(0, n).join(' ').replace(/[,;:]$/, '');
    }
  }
  // No clean break: keep a clause of moderate length whole rather than cut it mid-thought.
  if (words.length <= maxWords + 5) return f.issue;
  const cut = words.slice(0, maxWords);
  while (cut.length > 3 && /^(?:it|the|a|an|to|of|and|your|our|my|you|we|for|on|in|at|with|by)$/i.test(cut[cut.length - 1] ?? '')) cut.pop();
  return cut.join(' ').replace(/[,;:]$/, '');
}

/** "I'm sorry your router keeps dropping" in at most a handful of words. */
export const sorryShort = (f: Facts): string => (f.issue ? (f.issueHasVerb ? `I'm sorry ${shortIssue(f)}` : `I'm sorry about ${shortIssue(f)}`) : `I'm sorry about ${WHAT_WENT_WRONG}`);

/** Sentence-case the start of a suggestion without touching blanks or names further in. */
export function finish(text: string): string {
  const t = text.replace(/\s+([,.;:!?])|\s+/g, (_, p: string | undefined) => p ?? ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
