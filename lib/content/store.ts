/** The tiny state shared between the content script's watchers and React. */
import type { PageSnapshot } from './page-watcher';
import type { ActiveGuide } from '@/lib/settings/guide';
import type { Analysis } from '@/lib/analysis';
import type { Output } from '@/lib/messaging/protocol';

/** The stored past reply most like the draft, looked up by the background for one draft text. */
export interface SimilarLookup {
  forText: string;
  reply: Output<'findSimilarReply'>;
}

/** A send Rapport is holding while the agent decides (the pre-send dialog). */
export interface HeldSend {
  id: string;
  analysis: Analysis;
  draft: string;
}

export interface SidebarState {
  snapshot: PageSnapshot | null;
  open: boolean;
  /** Text of the reply being written ('' when none). */
  draft: string;
  /** The canned-reply check of `draft` (null when there is no draft). */
  analysis: Analysis | null;
  similar: SimilarLookup | null;
  held: HeldSend | null;
  /** The team guide in force, if any. */
  guide: ActiveGuide | null;
  /** What Rapport took from the reply just sent: promises to confirm, vague times to firm up next time. */
  afterSend: AfterSend | null;
}

export interface AfterSend {
  at: number;
  /** Whose reply it was: the notice belongs to that customer's card only. */
  customerId?: string | null;
  captured: number;
  nudges: Array<{ text: string; message: string }>;
}

export function createStore(initial: Pick<SidebarState, 'snapshot' | 'open' | 'guide'> & Partial<SidebarState>) {
  let state: SidebarState = { draft: '', analysis: null, similar: null, held: null, afterSend: null, ...initial };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch: Partial<SidebarState>) {
      state = { ...state, ...patch };
      listeners.forEach((l) => l());
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
export type Store = ReturnType<typeof createStore>;
