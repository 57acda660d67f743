/**
 * The Send moment in a host: notices a send (click on Send, Enter/Space on a focused Send
 * button, the host's send shortcut), logs it, and holds it when the pre-send check says so.
 *
 * Fail-open is the design, not an afterthought:
 * - the decision is synchronous whenever possible, so an ordinary send is never touched;
 * - any throw before the hold lets the original event through untouched;
 * - once held, a watchdog releases the send after 1.5 s unless the agent is looking at the
 *   dialog (the UI acknowledged it), and any later throw releases it at once;
 * - release re-dispatches the click on the same Send button while a flag lets exactly that
 *   synchronous dispatch through, so the host sends once with the body unchanged.
 * Capture-phase listeners on window run before the host's own handlers (host-apps.md §10).
 */
import type { Composer, HostAdapter, PageContext } from '@/lib/adapters/types';
import { editorText, isElement, isNode } from '@/lib/adapters/dom';
import type { Analysis } from '@/lib/analysis';
import { safeRead } from './page-watcher';
import type { FrameHub } from './frames';
import type { Decision } from './presend';

/** After this long without the agent seeing the dialog, a held send goes through. */
export const WATCHDOG_MS = 1500;

export interface SentReply {
  composer: Composer;
  body: string;
  identity: PageContext['identity'];
  subject?: string;
}

export interface Hold {
  id: string;
  analysis: Analysis;
  draft: string;
}

export interface SendGuard {
  /** The dialog is on screen: the agent decides now, no watchdog. */
  shown(id: string): void;
  /**
   * The agent's choice for a held send, or 'release' when the dialog itself failed: the send
   * goes through as if the watchdog had released it (not counted as the agent's override).
   */
  resolve(id: string, choice: 'send' | 'edit' | 'release'): void;
}

