import { compileGuide } from './guide';
import { NearDuplicateIndex } from './near-duplicate';
import type { Rule, RuleContext } from './rule';
import { rules } from './rules';
import { DEFAULT_CANNED_THRESHOLD, combine, type WeightedFinding } from './scoring';
import { prepare } from './text';
import type { Analysis, AnalyzeContext, Finding, PastReply, SimilarReply } from './types';

const ORDER = new Map(rules.map((r, i) => [r.id, i]));

// Arrays of past replies are indexed once per array object; pass a NearDuplicateIndex for a history that changes.
const indexCache = new WeakMap<PastReply[], NearDuplicateIndex>();

function lookup(draft: string, past: AnalyzeContext['pastReplies']): SimilarReply | null {
  if (!past) return null;
  let index: NearDuplicateIndex | undefined;
  if (past instanceof NearDuplicateIndex) index = past;
  else if (Array.isArray(past)) {
    index = indexCache.get(past);
    if (!index) {
      index = NearDuplicateIndex.fromReplies(past);
      indexCache.set(past, index);
    }
  }
  return index ? index.query(draft) : null;
}

function ruleContext(draft: string, ctx: AnalyzeContext): RuleContext {
  return {
    customerName: ctx.customerName?.trim() || undefined,
    customerMessage: ctx.customerMessage?.trim() ? ctx.customerMessage : undefined,
    now: ctx.now instanceof Date && !Number.isNaN(ctx.now.getTime()) ? ctx.now : undefined,
    similar: lookup(draft, ctx.pastReplies),
    guide: ctx.guide ? compileGuide(ctx.guide) : null,
  };
}

function collect(rule: Rule, draft: string, rctx: RuleContext, doc: ReturnType<typeof prepare>, out: Finding[], weighted: WeightedFinding[]) {
  const seen = new Set<string>();
  for (const raw of rule.check(doc, rctx)) {
    const start = Math.max(0, Math.min(raw.start, draft.length));
    const end = Math.max(start, Math.min(raw.end, draft.length));
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const finding: Finding = { rule: rule.id, message: raw.message, start, end, severity: raw.severity ?? rule.severity };
    if (raw.fix) finding.fix = raw.fix.replacement === undefined ? { hint: raw.fix.hint } : { replacement: raw.fix.replacement, hint: raw.fix.hint };
    out.push(finding);
    weighted.push({ rule, weight: raw.weight ?? rule.weight });
  }
}

/** Runs one rule alone, as the examples test does. */
export function runRule(rule: Rule, draft: string, ctx: AnalyzeContext = {}): Finding[] {
  if (draft.trim() === '') return [];
  const out: Finding[] = [];
  collect(rule, draft, ruleContext(draft, ctx), prepare(draft), out, []);
  return out;
}

/**
 * Scores how canned a reply draft reads and explains why. Pure and synchronous: safe to call on every
 * keystroke in a content script, in the background, or in Node.
 */
export function analyze(draft: string, ctx: AnalyzeContext = {}): Analysis {
  const guide = ctx.guide ? compileGuide(ctx.guide) : null;
  const guideErrors = guide ? [...guide.errors] : [];
  const threshold = guide?.threshold ?? DEFAULT_CANNED_THRESHOLD;
  if (typeof draft !== 'string' || draft.trim() === '') return { score: 0, verdict: 'ok', findings: [], similarTo: null, guideErrors };

  const rctx = ruleContext(draft, ctx);
  const doc = prepare(draft);
  const findings: Finding[] = [];
  const weighted: WeightedFinding[] = [];
  for (const rule of rules) collect(rule, draft, rctx, doc, findings, weighted);

  findings.sort((a, b) => a.start - b.start || (ORDER.get(a.rule) ?? 0) - (ORDER.get(b.rule) ?? 0) || a.end - b.end);
  const score = combine(weighted);
  return { score, verdict: score >= threshold ? 'canned' : 'ok', findings, similarTo: rctx.similar, guideErrors };
}
