import { useSyncExternalStore } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Sidebar, type InsertOutcome } from '@/components/sidebar/sidebar';
import type { Store } from '@/lib/content/store';
import type { Finding } from '@/lib/analysis';
import { PresendDialog } from '@/components/sidebar/presend-dialog';

export function App({ store, queryClient, hostLabel, agent, onOpenChange, onInsert, onPresendShown, onPresendChoose, onApplyFix }: {
  store: Store;
  queryClient: QueryClient;
  hostLabel: string;
  agent?: string | undefined;
  onOpenChange: (open: boolean) => void;
  onInsert: (text: string) => Promise<InsertOutcome>;
  onPresendShown: (id: string) => void;
  onPresendChoose: (id: string, choice: 'send' | 'edit') => void;
  onApplyFix: (f: Finding) => Promise<boolean>;
}) {
  const state = useSyncExternalStore(store.subscribe, store.get);
  return (
    <QueryClientProvider client={queryClient}>
      <Sidebar snapshot={state.snapshot} open={state.open} onOpenChange={onOpenChange} hostLabel={hostLabel} agent={agent} draft={state.draft} analysis={state.analysis} guide={state.guide} onInsert={onInsert} onApplyFix={onApplyFix} />
      {state.held && <PresendDialog held={state.held} onShown={onPresendShown} onChoose={onPresendChoose} />}
    </QueryClientProvider>
  );
}
