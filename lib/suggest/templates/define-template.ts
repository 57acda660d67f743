/**
 * A phrasing template: one small unit per situation it serves, with several surface variants
 * (rotation keeps a suggestion from turning into the next canned line, detection.md §5.3) and
 * examples that the generic test in tests/lib/suggest/templates.test.ts runs.
 */
import type { Facts } from '../facts';
import type { CustomerContext, SuggestionKind } from '../types';

export interface TemplateExample {
  message: string;
  record?: CustomerContext;
  /** Every variant's text contains each of these (case-insensitive). */
  includes?: string[];
}

export interface Template {
  /** Permanent id; equals the file name. Suggestion ids are `<id>/<variant>`. */
  id: string;
  kind: SuggestionKind;
  /** Why this template exists, for maintainers. */
  description: string;
  applies(f: Facts): boolean;
  /** Position among the suggestions for these facts: lower comes first. */
  order(f: Facts): number;
  /** Surface variants; a variant may decline (null) when the facts do not fit its wording. */
  variants: ReadonlyArray<(f: Facts) => string | null>;
  /**
   * A snippet of at most a dozen words, used when no long variant names a detail from the message
   * (a long snippet that could answer any message reads as canned).
   */
  short?: (f: Facts) => string | null;
  /** The phone-call version: short imperative notes, no blank markup. */
  talkingPoint(f: Facts): string;
  /** Shown only when fewer than three other suggestions apply. */
  fallback?: boolean;
  /** Always shown when it applies, whatever the cap (a missed promise, tenure, a leaver's exit kit). */
  essential?: boolean;
  /** Inputs for which the template must apply, and text every variant must contain. */
  examples: TemplateExample[];
}

export function defineTemplate(t: Template): Template {
  return t;
}
