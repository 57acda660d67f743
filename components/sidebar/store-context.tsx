import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SidebarState, Store } from '@/lib/content/store';

/**
 * The content script's store, for the few components that follow fast-changing fields (the
 * draft and its analysis). Subscribing per field means typing re-renders the reply check, not
 * the customer card, timeline and suggestions around it.
 */
export const StoreContext = createContext<Store | null>(null);

export function useField<K extends keyof SidebarState>(key: K, store?: Store | null): SidebarState[K] | undefined {
  const fromContext = useContext(StoreContext);
  const s = store ?? fromContext;
  return useSyncExternalStore(
    (l) => (s ? s.subscribe(l) : () => undefined) as () => void,
    () => s?.get()[key],
  );
}

/** A value derived from the store; the component re-renders only when it changes (keep it a primitive). */
export function useDerived<T extends string | number | boolean | null>(select: (state: SidebarState) => T): T | undefined {
  const s = useContext(StoreContext);
  return useSyncExternalStore(
    (l) => (s ? s.subscribe(l) : () => undefined) as () => void,
    () => (s ? select(s.get()) : undefined),
  );
}
