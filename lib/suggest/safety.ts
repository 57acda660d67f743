/**
 * Rules every suggestion obeys, built-in or from a team guide (issue: empathetic apology and
 * thank-you suggestions). Returns why a text is rejected, or null.
 */
import type { Facts } from './facts';
import type { SuggestionKind } from './types';

/** Hedged non-apologies (detection.md §1.2 S2/S3): they apologise for the customer's feelings, not our failure. */
export const nonApology =
  /\b(?:any inconvenience|the inconvenience|inconvenience (?:this|that|it) (?:may|might) have caused|if (?:you were|you've been|you have been|this has|that) (?:upset|offended|inconvenienced|caused)|sorry (?:that )?you feel|sorry you(?:'re| are) (?:upset|unhappy|disappointed)|sorry if\b|may have caused|might have caused|we regret any|regret any|mistakes were made|sorry for the trouble|sorry, but\b)/i;

/** Anything that tries to keep a leaving customer (issue: help them leave well; no retention offers). */
export const retention =
  /\b(?:stay|staying|reconsider|change your mind|offers?|discounts?|deals?|special (?:price|rate|offer)|retain|retention|keep you|before you go|sorry to see you go|loyalty (?:bonus|reward|discount|offer)|upgrade|free months?|half price|better price|price match|match (?:their|the|that) price|think (?:it )?over|are you sure|cancel the cancellation|win you back|persuade)\b/i;

const apologyWords = /\b(?:sorry|apologi[sz]e\w*|apologies|forgive)\b/i;

export function rejectReason(f: Facts, kind: SuggestionKind, text: string): string | null {
  if (nonApology.test(text)) return 'it hedges the apology';
  if ((f.category === 'praise' || f.category === 'how-to') && (kind === 'apology' || apologyWords.test(text))) {
    return `no apology for ${f.category === 'praise' ? 'praise' : 'a how-to question'}`;
  }
  if (f.mood === 'leaving' && retention.test(text)) return 'it tries to keep a leaving customer';
  return null;
}
