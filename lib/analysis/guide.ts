/**
 * Compiles a team guide (AnalyzerGuide) into regexes once per guide object. Guides come from users, so
 * every entry is validated: a broken entry is reported in `errors` and skipped, the rest still apply.
 */
import type { AnalyzerGuide } from './types';

export interface CompiledAvoid {
  re: RegExp;
  why: string;
  instead?: string;
  /** Where the entry came from, for messages: `avoid[3]`. */
  label: string;
}

export type RequiredElement = NonNullable<AnalyzerGuide['required']>[number];

export interface CompiledGuide {
  avoid: CompiledAvoid[];
  /** Extra boilerplate phrases as one alternation, or null when the guide adds none. */
  boilerplate: RegExp | null;
  threshold: number | null;
  required: Set<RequiredElement>;
  errors: string[];
}

const REQUIRED_ELEMENTS: ReadonlySet<string> = new Set<RequiredElement>(['next-step-time', 'customer-name']);
const VALID_FLAGS = /^[dimsuv]*$/;
const cache = new WeakMap<AnalyzerGuide, CompiledGuide>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A literal phrase, whole words, any whitespace between words, either apostrophe. */
function phraseSource(phrase: string): string {
  const body = phrase
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/['’]/g, "['’]"))
    .join('\\s+');
  const startsWord = /^[\p{L}\p{N}_]/u.test(phrase.trim());
  const endsWord = /[\p{L}\p{N}_]$/u.test(phrase.trim());
  return `${startsWord ? '(?<![\\p{L}\\p{N}_])' : ''}${body}${endsWord ? '(?![\\p{L}\\p{N}_])' : ''}`;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function compileGuide(guide: AnalyzerGuide): CompiledGuide {
  const cached = cache.get(guide);
  if (cached) return cached;
  const errors: string[] = [];
  const avoid: CompiledAvoid[] = [];

  (Array.isArray(guide.avoid) ? guide.avoid : []).forEach((entry, i) => {
    const label = `avoid[${i}]`;
    if (!entry || typeof entry !== 'object') {
      errors.push(`${label}: expected an object`);
      return;
    }
    const why = typeof entry.why === 'string' ? entry.why : '';
    const instead = typeof entry.instead === 'string' && entry.instead.trim() ? entry.instead : undefined;
    if (typeof entry.pattern === 'string') {
      const flags = typeof entry.flags === 'string' ? entry.flags.replace(/[gy]/g, '') : 'i';
      if (!VALID_FLAGS.test(flags) || new Set(flags).size !== flags.length) {
        errors.push(`${label}.flags: invalid regular expression flags "${entry.flags}"`);
        return;
      }
      if (entry.pattern.length === 0) {
        errors.push(`${label}.pattern: empty pattern`);
        return;
      }
      try {
        avoid.push({ re: new RegExp(entry.pattern, `${flags}g`), why, instead, label });
      } catch (e) {
        errors.push(`${label}.pattern: ${describe(e)}`);
      }
      return;
    }
    if (typeof entry.phrase === 'string') {
      if (!entry.phrase.trim()) {
        errors.push(`${label}.phrase: empty phrase`);
        return;
      }
      avoid.push({ re: new RegExp(phraseSource(entry.phrase), 'giu'), why, instead, label });
      return;
    }
    errors.push(`${label}: needs a phrase or a pattern`);
  });

  const phrases: string[] = [];
  (Array.isArray(guide.boilerplate) ? guide.boilerplate : []).forEach((p, i) => {
    if (typeof p !== 'string' || !p.trim()) errors.push(`boilerplate[${i}]: expected a non-empty phrase`);
    else phrases.push(phraseSource(p));
  });
  // Longest first, so a longer team phrase wins over a shorter one it contains.
  phrases.sort((a, b) => b.length - a.length);
  const boilerplate = phrases.length ? new RegExp(phrases.join('|'), 'giu') : null;

  let threshold: number | null = null;
  const canned = guide.thresholds?.canned;
  if (canned !== undefined) {
    if (typeof canned === 'number' && Number.isFinite(canned) && canned >= 0 && canned <= 100) threshold = canned;
    else errors.push('thresholds.canned: expected a number from 0 to 100');
  }

  const required = new Set<RequiredElement>();
  (Array.isArray(guide.required) ? guide.required : []).forEach((r, i) => {
    if (REQUIRED_ELEMENTS.has(r)) required.add(r);
    else errors.push(`required[${i}]: unknown element "${String(r)}" (expected next-step-time or customer-name)`);
  });

  const compiled: CompiledGuide = { avoid, boilerplate, threshold, required, errors };
  cache.set(guide, compiled);
  return compiled;
}
