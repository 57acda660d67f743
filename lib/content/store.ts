/** The tiny state shared between the content script's watchers and React. */
import type { PageSnapshot } from './page-watcher';
import type { ActiveGuide } from '@/lib/settings/guide';

export interface SidebarState {
  snapshot: PageSnapshot | null;
  open: boolean;
  /** Text of the reply being written ('' when none). */
  draft: string;
  /** The team guide in force, if any. */
  guide: ActiveGuide | null;
}

export function createStore(initial: SidebarState) {
  let state = initial;
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
