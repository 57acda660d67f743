import './style.css';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { browser, createShadowRootUi, defineContentScript, storage } from '#imports';
import { hostMatches } from '@/lib/adapters/hosts';
import { waitForActiveAdapter, watchSiteEnabled } from '@/lib/content/activation';
import { watchPage } from '@/lib/content/page-watcher';
import { guardSends, type SendGuard } from '@/lib/content/send-guard';
import { watchDraft } from '@/lib/content/draft-watcher';
import { createFrameHub } from '@/lib/content/frames';
import { watchAnalysis } from '@/lib/content/reply-analysis';
import { decideSend, testModeSchema, type TestMode } from '@/lib/content/presend';
import { insertText } from '@/lib/adapters/insert';
import { applyFix } from '@/lib/content/apply-fix';
import type { Finding } from '@/lib/analysis';
import { createStore } from '@/lib/content/store';
import { setDocked, undock } from '@/lib/content/dock';
import { isSidebarOpen, setSidebarOpen, getSettings } from '@/lib/settings';
import { getActiveGuide, watchActiveGuide } from '@/lib/settings/guide';
import { send } from '@/lib/messaging/client';
import { App } from './app';

const toggleMessage = z.object({ rapport: z.literal('toggle-sidebar') });
const testModeItem = storage.defineItem<unknown>('local:presend.testMode');

export default defineContentScript({
  matches: hostMatches,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    // Built-in host or the team guide's in-house tool; waits while the site is switched off.
    const adapter = await waitForActiveAdapter(location.href, ctx.signal);
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

    const store = createStore({ snapshot: null, open: await isSidebarOpen(site), guide: await getActiveGuide().catch(() => null) });
    const unwatchGuide = watchActiveGuide((guide) => store.set({ guide }));
    ctx.onInvalidated(unwatchGuide);
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } });
    const agent = (await getSettings()).agentName || adapter.agentName?.(document);

    const setOpen = (open: boolean) => {
      store.set({ open });
      setDocked(document, open);
      void setSidebarOpen(site, open).catch(onError);
    };

    const hub = createFrameHub(document, ctx.signal, onError);
    const drafts = watchDraft({ adapter, doc: document, hub, signal: ctx.signal, onError, onDraft: (draft) => store.set({ draft }) });
    // Findings drawn over the agent's text (bundled inline: content scripts are one IIFE).
    void import('@/lib/content/highlights').then(({ watchHighlights }) => watchHighlights({ store, doc: document, signal: ctx.signal, editor: () => drafts.activeEditor(), onError }), onError);
    const onInsert = async (text: string): Promise<'inserted' | 'copied' | 'failed'> => {
      try {
        const editor = drafts.activeEditor();
        if (editor && (await insertText(editor, adapter.meta.editorKind, text, drafts.savedRange(), { lastInputAt: drafts.lastInputAt() })) === 'inserted') return 'inserted';
      } catch (e) {
        onError(e);
      }
      // The editor refused (or is gone): the clipboard is the fallback the agent can paste from.
      return navigator.clipboard.writeText(text).then(() => 'copied' as const, () => 'failed' as const);
    };

    const onApplyFix = async (f: Finding): Promise<boolean> => {
      try {
        const editor = drafts.activeEditor();
        if (!editor || !f.fix?.replacement) return false;
        return (await applyFix(editor, adapter.meta.editorKind, store.get().draft, f, f.fix.replacement, { lastInputAt: drafts.lastInputAt() })) === 'inserted';
      } catch (e) {
        onError(e);
        return false;
      }
    };

    // The send guard starts after the UI is mounted; the dialog reaches it through these.
    let guard: SendGuard | null = null;
    const onPresendShown = (id: string) => guard?.shown(id);
    const onPresendChoose = (id: string, choice: 'send' | 'edit') => {
      const held = store.get().held;
      if (choice === 'send' && held?.id === id && held.analysis.verdict === 'canned') {
        // The team lead sees how often each agent overrides the check, and on which rules.
        const rules = [...new Set(held.analysis.findings.map((f) => f.rule))];
        send('recordOverride', { host: adapter.meta.id, score: held.analysis.score, rules, ...(agent ? { agent } : {}) }).catch(onError);
      }
      guard?.resolve(id, choice);
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
        root.render(<App store={store} queryClient={queryClient} hostLabel={adapter.meta.label} agent={agent} onOpenChange={setOpen} onInsert={onInsert} onPresendShown={onPresendShown} onPresendChoose={onPresendChoose} onApplyFix={onApplyFix} />);
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
    // Per-site switch (toolbar popup, team guide): off removes the sidebar and undocks, on brings it back.
    // Off means off: no sidebar, no held sends, no logging (siteOn gates the send guard below).
    let siteOn = true;
    watchSiteEnabled(location.href, ctx.signal, (on) => {
      siteOn = on;
      if (!on) return ui.remove();
      if (ui.mounted) return;
      ui.mount();
      setDocked(document, store.get().open);
    });

    const findSimilar = (text: string) => send('findSimilarReply', { text });
    watchAnalysis({ store, signal: ctx.signal, findSimilar, onError });

    const page = watchPage({
      adapter,
      doc: document,
      signal: ctx.signal,
      onError,
      onChange: (snapshot) => store.set({ snapshot }),
      // Editors in iframes: listen inside their documents too.
      onRead: (read) => hub.track(read.composers.map((c) => c.editor.ownerDocument)),
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => page.refresh());
    // A framed editor can be rewritten (document.open) without any change the top page sees.
    ctx.setInterval(() => {
      if (hub.frames().length) page.refresh();
    }, 1000);

    // The pre-send check's test switch is read once and followed, so the send-time decision stays synchronous.
    let testMode: TestMode | null = null;
    const setTestMode = (v: unknown) => { testMode = testModeSchema.safeParse(v).data ?? null; };
    setTestMode(await testModeItem.getValue().catch(() => null));
    ctx.onInvalidated(testModeItem.watch(setTestMode));

    guard = guardSends({
      adapter,
      doc: document,
      hub,
      signal: ctx.signal,
      onError,
      check: (text) => (siteOn ? decideSend(text, store.get(), { testMode, findSimilar }) : { hold: false }),
      onHold: ({ id, analysis, draft }) => store.set({ held: { id, analysis, draft } }),
      onHoldEnd: (id) => {
        if (store.get().held?.id === id) store.set({ held: null });
      },
      onSent: ({ identity, body, subject }) => {
        if (!siteOn) return;
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