interface Held {
  id: string;
  composer: Composer;
  ctx: PageContext;
  button: Element | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function guardSends(opts: {
  adapter: HostAdapter;
  doc: Document;
  hub: FrameHub;
  signal: AbortSignal;
  check: (text: string, composer: Composer) => Decision | Promise<Decision>;
  /** Show the held send (the pre-send dialog); the UI calls `shown(id)` once it is visible. */
  onHold: (h: Hold) => void;
  /** The hold ended (sent, edited, or released by the watchdog): hide the dialog. */
  onHoldEnd: (id: string, how: 'sent' | 'edit' | 'released') => void;
  onSent: (r: SentReply) => void;
  onError: (e: unknown) => void;
  watchdogMs?: number;
  /** Runs as a release starts; only the e2e suite's test switch makes it throw (fail-open proof). */
  onRelease?: (id: string) => void;
}): SendGuard {
  const { adapter, doc, hub, signal, check, onHold, onHoldEnd, onSent, onError } = opts;
  const watchdogMs = opts.watchdogMs ?? WATCHDOG_MS;
  let held: Held | null = null;
  /** Set only while Rapport re-dispatches a released send: that one event is the send. */
  let releasing: Held | null = null;
  // A key press on a <button> also fires a click: the same draft seen twice within a moment is one send.
  let last = { body: '', at: -Infinity };

  const report = (composer: Composer, ctx: PageContext, body = editorText(composer.editor)) => {
    try {
      if (!body.trim()) return;
      const now = performance.now();
      if (body === last.body && now - last.at < 1000) return;
      last = { body, at: now };
      onSent({ composer, body, identity: ctx.identity, ...(ctx.subject ? { subject: ctx.subject } : {}) });
    } catch (e) {
      onError(e);
    }
  };

  const composerFor = (target: EventTarget | null, ctx: PageContext, viaButton: boolean) => {
    if (!isNode(target)) return undefined;
    return ctx.composers.find((c) =>
      viaButton ? c.sendButtons.some((b) => b === target || b.contains(target)) : c.editor.contains(target) || c.root.contains(target),
    );
  };

  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  const end = (h: Held, how: 'sent' | 'edit' | 'released') => {
    if (held !== h) return false;
    held = null;
    if (h.timer !== undefined) clearTimeout(h.timer);
    try {
      onHoldEnd(h.id, how);
    } catch (e) {
      onError(e);
    }
    return true;
  };

  /** Let a held send go: click the same Send button again, letting exactly that click through. */
  const release = (h: Held, how: 'sent' | 'released') => {
    if (!end(h, how)) return;
    // Nothing between here and the click may stop it: a throw is logged and the click still goes.
    try {
      opts.onRelease?.(h.id);
    } catch (e) {
      onError(e);
    }
    let button = h.button?.isConnected ? h.button : null;
    if (!button) {
      // The host re-rendered its toolbar: find the composer's Send button again.
      try {
        const ctx = safeRead(adapter, doc, onError);
        const c = ctx.composers.find((x) => x.editor === h.composer.editor) ?? ctx.composers.find((x) => x.root === h.composer.root);
        button = c?.sendButtons[0] ?? null;
      } catch (e) {
        onError(e);
      }
    }
    if (!button) {
      onError(new Error('the Send button disappeared while the send was held; press Send again'));
      return;
    }
    releasing = h;
    try {
      // Hosts that act on mousedown/mouseup (Gmail's div buttons) get the whole sequence.
      const init = { bubbles: true, cancelable: true, composed: true, view: button.ownerDocument.defaultView };
      if (button.localName !== 'button') {
        button.dispatchEvent(new MouseEvent('mousedown', init));
        button.dispatchEvent(new MouseEvent('mouseup', init));
      }
      (button as HTMLElement).click();
    } catch (e) {
      onError(e);
    } finally {
      releasing = null;
    }
  };

  const attempt = (e: Event, composer: Composer, ctx: PageContext, button: Element | null) => {
    if (releasing) {
      // The re-dispatched send itself: it goes through and is the one logged.
      report(composer, ctx);
      return;
    }
    if (held) {
      // A second press while the dialog is open is the same send, not a new one.
      if (held.composer.editor === composer.editor) stop(e);
      return;
    }
    // Nothing to click again later (a shortcut in a composer whose Send button was not found):
    // holding would lose the send, so it is only logged.
    if (!button) {
      report(composer, ctx);
      return;
    }
    const text = editorText(composer.editor);
    let decision: Decision | Promise<Decision>;
    try {
      decision = check(text, composer);
    } catch (err) {
      onError(err);
      report(composer, ctx);
      return;
    }
    if (!(decision instanceof Promise) && !decision.hold) {
      report(composer, ctx);
      return;
    }
    stop(e);
    const h: Held = { id: crypto.randomUUID(), composer, ctx, button, timer: undefined };
    held = h;
    // From here on every path ends in a release or in the agent's choice.
    h.timer = setTimeout(() => release(h, 'released'), watchdogMs);
    const proceed = (d: Decision) => {
      if (held !== h) return;
      if (!d.hold) return release(h, 'released');
      try {
        onHold({ id: h.id, analysis: d.analysis, draft: text });
      } catch (err) {
        onError(err);
        release(h, 'released');
      }
    };
    if (decision instanceof Promise) {
      decision.then(proceed, (err) => {
        onError(err);
        release(h, 'released');
      });
    } else proceed(decision);
  };

  const safely = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      onError(err);
    }
  };

  hub.add((d, sig) => {
    const win = d.defaultView;
    if (!win) return;
    win.addEventListener(
      'click',
      (e) =>
        safely(() => {
          const ctx = safeRead(adapter, doc, onError);
          const c = composerFor(e.target, ctx, true);
          if (c) attempt(e, c, ctx, c.sendButtons.find((b) => b === e.target || (isNode(e.target) && b.contains(e.target))) ?? null);
        }),
      { capture: true, signal: sig },
    );
    win.addEventListener(
      'keydown',
      (e) =>
        safely(() => {
          // Space and Enter only activate a focused button; typed in the editor they are text,
          // and reading the page on every space would be work per keystroke.
          const onButton = (e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.metaKey && !e.altKey && isElement(e.target) && !!e.target.closest('button, [role="button"]');
          const shortcut = adapter.isSendShortcut?.(e) ?? false;
          if (!onButton && !shortcut) return;
          const ctx = safeRead(adapter, doc, onError);
          const c = composerFor(e.target, ctx, onButton);
          if (!c) return;
          attempt(e, c, ctx, onButton ? (e.target as Element) : (c.sendButtons[0] ?? null));
        }),
      { capture: true, signal: sig },
    );
    // Space activates a <button> on keyup: swallow it while that composer's send is held.
    win.addEventListener(
      'keyup',
      (e) =>
        safely(() => {
          if (!held || (e.key !== ' ' && e.key !== 'Enter') || !isNode(e.target)) return;
          if (held.composer.sendButtons.some((b) => b === e.target || b.contains(e.target as Node))) stop(e);
        }),
      { capture: true, signal: sig },
    );
  });

  // Rapport going away (update, reload) must not swallow a send it was holding.
  signal.addEventListener('abort', () => {
    if (held) release(held, 'released');
  });

  return {
    shown(id) {
      if (held?.id === id && held.timer !== undefined) {
        clearTimeout(held.timer);
        held.timer = undefined;
      }
    },
    resolve(id, choice) {
      if (held?.id !== id) return;
      const h = held;
      if (choice === 'send') return release(h, 'sent');
      if (choice === 'release') return release(h, 'released');
      end(h, 'edit');
      try {
        h.composer.editor.focus();
      } catch (e) {
        onError(e);
      }
    },
  };
}
