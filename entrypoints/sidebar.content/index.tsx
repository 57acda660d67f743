import './style.css';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { hostMatches } from '@/lib/adapters/hosts';
import { resolveAdapter } from '@/lib/adapters';
import { watchPage } from '@/lib/content/page-watcher';
import { watchSends } from '@/lib/content/send-logger';
import { watchDraft } from '@/lib/content/draft-watcher';
import { insertText } from '@/lib/adapters/insert';
import { createStore } from '@/lib/content/store';
import { setDocked, undock } from '@/lib/content/dock';
import { isSidebarOpen, setSidebarOpen, getSettings } from '@/lib/settings';
import { getActiveGuide, watchActiveGuide } from '@/lib/settings/guide';
import { send } from '@/lib/messaging/client';
import { App } from './app';

const toggleMessage = z.object({ rapport: z.literal('toggle-sidebar') });

export default defineContentScript({
  matches: hostMatches,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = resolveAdapter(location.href);
    if (!adapter) return;
    const t0 = performance.now();
    const site = location.hostname;
    const reported = new Set<string>();
    // Log each distinct failure once; never let it reach the host page.
    const onError = (e: unknown) => {
      const msg = e instanceof Error ? e.message : String(e);
      if (!reported.has(msg)) {
        reported.add(msg);
        console.warn(`[Rapport] ${adapter.meta.id}: ${msg}`);
      }
    };

    const store = createStore({ snapshot: null, open: await isSidebarOpen(site), draft: '', guide: await getActiveGuide().catch(() => null) });
    const unwatchGuide = watchActiveGuide((guide) => store.set({ guide }));
    ctx.onInvalidated(unwatchGuide);
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } });
    const agent = (await getSettings()).agentName || adapter.agentName?.(document);

    const setOpen = (open: boolean) => {
      store.set({ open });
      setDocked(document, open);
      void setSidebarOpen(site, open).catch(onError);
    };

    const drafts = watchDraft({ adapter, doc: document, signal: ctx.signal, onError, onDraft: (draft) => store.set({ draft }) });
    const onInsert = async (text: string): Promise<'inserted' | 'copied' | 'failed'> => {
      try {
        const editor = drafts.activeEditor();
        if (editor && (await insertText(editor, adapter.meta.editorKind, text, drafts.savedRange())) === 'inserted') return 'inserted';
      } catch (e) {
        onError(e);
      }
      // The editor refused (or is gone): the clipboard is the fallback the agent can paste from.
      return navigator.clipboard.writeText(text).then(() => 'copied' as const, () => 'failed' as const);
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'rapport-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      isolateEvents: true,
      onMount(container, _shadow, host) {
        host.setAttribute('data-rapport-ui', 'sidebar');
        const root = createRoot(container);
        root.render(<App store={store} queryClient={queryClient} hostLabel={adapter.meta.label} agent={agent} onOpenChange={setOpen} onInsert={onInsert} />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
        undock(document);
      },
    });
    ui.mount();
    setDocked(document, store.get().open);
    ui.shadowHost.setAttribute('data-mount-ms', String(Math.round(performance.now() - t0)));

    const page = watchPage({
      adapter,
      doc: document,
      signal: ctx.signal,
      onError,
      onChange: (snapshot) => store.set({ snapshot }),
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => page.refresh());

    watchSends({
      adapter,
      doc: document,
      signal: ctx.signal,
      onError,
      onSend: ({ identity, body, subject }) => {
        send('logSentReply', {
          identity,
          channel: adapter.channel,
          host: adapter.meta.id,
          body,
          sendId: crypto.randomUUID(),
          ...(subject ? { subject } : {}),
          ...(agent ? { agent } : {}),
        })
          .then(() => queryClient.invalidateQueries())
          .catch(onError);
      },
    });

    const onMessage = (msg: unknown) => {
      if (toggleMessage.safeParse(msg).success) setOpen(!store.get().open);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
