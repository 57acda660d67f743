/**
 * The slices of a guide that other units consume. Each unit owns the type of what it reads
 * (`AnalyzerGuide` in lib/analysis/types.ts, `SuggestGuide` in lib/suggest/types.ts); these
 * functions map the on-disk format onto them, so a format change never reaches those units.
 */
import type { AnalyzerGuide } from '@/lib/analysis/types';
import type { SuggestGuide } from '@/lib/suggest/types';
import type { Guide } from './schema';

export type { AnalyzerGuide, SuggestGuide };

/** Copy only the keys that are set, so consumers can rely on `'x' in obj` meaning "given". */
function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** What the canned-reply analyzer needs. Fresh copies: consumers may not mutate the guide. */
export function toAnalyzerGuide(guide: Guide): AnalyzerGuide {
  return defined({
    avoid: guide.avoid.map((r) =>
      defined({ phrase: r.phrase, pattern: r.pattern, flags: r.flags, why: r.why, instead: r.instead }),
    ),
    boilerplate: guide.boilerplate ? [...guide.boilerplate] : undefined,
    thresholds: guide.thresholds ? defined({ canned: guide.thresholds.canned, hold: guide.thresholds.hold }) : undefined,
    required: guide.required ? [...guide.required] : undefined,
  });
}

/** What the phrase suggester needs. */
export function toSuggestGuide(guide: Guide): SuggestGuide {
  return defined({
    prefer: guide.prefer.map((p) =>
      defined({ category: p.category, mood: p.mood, kind: p.kind, text: p.text, mode: p.mode }),
    ),
    ban: guide.ban ? guide.ban.map((b) => defined({ phrase: b.phrase, category: b.category, mood: b.mood })) : undefined,
  });
}
