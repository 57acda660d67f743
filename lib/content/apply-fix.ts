/**
 * One-click fixes: replace the flagged words in the host's editor with the finding's suggested
 * text, through the same input path as Insert (so the host's model has it and Ctrl+Z undoes it).
 * The analysis offsets index the draft as read (innerText); the highlights' text map finds the
 * same words in the editor now, or refuses when the agent has changed them since.
 */
import { insertText, type InsertResult } from '@/lib/adapters/insert';
import { isTextField } from '@/lib/adapters/dom';
import type { EditorKind } from '@/lib/adapters/hosts';
import { offsetsInText, rangeOfSpan } from './highlights/text-map';

export async function applyFix(
  editor: HTMLElement,
  kind: EditorKind,
  draft: string,
  span: { start: number; end: number },
  replacement: string,
  opts: { lastInputAt?: number | undefined } = {},
): Promise<InsertResult> {
  if (!replacement) return 'refused';
  if (isTextField(editor)) {
    const at = offsetsInText(editor.value, draft, span.start, span.end);
    if (!at) return 'refused';
    editor.focus();
    editor.setSelectionRange(at.start, at.end);
    return insertText(editor, kind, replacement, null, opts);
  }
  const range = rangeOfSpan(editor, draft, span.start, span.end);
  if (!range) return 'refused';
  return insertText(editor, kind, replacement, range, opts);
}
