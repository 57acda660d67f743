/**
 * How findings become a 0–100 score.
 *
 * Each finding is treated as independent evidence that the reply is canned, with probability `w` = its
 * rule's weight (a finding may carry its own, e.g. near-duplicates scale with similarity). Within a rule
 * only the `maxCount` strongest findings count, so ten "have a great day"s do not outweigh one template
 * variable. Evidence combines by noisy-OR:
 *
 *     score = round(100 × (1 − Π (1 − wᵢ)))
 *
 * so one strong signal (an unfilled placeholder, w = 0.55) is enough on its own, one weak signal (a stock
 * closer, w = 0.2) never is, and several weak ones add up with diminishing returns. A reply is `canned`
 * at score ≥ DEFAULT_CANNED_THRESHOLD unless a guide overrides it.
 *
 * Weights by rule (see each rule file): unfilled-placeholder .55, near-duplicate .50–.95,
 * auto-responder .45, generic-greeting .35, stock-apology .35, stale-date .35, template-shape .30,
 * passive-deflection .30, no-customer-details .30, pushes-follow-up .30 (.10 when the reply has its own
 * next step), empty-promise .25, no-next-step .25, boilerplate-phrase .20, guide-avoid .20,
 * vague-timeframe .15, corporate-voice .15, guide-required .15, formal-register .12,
 * repeated-apology .12, name-not-used .10, vague-reference .10.
 */
import type { Rule } from './rule';

/** Tuned on tests/corpus/canned: with it the corpus gives precision and recall ≥ 0.9. */
export const DEFAULT_CANNED_THRESHOLD = 50;

export interface WeightedFinding {
  rule: Rule;
  weight: number;
}

export function combine(findings: readonly WeightedFinding[]): number {
  const byRule = new Map<Rule, number[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f.weight);
    else byRule.set(f.rule, [f.weight]);
  }
  let notCanned = 1;
  for (const [rule, weights] of byRule) {
    weights.sort((a, b) => b - a);
    for (const w of weights.slice(0, rule.maxCount)) notCanned *= 1 - Math.max(0, Math.min(1, w));
  }
  return Math.round(100 * (1 - notCanned));
}
