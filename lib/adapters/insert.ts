/**
 * Puts text into a host's editor through the editor's own input path, so the host's model
 * sees it (it is what gets sent) and Ctrl+Z undoes it in one step. Never innerHTML.
 * Which path works for which editor was measured in Chromium (host-apps.md §9.1):
 * execCommand('insertText') for plain contenteditable, ProseMirror, Quill and textarea;
 * a synthetic beforeinput for CKEditor 5, which reverts execCommand's DOM edits.
 */
import type { EditorKind } from './hosts';
import { editorText } from './dom';

export type InsertResult = 'inserted' | 'refused';

function restoreCaret(editor: HTMLElement, range: Range | null): void {
  editor.focus();
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

export async function insertText(editor: HTMLElement, kind: EditorKind, text: string, range: Range | null): Promise<InsertResult> {
  const before = editorText(editor);
  restoreCaret(editor, range);
  if (kind === 'ckeditor5') {
    // CKEditor applies selection changes asynchronously; give it a frame to adopt the caret.
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    editor.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true }));
  } else {
    editor.ownerDocument.execCommand('insertText', false, text);
  }
  // Editors render their model on their own schedule (CKEditor a few ticks later): look for
  // the text for a moment before calling the insertion refused.
  const needle = text.replace(/\s+/g, ' ').trim().slice(0, 40);
  for (let waited = 0; waited <= 500; waited += 25) {
    const after = editorText(editor);
    if (after !== before && after.replace(/\s+/g, ' ').includes(needle)) return 'inserted';
    await new Promise((r) => setTimeout(r, 25));
  }
  return 'refused';
}
