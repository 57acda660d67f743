/**
 * Keeps `store.analysis` equal to the canned-reply check of the current draft, so the sidebar,
 * the highlights and the pre-send check all read one result instead of analysing three times.
 * Also asks the background, once per settled draft, for the most similar reply already sent.
 */
import { analyze, NEAR_DUPLICATE_MIN_WORDS, type Analysis, type AnalyzerGuide, type PastReply } from '@/lib/analysis';
import { toAnalyzerGuide, type Guide } from '@/lib/guide';
import type { SidebarState, SimilarLookup, Store } from './store';

const guides = new WeakMap<Guide, AnalyzerGuide>();
const pasts = new WeakMap<object, PastReply[]>();

/** The analyzer guide for a guide object, built once (its compiled patterns are cached by identity). */
export function analyzerGuideOf(guide: Guide | undefined): AnalyzerGuide | undefined {
  if (!guide) return undefined;
  let g = guides.get(guide);
  if (!g) {
    g = toAnalyzerGuide(guide);
    guides.set(guide, g);
  }
  return g;
}

/** The check of `draft` with what the page and the background know. Pure apart from caches. */
export function analyzeReply(draft: string, state: Pick<SidebarState, 'snapshot' | 'guide' | 'similar'>): Analysis {
  const guide = analyzerGuideOf(state.guide?.guide);
  const name = state.snapshot?.identity.name;
  const message = state.snapshot?.lastCustomerMessage;
  const similar = state.similar?.reply ?? null;
  let past: PastReply[] | undefined;
  if (similar) {
    past = pasts.get(similar);
    if (!past) {
      // The analyzer names the past reply by id: make that name something an agent recognises.
      const when = new Date(similar.at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
      const opening = similar.text.replace(/\s+/g, ' ').trim().slice(0, 60);
      past = [{ id: `sent ${when}: “${opening}${similar.text.length > 60 ? '…' : ''}”`, text: similar.text, sentAt: new Date(similar.at).toISOString() }];
      pasts.set(similar, past);
    }
  }
  return analyze(draft, {
    ...(name ? { customerName: name } : {}),
    ...(message ? { customerMessage: message } : {}),
    ...(guide ? { guide } : {}),
    ...(past ? { pastReplies: past } : {}),
  });
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function watchAnalysis(opts: {
  store: Store;
  signal: AbortSignal;
  findSimilar: (text: string) => Promise<SimilarLookup['reply']>;
  onError: (e: unknown) => void;
}): void {
  const { store, signal, findSimilar, onError } = opts;
  let inputs: unknown[] = [];
  let asked = '';
  const update = () => {
    const s = store.get();
    const next = [s.draft, s.snapshot, s.guide, s.similar];
    if (next.every((v, i) => v === inputs[i])) return;
    inputs = next;
    try {
      store.set({ analysis: s.draft.trim() ? analyzeReply(s.draft, s) : null });
    } catch (e) {
      onError(e);
    }
    // One lookup per settled draft (the draft is already debounced); replies too short to compare never repeat meaningfully.
    if (s.draft !== asked && s.draft !== s.similar?.forText && wordCount(s.draft) >= NEAR_DUPLICATE_MIN_WORDS) {
      const text = (asked = s.draft);
      findSimilar(text)
        .then((reply) => {
          if (!signal.aborted && store.get().draft === text) store.set({ similar: { forText: text, reply } });
        })
        .catch(onError);
    }
  };
  const off = store.subscribe(update);
  signal.addEventListener('abort', () => off());
  update();
}
