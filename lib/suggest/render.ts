/**
 * Blanks and normalisation. A blank is ⟨label⟩ (U+27E8 … U+27E9): visible in any text box, never
 * typed by accident, and flagged by Rapport's canned-reply check until the agent fills it.
 */
import type { Blank } from './types';

/** Offsets are UTF-16 code units, as JavaScript strings and DOM ranges count them. */
export function findBlanks(text: string): Blank[] {
  const out: Blank[] = [];
  const re = /\u27e8([^\u27e8\u27e9]{1,80})\u27e9/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, label: m[1] ?? '' });
  return out;
}

/** Removes blank markup for spoken use: "by ⟨date⟩" → "by date". */
export const stripBlanks = (text: string): string => text.replace(/[\u27e8\u27e9]/g, '');

/** Case, quotes, punctuation and spacing do not make two openings different. */
export function normaliseOpening(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}'\u27e8\u27e9]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Literal segments separated by blanks, matched left to right: each blank must stand for at least
 * one character. Leftmost matching is exact for gaps of any length and never backtracks.
 */
function matchesWithBlanks(pattern: string, text: string): boolean {
  const segments = pattern.split(/\u27e8[^\u27e8\u27e9]*\u27e9/);
  if (segments.length === 1) return pattern === text;
  const first = segments[0] ?? '';
  const last = segments[segments.length - 1] ?? '';
  if (!text.startsWith(first) || !text.endsWith(last) || text.length < first.length + last.length + segments.length - 1) return false;
  let pos = first.length;
  const limit = text.length - last.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const seg = segments[i] ?? '';
    const at = text.indexOf(seg, pos + 1);
    if (at < 0 || at + seg.length > limit) return false;
    pos = at + seg.length;
  }
  return limit - pos >= 1;
}

/**
 * Whether an agent's sent opening is this suggestion (or its first sentence), with or without the
 * blanks filled in: a filled-in copy is still the same opening to the customer.
 */
export function sameOpening(suggestion: string, opening: string): boolean {
  const b = normaliseOpening(opening.slice(0, 2000));
  if (!b) return false;
  const firstSentence = /^[^.!?]*[.!?]/.exec(suggestion)?.[0] ?? suggestion;
  for (const candidate of [suggestion, firstSentence]) {
    const a = normaliseOpening(candidate);
    if (a && (a === b || matchesWithBlanks(a, b))) return true;
  }
  return false;
}
