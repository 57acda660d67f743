/**
 * Canned-reply analyzer: pure text in, findings out. No DOM, no browser.*, no React, no Dexie, so it runs
 * in content scripts, the background and Node (the audit CLI) alike.
 */
export { analyze, runRule } from './analyze';
export { DEFAULT_CANNED_THRESHOLD } from './scoring';
export { rules } from './rules';
export { compileGuide } from './guide';
export { NearDuplicateIndex, NEAR_DUPLICATE_THRESHOLD, MIN_WORDS as NEAR_DUPLICATE_MIN_WORDS } from './near-duplicate';
export type { Rule, RuleExamples, FlagExample, AllowExample, ExampleContext } from './rule';
export type { AnalyzerGuide, AnalyzeContext, Analysis, Finding, Fix, PastReply, Severity, SimilarReply } from './types';
