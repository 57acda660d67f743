/**
 * Public types of the canned-reply analyzer. Pure data: this module must stay importable from Node,
 * content scripts and the background alike (no DOM, no browser.*, no Dexie).
 */
import type { NearDuplicateIndex } from './near-duplicate';

export type Severity = 'info' | 'warning';

/** A past reply the draft may duplicate. `sentAt` is ISO 8601 and only informs tie-breaking. */
export interface PastReply {
  id: string;
  text: string;
  sentAt?: string;
}

/**
 * A team's phrasing guide, as the analyzer needs it. lib/guide maps its richer format onto this shape,
 * so keep it stable: fields are only ever added.
 */
export type AnalyzerGuide = {
  /** Phrases or regex patterns the team does not want in replies; each hit becomes a `guide-avoid` finding. */
  avoid?: Array<{ phrase?: string; pattern?: string; flags?: string; why: string; instead?: string }>;
  /** Extra stock phrases, matched like the built-in boilerplate lexicon (case-insensitive, whole words). */
  boilerplate?: string[];
  /**
   * `canned` replaces the default verdict threshold. `hold` is carried for callers that hold a send
   * above some score; the analyzer itself does not use it.
   */
  thresholds?: { canned?: number; hold?: number };
  /** Elements every reply must contain; each one missing becomes a `guide-required` finding. */
  required?: Array<'next-step-time' | 'customer-name'>;
};

export interface AnalyzeContext {
  /** The customer's name as the ticket shows it ("Priya Shah"); the first name is what a reply usually uses. */
  customerName?: string;
  /** The message being answered. Enables the check that the reply reuses anything concrete from it. */
  customerMessage?: string;
  /** Earlier replies (this agent's or the team's). Pass a built index when there are many. */
  pastReplies?: NearDuplicateIndex | PastReply[];
  guide?: AnalyzerGuide;
  /**
   * Reference time for date-relative checks (`stale-date`). When omitted those checks are skipped,
   * so that analysis of a given text never changes with the wall clock.
   */
  now?: Date;
}

export interface Fix {
  /** Text that can replace the span as is. Absent when only the agent can write the fix. */
  replacement?: string;
  hint: string;
}

export interface Finding {
  /** Permanent rule id (the rule's file name). */
  rule: string;
  message: string;
  /** UTF-16 offsets into the draft, end exclusive: `draft.slice(start, end)` is the flagged text. */
  start: number;
  end: number;
  fix?: Fix;
  severity: Severity;
}

export interface SimilarReply {
  id: string;
  /** Estimated Jaccard similarity of normalised word 3-shingles, 0–1, two decimals. */
  similarity: number;
}

export interface Analysis {
  /** 0–100; higher = more canned. */
  score: number;
  verdict: 'canned' | 'ok';
  findings: Finding[];
  similarTo: SimilarReply | null;
  /** Guide entries that could not be applied (e.g. a broken regex), one message each. */
  guideErrors: string[];
}
