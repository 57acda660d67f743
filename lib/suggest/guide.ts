/**
 * Team phrasing guides: preferred phrasings (added or replacing ours) and banned phrases. Guide
 * texts go through the same safety rules as built-ins, because a guide is a team's wish, not a
 * licence to apologise for praise or to pitch a leaving customer.
 */
import { countWord, timesWord } from './classify/text';
import type { Facts } from './facts';
import type { SuggestGuide, SuggestionKind } from './types';

export interface Candidate {
  id: string;
  kind: SuggestionKind;
  text: string;
  talkingPoint: string;
  order: number;
  /** Other wordings of the same suggestion, tried when this one was just sent or more are needed. */
  alternatives: Array<{ id: string; text: string }>;
  /** Must be shown whatever the cap (a missed promise, tenure, what a leaving customer needs). */
  essential?: boolean;
  /** Only used to reach the minimum number of suggestions. */
  fallback?: boolean;
  /** Names no detail from the message; used only when nothing more specific is left. */
  reserve?: boolean;
  fromGuide?: boolean;
}

type Slot = 'name' | 'issue' | 'since' | 'years' | 'contacts' | 'promise';

/** Fills {slot}s. Returns null when a slot the text depends on is unknown for this customer. */
export function fillSlots(text: string, f: Facts): string | null {
  let missing = false;
  const out = text.replace(/\{(\w+)\}/g, (whole, rawSlot: string, offset: number, all: string) => {
    const slot = rawSlot.toLowerCase() as Slot;
    const after = all.slice(offset + whole.length, offset + whole.length + 12).toLowerCase();
    switch (slot) {
      case 'name':
        if (!f.name) missing = true;
        return f.name ?? '';
      case 'issue':
        // Without an issue we still keep the phrasing and ask the agent to name it.
        return f.issue ?? f.task ?? f.request ?? f.praisedFor ?? '⟨what it is about, in their words⟩';
      case 'since':
        if (!f.since) missing = true;
        return f.since?.monthYear ?? '';
      case 'years':
        if (!f.since) missing = true;
        // "{years} years" wants a number; "for {years}" wants "six years".
        return f.since ? (/^\s*years?\b/.test(after) ? countWord(f.since.years) : `${countWord(f.since.years)} year${f.since.years === 1 ? '' : 's'}`) : '';
      case 'contacts':
        if (f.contacts === null) missing = true;
        return f.contacts === null ? '' : /^\s*(?:times|contacts|calls|emails|messages)\b/.test(after) ? countWord(f.contacts) : timesWord(f.contacts);
      case 'promise':
        if (!f.missed) missing = true;
        return f.missed?.short ?? '';
      default:
        // An unknown slot is shown as a blank so the agent sees it, rather than sent as "{foo}".
        return `⟨${rawSlot}⟩`;
    }
  });
  if (missing) return null;
  // Slot values are already plain (facts.ts); the team's own text may hold ⟨blanks⟩ on purpose.
  const t = out.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export const normalisePhrase = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const matches = (entry: { category?: string; mood?: string }, f: Facts) =>
  (entry.category === undefined || entry.category === f.category) && (entry.mood === undefined || entry.mood === f.mood);

export function activeBans(guide: SuggestGuide | undefined, f: Facts): string[] {
  return (guide?.ban ?? []).filter((b) => typeof b?.phrase === 'string' && b.phrase.trim() && matches(b, f)).map((b) => normalisePhrase(b.phrase));
}

export const isBanned = (text: string, bans: string[]): boolean => {
  if (bans.length === 0) return false;
  const t = normalisePhrase(text);
  return bans.some((b) => t.includes(b));
};

const defaultPoint: Record<SuggestionKind, string> = {
  apology: 'Name what went wrong and own it (team phrasing)',
  acknowledge: 'Acknowledge the specifics (team phrasing)',
  thanks: 'Thank them for something specific (team phrasing)',
  'next-step': 'Give the next step and a time (team phrasing)',
};

/**
 * Applies `prefer`: guide phrasings come first within their kind; `replace` drops our built-ins of
 * that kind for this situation. `reject(text)` is the shared safety check (see ./safety.ts).
 */
export function applyPreferences(
  candidates: Candidate[],
  guide: SuggestGuide | undefined,
  f: Facts,
  reject: (kind: SuggestionKind, text: string) => string | null,
  notes: string[],
): Candidate[] {
  const prefer = guide?.prefer ?? [];
  if (prefer.length === 0) return candidates;
  const replaced = new Set<SuggestionKind>();
  const added: Candidate[] = [];
  prefer.forEach((entry, i) => {
    if (!entry || typeof entry.text !== 'string' || !matches(entry, f)) return;
    const text = fillSlots(entry.text, f);
    if (text === null || text.length === 0) return;
    const why = reject(entry.kind, text);
    if (why) {
      notes.push(`guide phrasing ${i + 1} not suggested: ${why}`);
      return;
    }
    if (entry.mode === 'replace') replaced.add(entry.kind);
    added.push({ id: `guide/${i}`, kind: entry.kind, text, talkingPoint: defaultPoint[entry.kind], order: -1, alternatives: [], fromGuide: true });
  });
  if (added.length === 0) return candidates;
  // Guide phrasings go before the first built-in of their kind, so the overall shape (apology first
  // for a failure, thanks first for praise) is kept; kinds we had nothing for go last.
  const byKind = new Map<SuggestionKind, Candidate[]>();
  for (const g of added) byKind.set(g.kind, [...(byKind.get(g.kind) ?? []), g]);
  const out: Candidate[] = [];
  for (const c of candidates) {
    const mine = byKind.get(c.kind);
    if (mine) {
      out.push(...mine);
      byKind.delete(c.kind);
    }
    if (!replaced.has(c.kind)) out.push(c);
  }
  for (const rest of byKind.values()) out.push(...rest);
  return out;
}
