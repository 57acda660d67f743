/**
 * What a rule is. Rules live one per file in ./rules/<rule-id>.ts and are listed in ./rules/index.ts;
 * tests/lib/analysis/rules.test.ts runs every rule's inline examples and checks the registry.
 */
import type { CompiledGuide } from './guide';
import type { Doc } from './text';
import type { AnalyzeContext, Fix, PastReply, Severity, SimilarReply } from './types';

/** What a rule reports; the engine adds `rule` and fills `severity` from the rule when omitted. */
export interface RawFinding {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  severity?: Severity;
  /** Overrides the rule's weight for this finding (e.g. scaled by similarity). */
  weight?: number;
}

export interface RuleContext {
  customerName?: string;
  customerMessage?: string;
  now?: Date;
  /** Result of the near-duplicate lookup, computed once per analysis. */
  similar: SimilarReply | null;
  guide: CompiledGuide | null;
}

/** Examples may carry context; past replies are given as plain arrays so examples stay data. */
export type ExampleContext = Omit<AnalyzeContext, 'pastReplies'> & { pastReplies?: PastReply[] };
export type FlagExample = string | { text: string; /** Text of one span the rule must report. */ span?: string; ctx?: ExampleContext };
export type AllowExample = string | { text: string; ctx?: ExampleContext };

export interface RuleExamples {
  /** Each must produce at least one finding of this rule (and, if given, one whose text is `span`). */
  flag: FlagExample[];
  /** Each must produce no finding of this rule. */
  allow: AllowExample[];
}

export interface Rule {
  /** Permanent kebab-case id; equals the file name. Never rename: settings and stored findings refer to it. */
  id: string;
  /** Why the rule exists, for the options page. */
  description: string;
  severity: Severity;
  /**
   * Evidence that one finding of this rule gives for "canned", 0–1. Combined across findings by
   * noisy-OR in ./scoring.ts.
   */
  weight: number;
  /** Findings of this rule beyond this count add nothing more to the score. */
  maxCount: number;
  /** Research or style-guide reference behind the rule. */
  source?: string;
  check(doc: Doc, ctx: RuleContext): RawFinding[];
  examples: RuleExamples;
}

export function defineRule(rule: Omit<Rule, 'maxCount'> & { maxCount?: number }): Rule {
  return { maxCount: 1, ...rule };
}

/**
 * Turns phrase fragments into one case-insensitive alternation. Fragments are regex source where a space
 * means "any run of whitespace" (" ?" means optional whitespace) and an apostrophe also matches the
 * typographic ’, so lexicons stay readable. Compiled once at module load.
 */
export function compilePhrases(fragments: readonly string[]): RegExp {
  const alternation = fragments
    .map((f) => f.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+').replace(/'/g, "['’]"))
    // Longest first, so "we apologise for any inconvenience caused" wins over its prefix.
    .sort((a, b) => b.length - a.length)
    .join('|');
  return new RegExp(`\\b(?:${alternation})(?![\\w'’])`, 'gi');
}

/** All matches of a global regex within [from, to); guards against zero-length matches. */
export function matchAll(re: RegExp, text: string, from = 0, to = text.length): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index >= to) break;
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const end = m.index + m[0].length;
    if (end > to) break;
    out.push({ start: m.index, end, text: m[0] });
  }
  return out;
}

export interface PhraseRuleSpec extends Omit<Rule, 'check' | 'maxCount'> {
  maxCount?: number;
  phrases: readonly string[];
  message: string | ((matched: string) => string);
  fix?: Fix | ((matched: string, ctx: RuleContext) => Fix | undefined);
  /** Only look in the body (not the greeting or sign-off). Default: the whole draft. */
  bodyOnly?: boolean;
}

/** The data-only tier: a lexicon, a message and an optional fix. */
export function definePhraseRule(spec: PhraseRuleSpec): Rule {
  const re = compilePhrases(spec.phrases);
  const { phrases: _phrases, message, fix, bodyOnly, ...rest } = spec;
  return defineRule({
    ...rest,
    check(doc, ctx) {
      const from = bodyOnly ? doc.body.start : 0;
      const to = bodyOnly ? doc.body.end : doc.text.length;
      return matchAll(re, doc.text, from, to).map((m) => ({
        start: m.start,
        end: m.end,
        message: typeof message === 'function' ? message(m.text) : message,
        fix: typeof fix === 'function' ? fix(m.text, ctx) : fix,
      }));
    },
  });
}
