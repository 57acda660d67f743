import { meta } from './meta';
import { defineAdapter, type Composer, type PageContext } from '../types';
import { all, buttonsNamed, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';

const sendIn = (root: Element) => {
  const named = buttonsNamed(root, sel.sendNames);
  return named.length ? named : all(root, sel.sendButton);
};

/**
 * The composer around an editor: the smallest ancestor that also holds a Send button and no
 * other editor. Found by structure because Front exposes no stable container hook.
 */
function scopeOf(editor: HTMLElement): Element | null {
  for (let node = editor.parentElement; node && node !== editor.ownerDocument.body; node = node.parentElement) {
    if (all(node, sel.editor).length > 1) return null;
    if (sendIn(node).length) return node;
  }
  return null;
}

const emailOf = (el: Element | null) =>
  findEmail(el?.getAttribute('title')) ?? findEmail(el?.getAttribute('aria-label')) ?? findEmail(el?.getAttribute('href')) ?? findEmail(text(el));

export const frontAdapter = defineAdapter({
  meta,
  channel: 'email',
  read(doc): PageContext {
    const missing: string[] = [];
    const composers: Composer[] = all(doc, sel.editor).flatMap((editor) => {
      const root = scopeOf(editor);
      return root ? [{ root, editor, sendButtons: sendIn(root).slice(0, 1) }] : [];
    });
    const focused = doc.activeElement;
    const active = composers.find((c) => focused && c.root.contains(focused)) ?? composers[composers.length - 1];
    if (!active) missing.push('a reply editor (click Reply)');

    const chip = active ? first(active.root, sel.recipientChip) : null;
    const chipEmail = emailOf(chip);
    const email = chipEmail ?? emailOf(first(doc, sel.contactEmail));
    // A chip shows the contact's display name (any script, e.g. Arabic) or just the address.
    const chipName = chip ? text(chip) : '';

    const messages = all(doc, sel.message).filter((m) => !composers.some((c) => c.root.contains(m)));
    const fromCustomer = email ? messages.filter((m) => emailOf(first(m, sel.messageSender))?.toLowerCase() === email.toLowerCase()) : [];
    const last = fromCustomer[fromCustomer.length - 1];
    const body = last ? first(last, sel.messageBody) : null;
    const senderName = last ? text(first(last, sel.messageSender)) : '';
    const name = (chipName && chipName !== email ? chipName : '') || senderName || undefined;

    if (!email) missing.push('the customer’s email address (no recipient on the reply)');
    if (!body) missing.push('the customer’s last message in this conversation');
    const subject = text(first(doc, sel.subject));
    const ticketId = doc.location?.href.match(/\/(cnv_[a-z0-9]+)/i)?.[1];
    return {
      identity: compact({ email, name, ticketId }),
      ...(subject ? { subject } : {}),
      ...(body ? { lastCustomerMessage: editorText(body) } : {}),
      composers,
      missing,
    };
  },
  agentName: (doc) => first(doc, sel.me)?.getAttribute('aria-label')?.replace(/^Account( menu)?( for)?\s*/i, '').trim() || undefined,
  // Front documents Cmd/Ctrl+Enter to send. [unverified: no public source found by the search tool]
  isSendShortcut: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey,
});
