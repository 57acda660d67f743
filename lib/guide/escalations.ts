/**
 * Which of a guide's escalation rules apply to the conversation at hand.
 *
 * A rule applies when every condition it sets holds (conditions are ANDed); `moods`,
 * `categories` and `words` match when any listed value does, and never when the fact is unknown
 * (no mood, no category, no customer text). `promiseMissed: false` is a real condition ("only
 * while no promise has been missed"), not the same as leaving it out. Rules come back in guide
 * order, which is the order the lead ranked them in.
 */
import type { Category, EscalationRule, Guide, Mood } from './schema';

const DAY_MS = 86_400_000;
/** The window `contactsAtLeast` counts in when a rule sets no `withinDays`. */
export const DEFAULT_ESCALATION_WINDOW_DAYS = 30;

export interface EscalationFacts {
  /**
   * Contacts from this customer in the default 30-day window, including the current one. Used
   * when `contactTimes`/`now` are not given (then a rule's own `withinDays` cannot be honoured).
   */
  contacts: number;
  /** When each contact happened (epoch ms, the current one included): lets each rule count in its own `withinDays`. */
  contactTimes?: readonly number[];
  /** Epoch ms the window ends at; needed with `contactTimes`. */
  now?: number;
  promiseMissed: boolean;
  mood?: Mood;
  category?: Category;
  /** The customer's last message plus whatever draft context the caller adds; what `words` are looked for in. */
  customerText?: string;
}

// A rule's words become one regex, built once per rule object (rules are immutable once parsed),
// so checking on every keystroke costs one scan of the text.
const compiled = new WeakMap<EscalationRule, Array<{ word: string; re: RegExp }>>();

/** Curly and straight apostrophes are the same letter to a reader ("won’t" = "won't"). */
const foldQuotes = (s: string) => s.replace(/[\u2018\u2019\u02bc`]/g, "'");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordPatterns(rule: EscalationRule): Array<{ word: string; re: RegExp }> {
  let list = compiled.get(rule);
  if (!list) {
    list = (rule.when.words ?? []).flatMap((raw) => {
      const word = typeof raw === 'string' ? raw.trim() : '';
      if (!word) return [];
      // Word boundaries by Unicode letter/digit, not \b (which is ASCII-only and would let
      // "cancel" match inside "cancelación"-style words or miss "café"). Any run of spaces in
      // a phrase matches any run of whitespace in the text.
      const body = foldQuotes(word).split(/\s+/).map(escape).join('\\s+');
      return [{ word, re: new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'iu') }];
    });
    compiled.set(rule, list);
  }
  return list;
}

/**
 * The rule's words (as the guide spells them, in guide order) that occur in `text`, so the banner
 * can say what triggered it. Empty when the rule has no words or there is no text.
 */
export function matchedWords(rule: EscalationRule, text: string | undefined | null): string[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const folded = foldQuotes(text);
  const out: string[] = [];
  for (const { word, re } of wordPatterns(rule)) if (re.test(folded) && !out.includes(word)) out.push(word);
  return out;
}

/** Contacts inside the rule's own window when the times are known, otherwise the caller's 30-day count. */
function contactsInWindow(rule: EscalationRule, facts: EscalationFacts): number {
  const times = facts.contactTimes;
  const now = facts.now;
  if (!Array.isArray(times) || typeof now !== 'number' || !Number.isFinite(now)) return facts.contacts;
  const from = now - (rule.when.withinDays ?? DEFAULT_ESCALATION_WINDOW_DAYS) * DAY_MS;
  let n = 0;
  for (const at of times) if (typeof at === 'number' && at >= from) n++;
  return n;
}

export function escalationApplies(rule: EscalationRule, facts: EscalationFacts): boolean {
  const w = rule.when;
  if (w.contactsAtLeast !== undefined && contactsInWindow(rule, facts) < w.contactsAtLeast) return false;
  if (w.promiseMissed !== undefined && facts.promiseMissed !== w.promiseMissed) return false;
  if (w.moods !== undefined && (facts.mood === undefined || !w.moods.includes(facts.mood))) return false;
  if (w.categories !== undefined && (facts.category === undefined || !w.categories.includes(facts.category))) return false;
  if (w.words !== undefined && matchedWords(rule, facts.customerText).length === 0) return false;
  return true;
}

export function matchEscalations(guide: Guide, facts: EscalationFacts): EscalationRule[] {
  return (guide.escalations ?? []).filter((rule) => escalationApplies(rule, facts));
}
