/**
 * Follows the reply the agent is writing: which composer's editor was used last, its text
 * (debounced, so typing never waits for analysis) and where the caret was, so that a click
 * in the sidebar can put text back at that caret.
 */
import type { HostAdapter } from '@/lib/adapters/types';
import { editorText, isNode } from '@/lib/adapters/dom';
import { safeRead } from './page-watcher';
import type { FrameHub } from './frames';

export interface DraftWatcher {
  /** The editor the agent last typed or clicked in, if it is still on the page. */
  activeEditor(): HTMLElement | null;
  /** The caret/selection inside that editor when it last had one. */
  savedRange(): Range | null;
  /** performance.now() of the agent's last input in any editor (undefined before any). */
  lastInputAt(): number | undefined;
}

export function watchDraft(opts: {
  adapter: HostAdapter;
  doc: Document;
  hub: FrameHub;
  signal: AbortSignal;
  onDraft: (text: string) => void;
  onError: (e: unknown) => void;
  debounceMs?: number;
}): DraftWatcher {
  const { adapter, doc, hub, signal, onDraft, onError } = opts;
  let editor: HTMLElement | null = null;
  let range: Range | null = null;
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastText = '';
  let inputAt: number | undefined;

  const emit = () => {
    timer = undefined;
    const text = editor?.isConnected ? editorText(editor) : '';
    if (text !== lastText) {
      lastText = text;
      onDraft(text);
    }
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(emit, opts.debounceMs ?? 200);
  };

  const editorOf = (target: EventTarget | null): HTMLElement | null => {
    if (!isNode(target)) return null;
    try {
      const ctx = safeRead(adapter, doc, onError);
      return ctx.composers.find((c) => c.editor === target || c.editor.contains(target))?.editor ?? null;
    } catch (e) {
      onError(e);
      return null;
    }
  };

  const follow = (el: HTMLElement) => {
    if (el === editor) return;
    observer?.disconnect();
    editor = el;
    // Rich editors (CKEditor 5) render typing themselves and fire no `input`: watch the DOM.
    observer = new MutationObserver(schedule);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    schedule();
  };

  // Editors in frames (CKEditor 4) fire these in their own document: the hub attaches there too.
  hub.add((d, sig) => {
    d.addEventListener('focusin', (e) => { const el = editorOf(e.target); if (el) follow(el); }, { signal: sig, capture: true });
    d.addEventListener(
      'input',
      (e) => {
        inputAt = performance.now();
        // Typing in the editor already followed is the common case: no page read per keystroke.
        if (editor && isNode(e.target) && editor.contains(e.target)) return schedule();
        const el = editorOf(e.target);
        if (el) {
          follow(el);
          schedule();
        }
      },
      { signal: sig, capture: true },
    );
    d.addEventListener(
      'selectionchange',
      () => {
        const sel = d.getSelection();
        if (!sel?.rangeCount || !editor) return;
        const r = sel.getRangeAt(0);
        if (editor.contains(r.commonAncestorContainer)) range = r.cloneRange();
      },
      { signal: sig },
    );
  });
  signal.addEventListener('abort', () => {
    observer?.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });

  return {
    activeEditor: () => {
      if (editor?.isConnected) return editor;
      // Nothing focused yet: the page's only (or last) composer is the one to write in.
      const ctx = safeRead(adapter, doc, onError);
      const last = ctx.composers[ctx.composers.length - 1]?.editor ?? null;
      if (last) follow(last);
      return last;
    },
    lastInputAt: () => inputAt,
    savedRange: () => (range && editor?.contains(range.commonAncestorContainer) ? range : null),
  };
}
