/**
 * The pre-send check: should Rapport hold this send for a second look? Decided synchronously
 * from what the content script already knows whenever it can, so an ordinary send is never
 * delayed or re-dispatched; only when the draft has no near-duplicate answer yet (pasted and
 * sent at once – the typical macro) does it ask the background, under the send guard's 1.5 s
 * watchdog. Any throw here lets the send through (the guard catches).
 */
import { DEFAULT_CANNED_THRESHOLD, NearDuplicateIndex, type Analysis } from '@/lib/analysis';
import { z } from 'zod';
import { analyzeReply } from './reply-analysis';
import type { SidebarState, SimilarLookup } from './store';

/**
 * Every hook the send path runs, in order: the send-time check, the hold (store update), the
 * pre-send dialog's render, the end of the hold, the release (re-dispatch), the sent-reply log.
 */
export const sendHooks = ['check', 'hold', 'dialog', 'hold-end', 'release', 'sent'] as const;
export type SendHook = (typeof sendHooks)[number];

/**
 * A switch for the e2e suites (storage key `presend.testMode`): hold every send, make the check
 * throw, make it never answer, or `{ throwIn }`: hold every send and throw inside that one hook,
 * to prove each of them fails open. Inert unless someone sets it.
 */
export const testModeSchema = z.union([z.enum(['hold', 'throw', 'hang']), z.object({ throwIn: z.enum(sendHooks) }).strict()]);
export type TestMode = z.infer<typeof testModeSchema>;

/** The hook the test switch makes throw, if any ('throw' is the older spelling of the check). */
export function faultyHook(mode: TestMode | null): SendHook | null {
  if (mode === 'throw') return 'check';
  return typeof mode === 'object' && mode ? mode.throwIn : null;
}

/** Throws inside `hook` when the test switch asks for it; a no-op otherwise. */
export function testFault(mode: TestMode | null, hook: SendHook): void {
  if (faultyHook(mode) === hook) throw new Error(`${hook} failed (test mode)`);
}

export type Decision = { hold: false } | { hold: true; analysis: Analysis };

type State = Pick<SidebarState, 'draft' | 'analysis' | 'snapshot' | 'guide' | 'similar'>;

/** Score at which a canned verdict holds the send: the guide's `hold`, else its `canned`, else the default. */
export function holdThreshold(state: Pick<SidebarState, 'guide'>): number {
  const t = state.guide?.guide.thresholds;
  return t?.hold ?? t?.canned ?? DEFAULT_CANNED_THRESHOLD;
}

/**
 * A near-duplicate answer computed for a slightly older version of the draft still holds:
 * MinHash similarity barely moves when the agent adds or fixes a few characters.
 */
export function similarStillApplies(lookup: SimilarLookup | null, text: string): boolean {
  if (!lookup) return false;
  const a = lookup.forText;
  if (a === text) return true;
  const shared = Math.floor(Math.min(a.length, text.length) * 0.8);
  return Math.abs(a.length - text.length) <= Math.max(20, a.length * 0.1) && a.slice(0, shared) === text.slice(0, shared);
}

const verdict = (analysis: Analysis, state: State): Decision =>
  analysis.verdict === 'canned' && analysis.score >= holdThreshold(state) ? { hold: true, analysis } : { hold: false };

export function decideSend(
  text: string,
  state: State,
  opts: { testMode: TestMode | null; findSimilar: (text: string) => Promise<SimilarLookup['reply']> },
): Decision | Promise<Decision> {
  testFault(opts.testMode, 'check');
  if (opts.testMode === 'hang') return new Promise<Decision>(() => {});
  if (!text.trim()) return { hold: false };
  const known = similarStillApplies(state.similar, text);
  const analysis = state.draft === text && state.analysis && known ? state.analysis : analyzeReply(text, known ? state : { ...state, similar: null });
  // A fault in a later hook needs a held send to reach that hook.
  if (opts.testMode === 'hold' || faultyHook(opts.testMode)) return { hold: true, analysis };
  const now = verdict(analysis, state);
  // Too short to compare (after dropping names and numbers): nothing a past reply could add.
  if (now.hold || known || NearDuplicateIndex.signature(text).length === 0) return now;
  // Pasted and sent before the draft settled: the one case worth asking the background first.
  return opts.findSimilar(text).then((reply) => verdict(analyzeReply(text, { ...state, similar: { forText: text, reply } }), state));
}
