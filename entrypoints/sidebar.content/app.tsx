import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Sidebar, type InsertOutcome } from '@/components/sidebar/sidebar';
import type { Store } from '@/lib/content/store';
import type { Finding } from '@/lib/analysis';
import { PresendDialog } from '@/components/sidebar/presend-dialog';
import { StoreContext, useField } from '@/components/sidebar/store-context';

export function App({ store, queryClient, hostLabel, agent, onOpenChange, onInsert, onPresendShown, onPresendChoose, onApplyFix }: {
  store: Store;
  queryClient: QueryClient;
  hostLabel: string;
  agent?: string | undefined;
  onOpenChange: (open: boolean) => void;
  onInsert: (text: string) => Promise<InsertOutcome>;
  onPresendShown: (id: string) => void;
  onPresendChoose: (id: string, choice: 'send' | 'edit' | 'release') => void;
  onApplyFix: (f: Finding) => Promise<boolean>;
}) {
  // Field by field: a keystroke (draft, analysis) does not re-render the sidebar shell.
  const snapshot = useField('snapshot', store) ?? null;
  const open = useField('open', store) ?? false;
  const guide = useField('guide', store) ?? null;
  const held = useField('held', store) ?? null;
  return (
    <StoreContext.Provider value={store}>
      <QueryClientProvider client={queryClient}>
        <Sidebar snapshot={snapshot} open={open} onOpenChange={onOpenChange} hostLabel={hostLabel} agent={agent} guide={guide} onInsert={onInsert} onApplyFix={onApplyFix} />
        {held && <PresendDialog held={held} onShown={onPresendShown} onChoose={onPresendChoose} />}
      </QueryClientProvider>
    </StoreContext.Provider>
  );
}
