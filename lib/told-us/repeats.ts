/**
 * Repeat contacts on the same issue: "this is their third contact about the router this month".
 * Two contacts are about the same issue when the suggestion engine's classifier puts them in the
 * same specific category, or when their subjects/summaries share most of their content words.
 */
import { classify } from '@/lib/suggest/classify';
import type { Category } from '@/lib/suggest/types';

const DAY_MS = 86_400_000;

export interface IssueContact {
  at: number;
  summary?: string;
  subject?: string;
  /** A category already known (from the host or an import); otherwise it is classified. */
  category?: string;
}

// Categories that say how the customer feels or what they want done rather than what is wrong:
// two "how-to" questions or two complaints are rarely the same issue, so only words can tie them.
const VAGUE: ReadonlySet<string> = new Set<Category>(['how-to', 'praise', 'complaint']);

const STOP = new Set(
  'a an the and or but of to in on at for from with by about my your our their his her its is are was were be been being it this that these those i we you they me us them re fw fwd still again not no yes can cannot can\'t could would will wont won\'t just please hi hello thanks thank ticket case issue problem query question help update follow up followup request customer'.split(
    ' ',
  ),
);

/** Content words, lower-cased, with plural/-ing/-ed endings cut so "dropping" meets "drops". */
function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().slice(0, 2000).split(/[^\p{L}\p{N}']+/u)) {
    const w = raw.replace(/'s$/, '').replace(/'/g, '');
    if (w.length < 2 || STOP.has(w)) continue;
    // "dropping" → "dropp" → "drop", to meet "drops" → "drop".
    out.add(w.length > 5 ? w.replace(/(?:ing|ed|es|s)$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1') : w.replace(/s$/, ''));
  }
  return out;
}

/** Overlap relative to the shorter side: a terse subject inside a long summary still counts. */
function stronglyOverlap(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const smaller = Math.min(a.size, b.size);
  return shared >= 2 ? shared / smaller >= 0.6 : smaller === 1 && shared === 1 && Math.max(a.size, b.size) <= 2;
}

// The classifier splits "it's down" (outage) from "it misbehaves" (technical) by wording alone;
// a customer calling about the same dead router uses both, so they are one issue here.
const FAMILY: Readonly<Record<string, string>> = { outage: 'technical' };
const family = (c: string) => FAMILY[c] ?? c;

function categoryOf(text: string): string | undefined {
  if (!text.trim()) return undefined;
  const c: Category = classify(text).situation.category;
  return VAGUE.has(c) ? undefined : family(c);
}

/**
 * How many earlier contacts within `windowDays` (default 30) before `now` are about the same issue
 * as `current`, and when the first of them was. Contacts at or after `now` are the current one (or
 * clock skew) and are not counted.
 */
export function repeatsOnIssue(
  contacts: IssueContact[],
  current: { text: string; subject?: string },
  opts: { now: number; windowDays?: number },
): { count: number; since?: number } {
  try {
    if (!Array.isArray(contacts) || !current || typeof opts?.now !== 'number' || !Number.isFinite(opts.now)) return { count: 0 };
    const windowDays = typeof opts.windowDays === 'number' && opts.windowDays > 0 ? opts.windowDays : 30;
    const from = opts.now - windowDays * DAY_MS;
    const curText = `${typeof current.subject === 'string' ? current.subject : ''}\n${typeof current.text === 'string' ? current.text : ''}`;
    const curCategory = categoryOf(curText);
    const curTokens = tokens(curText);
    const curSubject = typeof current.subject === 'string' ? tokens(current.subject) : new Set<string>();

    let count = 0;
    let since: number | undefined;
    for (const c of contacts) {
      if (!c || typeof c.at !== 'number' || !(c.at >= from && c.at < opts.now)) continue;
      const words = `${typeof c.subject === 'string' ? c.subject : ''}\n${typeof c.summary === 'string' ? c.summary : ''}`;
      // A category the record already carries is trusted over a guess from its few words.
      const given = typeof c.category === 'string' && c.category.trim() !== '' ? c.category.trim().toLowerCase() : undefined;
      const category = curCategory === undefined ? undefined : given !== undefined ? (VAGUE.has(given) ? undefined : family(given)) : categoryOf(words);
      const sameCategory = curCategory !== undefined && category === curCategory;
      const t = tokens(words);
      const same = sameCategory || stronglyOverlap(curTokens, t) || (curSubject.size > 0 && typeof c.subject === 'string' && stronglyOverlap(curSubject, tokens(c.subject)));
      if (!same) continue;
      count++;
      if (since === undefined || c.at < since) since = c.at;
    }
    return since === undefined ? { count } : { count, since };
  } catch {
    return { count: 0 };
  }
}
