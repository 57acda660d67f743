/**
 * Notices the moment the agent sends a reply (click on Send, Enter/Space on a focused
 * Send button, or the host's send shortcut) and reports the draft. It only listens: it never
 * cancels the event, and everything runs inside try/catch, so a Rapport bug cannot stop a send.
 * The capture phase on window runs before the host's own handlers clear the editor.
 */
import type { Composer, HostAdapter } from '@/lib/adapters/types';
import { editorText } from '@/lib/adapters/dom';
import { safeRead } from './page-watcher';

export interface SentReply {
  composer: Composer;
  body: string;
  identity: ReturnType<HostAdapter['read']>['identity'];
  subject?: string;
}

export function watchSends(opts: {
  adapter: HostAdapter;
  doc: Document;
  signal: AbortSignal;
  onSend: (r: SentReply) => void;
  onError: (e: unknown) => void;
}): void {
  const { adapter, doc, signal, onSend, onError } = opts;
  const win = doc.defaultView;
  if (!win) return;
  // A key press on a <button> also fires a click: the same draft seen twice within a
  // moment is one send. (Comparing the draft, not just the time, keeps quick successive sends.)
  let last = { body: '', at: -Infinity };

  const report = (composer: Composer, ctx: ReturnType<HostAdapter['read']>) => {
    const body = editorText(composer.editor);
    if (!body.trim()) return;
    const now = performance.now();
    if (body === last.body && now - last.at < 1000) return;
    last = { body, at: now };
    onSend({ composer, body, identity: ctx.identity, ...(ctx.subject ? { subject: ctx.subject } : {}) });
  };

  const composerForTarget = (target: EventTarget | null, ctx: ReturnType<HostAdapter['read']>, viaButton: boolean) => {
    if (!(target instanceof Element)) return undefined;
    return ctx.composers.find((c) =>
      viaButton ? c.sendButtons.some((b) => b === target || b.contains(target)) : c.root.contains(target) || c.editor.contains(target),
    );
  };

  win.addEventListener(
    'click',
    (e) => {
      try {
        const ctx = safeRead(adapter, doc, onError);
        const c = composerForTarget(e.target, ctx, true);
        if (c) report(c, ctx);
      } catch (err) {
        onError(err);
      }
    },
    { capture: true, signal },
  );
  win.addEventListener(
    'keydown',
    (e) => {
      try {
        // Space and Enter only activate a focused button; typed in the editor they are just text,
        // and reading the page for every space would be work per keystroke.
        const onButton =
          (e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.metaKey && e.target instanceof Element && !!e.target.closest('button, [role="button"]');
        const shortcut = adapter.isSendShortcut?.(e) ?? false;
        if (!onButton && !shortcut) return;
        const ctx = safeRead(adapter, doc, onError);
        const c = composerForTarget(e.target, ctx, onButton);
        if (c) report(c, ctx);
      } catch (err) {
        onError(err);
      }
    },
    { capture: true, signal },
  );
}
