/**
 * Puts text into a host's editor through the editor's own input path, so the host's model
 * sees it (it is what gets sent) and Ctrl+Z undoes it in one step. Never innerHTML.
 * Which path works for which editor was measured in Chromium (host-apps.md §9.1):
 * execCommand('insertText') for plain contenteditable (Froala's editable too), ProseMirror, Quill
 * and textarea; a synthetic beforeinput for CKEditor 5, which reverts execCommand's DOM edits; a
 * synthetic paste for CKEditor 4 and 5 (see pasteInto).
 */
import type { EditorKind } from './hosts';
import { editorText, isTextField } from './dom';

export type InsertResult = 'inserted' | 'refused';

function restoreCaret(editor: HTMLElement, range: Range | null): void {
  editor.focus();
  // A textarea keeps its own caret (selectionStart/End) across blur; a document range around it
  // would move the selection out of the field and execCommand would then insert nowhere.
  if (isTextField(editor)) return;
  const sel = editor.ownerDocument.getSelection();
  if (!sel) return;
  if (range && editor.contains(range.commonAncestorContainer)) {
    sel.removeAllRanges();
    sel.addRange(range);
  } else if (!sel.rangeCount || !editor.contains(sel.getRangeAt(0).commonAncestorContainer)) {
    // No caret saved: write at the end, where a reply usually continues.
    const end = editor.ownerDocument.createRange();
    end.selectNodeContents(editor);
    end.collapse(false);
    sel.removeAllRanges();
    sel.addRange(end);
  }
}

/**
 * A synthetic paste the editor handles (returns false when nothing cancelled it, i.e. nothing handled it).
 * CKEditor 4 keeps its own undo stack and does not notice execCommand's edit: it merges with the
 * typing around it, so one Ctrl+Z removed the agent's own words too (ckeditor4 4.22.1). Its
 * clipboard plugin handles a paste with snapshots before and after, so one Ctrl+Z undoes exactly
 * the insertion. The editor's window object is page-world only, hence the DOM event.
 * Returns false when nothing handled the paste (no clipboard plugin): then execCommand is better
 * than nothing.
 */
function pasteInto(editor: HTMLElement, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return !editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

/**
 * The character just before the caret ('' at the start). A suggestion dropped right after
 * "Hello." must not fuse into "Hello.Thanks"; a caret after a space or line start needs nothing.
 */
export function charBeforeCaret(editor: HTMLElement): string {
  if (isTextField(editor)) {
    const at = editor.selectionStart ?? editor.value.length;
    return editor.value.slice(Math.max(0, at - 1), at);
  }
  const sel = editor.ownerDocument.getSelection();
  if (!sel?.rangeCount) return '';
  const caret = sel.getRangeAt(0);
  if (caret.startContainer.nodeType === Node.TEXT_NODE && caret.startOffset > 0) {
    return (caret.startContainer as Text).data.charAt(caret.startOffset - 1);
  }
  const before = editor.ownerDocument.createRange();
  before.selectNodeContents(editor);
  before.setEnd(caret.startContainer, caret.startOffset);
  return before.toString().slice(-1);
}

const spaced = (prev: string, text: string) => (prev && !/\s/.test(prev) && !/^\s/.test(text) && !/^[,.;:!?)]/.test(text) ? ` ${text}` : text);

/**
 * Quill's history merges every change made within its `delay` (1 s by default) into one undo
 * step, and its `cutoff()` is page-world only: an insertion right after typing would be undone
 * together with that typing. Waiting out the rest of that second keeps it a step of its own.
 */
export const QUILL_HISTORY_DELAY_MS = 1000;
/**
 * ProseMirror's history does the same when a change comes within `newGroupDelay` (500 ms by
 * default) of the last one and touches it, which an insertion at the caret after typing does;
 * closeHistory() is page-world only as well (prosemirror-history 1.5; seen in the HubSpot fixture).
 */
export const PROSEMIRROR_NEW_GROUP_DELAY_MS = 500;

export async function insertText(
  editor: HTMLElement,
  kind: EditorKind,
  raw: string,
  range: Range | null,
  opts: { lastInputAt?: number | undefined } = {},
): Promise<InsertResult> {
  const groupDelay = kind === 'quill' ? QUILL_HISTORY_DELAY_MS : kind === 'prosemirror' ? PROSEMIRROR_NEW_GROUP_DELAY_MS : 0;
  if (groupDelay && opts.lastInputAt !== undefined) {
    const wait = opts.lastInputAt + groupDelay + 50 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const before = editorText(editor);
  restoreCaret(editor, range);
  const text = spaced(charBeforeCaret(editor), raw);
  if (kind === 'ckeditor5') {
    // CKEditor applies selection changes asynchronously; give it a frame to adopt the caret.
    // Its selection observer handles `selectionchange` (a task, not a microtask) and would move
    // the caret back to where it was restored if that arrived after the paste: let it land first.
    await new Promise((r) => setTimeout(r, 60));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    // A paste is its own undo step; a synthetic beforeinput is merged with the agent's typing,
    // so one Ctrl+Z took their words with it (ckeditor5 48). beforeinput is the fallback.
    if (!pasteInto(editor, text)) {
      editor.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true }));
    }
  } else if (!((kind === 'ckeditor4-iframe' || kind === 'quill') && pasteInto(editor, text))) {
    editor.ownerDocument.execCommand('insertText', false, text);
  } else if (!(await landed(editor, before, text))) {
    // The editor took the paste but inserted nothing (Quill does so when it has no selection of
    // its own at that moment): fall back once to the plain input path.
    restoreCaret(editor, range);
    editor.ownerDocument.execCommand('insertText', false, text);
  }
  return (await landed(editor, before, text)) ? 'inserted' : 'refused';
}

/**
 * Editors render their model on their own schedule (CKEditor a few ticks later): look for the
 * text for a moment before calling the insertion refused.
 */
async function landed(editor: HTMLElement, before: string, text: string): Promise<boolean> {
  const needle = text.replace(/\s+/g, ' ').trim().slice(0, 40);
  for (let waited = 0; waited <= 500; waited += 25) {
    const after = editorText(editor);
    if (after !== before && after.replace(/\s+/g, ' ').includes(needle)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}
