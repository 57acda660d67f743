import './style.css';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { browser, createShadowRootUi, defineContentScript, storage } from '#imports';
import { hostMatches } from '@/lib/adapters/hosts';
import { pageUrl, waitForActiveAdapter, watchSiteEnabled } from '@/lib/content/activation';
import { watchPage } from '@/lib/content/page-watcher';
import { guardSends, type SendGuard } from '@/lib/content/send-guard';
import { watchDraft } from '@/lib/content/draft-watcher';
import { createFrameHub } from '@/lib/content/frames';
import { watchAnalysis } from '@/lib/content/reply-analysis';
import { decideSend, faultyHook, testFault, testModeSchema, type TestMode } from '@/lib/content/presend';
import { setPresendDialogFault, type PresendChoice } from '@/components/sidebar/presend-dialog';
import { insertText } from '@/lib/adapters/insert';
import { applyFix } from '@/lib/content/apply-fix';
import { watchHighlights } from '@/lib/content/highlights';
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
  // Outlook's pop-out compose is a script-built about:blank window (host-apps.md §3); top frames only.
  matchAboutBlank: true,
  async main(ctx) {
    // Built-in host or the team guide's in-house tool; waits while the site is switched off.
    // In a pop-out (about:blank) window the opener's URL decides, and its hostname is the site.
    const url = pageUrl();
    const adapter = await waitForActiveAdapter(url, ctx.signal);
    if (!adapter) return;
    const t0 = performance.now();
    const site = new URL(url).hostname;
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

    // The per-site switch (toolbar popup, team guide); followed below.
    let siteOn = true;
    const hub = createFrameHub(document, ctx.signal, onError);
    const drafts = watchDraft({ adapter, doc: document, hub, signal: ctx.signal, onError, onDraft: (draft) => store.set({ draft }) });
    // Findings drawn over the agent's text (never inside it); none while the site is switched off.
    watchHighlights({ store, doc: document, signal: ctx.signal, editor: () => (siteOn ? drafts.activeEditor() : null), onError });
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
    const onPresendChoose = (id: string, choice: PresendChoice) => {
      const held = store.get().held;
      if (choice === 'send' && held?.id === id && held.analysis.verdict === 'canned') {
        // The team lead sees how often each agent overrides the check, and on which rules.
        const rules = [...new Set(held.analysis.findings.map((f) => f.rule))];
        send('recordOverride', { host: adapter.meta.id, score: held.analysis.score, rules, ...(agent ? { agent } : {}) }).catch(onError);
      }
      guard?.resolve(id, choice);
      // A choice always closes its dialog, even when the guard's end-of-hold hook failed to.
      if (store.get().held?.id === id) store.set({ held: null });
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
    // Off means off: no sidebar, no highlights, no held sends, no logging.
    watchSiteEnabled(url, ctx.signal, (on) => {
      siteOn = on;
      // Clears the highlights; the next keystroke after switching back on analyses again.
      if (!on) store.set({ analysis: null });
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
    // A framed editor can appear in, or be rewritten (document.open) inside, an iframe without
    // any change the top page's observer sees: on hosts with framed editors, look four times a second.
    const framed = adapter.meta.editorKind === 'ckeditor4-iframe';
    ctx.setInterval(() => {
      if (framed || hub.frames().length) page.refresh();
    }, framed ? 250 : 1000);

    // The pre-send check's test switch is read once and followed, so the send-time decision stays synchronous.
    let testMode: TestMode | null = null;
    const setTestMode = (v: unknown) => {
      testMode = testModeSchema.safeParse(v).data ?? null;
      setPresendDialogFault(faultyHook(testMode) === 'dialog');
    };
    setTestMode(await testModeItem.getValue().catch(() => null));
    ctx.onInvalidated(testModeItem.watch(setTestMode));

    guard = guardSends({
      adapter,
      doc: document,
      hub,
      signal: ctx.signal,
      onError,
      check: (text) => (siteOn ? decideSend(text, store.get(), { testMode, findSimilar }) : { hold: false }),
      // Each hook starts with the test switch's fault point (a no-op unless the e2e suite sets it).
      onHold: ({ id, analysis, draft }) => {
        testFault(testMode, 'hold');
        store.set({ held: { id, analysis, draft } });
      },
      onHoldEnd: (id) => {
        testFault(testMode, 'hold-end');
        if (store.get().held?.id === id) store.set({ held: null });
      },
      onRelease: () => testFault(testMode, 'release'),
      onSent: ({ identity, body, subject }) => {
        testFault(testMode, 'sent');
        if (!siteOn) return;
        const customerMessage = store.get().snapshot?.lastCustomerMessage;
        send('logSentReply', {
          identity,
          channel: adapter.channel,
          host: adapter.meta.id,
          body,
          sendId: crypto.randomUUID(),
          // What the customer wrote, kept with the contact so later drafts can be warned
          // when they ask for something the customer already told us.
          ...(customerMessage ? { customerMessage: customerMessage.slice(0, 20_000) } : {}),
          ...(subject ? { subject } : {}),
          ...(agent ? { agent } : {}),
        })
          .then((r) => {
            store.set({ afterSend: { at: Date.now(), customerId: r.customerId, captured: r.captured.length, nudges: r.nudges } });
            return queryClient.invalidateQueries();
          })
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
