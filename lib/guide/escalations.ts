/**
 * Which of a guide's escalation rules apply to the conversation at hand.
 *
 * A rule applies when every condition it sets holds (conditions are ANDed); `moods` and
 * `categories` match when the conversation's mood or category is any listed value, and never
 * when it is unknown. `promiseMissed: false` is a real condition ("only while no promise has
 * been missed"), not the same as leaving it out. Rules come back in guide order, which is the
 * order the lead ranked them in.
 */
import type { Category, EscalationRule, Guide, Mood } from './schema';

export interface EscalationFacts {
  /** Contacts from this customer in the look-back window, including the current one. */
  contacts: number;
  promiseMissed: boolean;
  mood?: Mood;
  category?: Category;
}

export function escalationApplies(rule: EscalationRule, facts: EscalationFacts): boolean {
  const w = rule.when;
  if (w.contactsAtLeast !== undefined && facts.contacts < w.contactsAtLeast) return false;
  if (w.promiseMissed !== undefined && facts.promiseMissed !== w.promiseMissed) return false;
  if (w.moods !== undefined && (facts.mood === undefined || !w.moods.includes(facts.mood))) return false;
  if (w.categories !== undefined && (facts.category === undefined || !w.categories.includes(facts.category))) return false;
  return true;
}

export function matchEscalations(guide: Guide, facts: EscalationFacts): EscalationRule[] {
  return (guide.escalations ?? []).filter((rule) => escalationApplies(rule, facts));
}
