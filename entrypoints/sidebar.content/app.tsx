import { useSyncExternalStore } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Sidebar, type InsertOutcome } from '@/components/sidebar/sidebar';
import type { Store } from '@/lib/content/store';

export function App({ store, queryClient, hostLabel, agent, onOpenChange, onInsert }: {
  store: Store;
  queryClient: QueryClient;
  hostLabel: string;
  agent?: string | undefined;
  onOpenChange: (open: boolean) => void;
  onInsert: (text: string) => Promise<InsertOutcome>;
}) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  return (
    <QueryClientProvider client={queryClient}>
      <Sidebar snapshot={state.snapshot} open={state.open} onOpenChange={onOpenChange} hostLabel={hostLabel} agent={agent} draft={state.draft} guide={state.guide} onInsert={onInsert} />
    </QueryClientProvider>
  );
}
