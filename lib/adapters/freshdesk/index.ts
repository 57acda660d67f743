import { meta } from './meta';
import { defineAdapter, type Composer } from '../types';
import { all, buttonsNamed, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';

const ticketIdFromUrl = (url: string) => url.match(/\/a\/tickets\/(\d+)/)?.[1];

/** The element's own text without its children's (the subject heading holds status badges). */
const ownText = (el: Element | null) =>
  el ? [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim() : '';

export const freshdeskAdapter = defineAdapter({
  meta,
  channel: 'ticket',
  read(doc) {
    const missing: string[] = [];
    const nameEl = first(doc, sel.requesterName);
    const emailEl = first(doc, sel.requesterEmail);
    const name = text(nameEl) || undefined;
    const email = findEmail(emailEl?.getAttribute('href')) ?? findEmail(text(emailEl));
    if (!email) missing.push('the requester’s email');
    const ticketId = text(first(doc, sel.ticketNumber)).replace(/^#/, '') || ticketIdFromUrl(doc.location?.href ?? '');
    const subject = ownText(first(doc, sel.subject)) || text(first(doc, sel.subject)) || undefined;

    const composers: Composer[] = all(doc, sel.editor).map((editor) => {
      const root = editor.closest(sel.composerRoot.join(',')) ?? editor.closest('.fr-box')?.parentElement ?? editor;
      const marked = all(root, sel.sendButton);
      return { root, editor, sendButtons: marked.length ? marked : buttonsNamed(root, sel.sendButtonNames) };
    });
    if (!composers.length) missing.push('the reply editor (click Reply)');

    const fromRequester = all(doc, sel.conversation).filter((c) => {
      const who = text(first(c, sel.conversationSender)).toLowerCase();
      return (!!email && who.includes(email.toLowerCase())) || (!!name && who.includes(name.toLowerCase()));
    });
    const last = fromRequester[fromRequester.length - 1];
    const body = last ? first(last, sel.conversationBody) : null;
    return {
      identity: compact({ name, email, ticketId }),
      ...(subject ? { subject } : {}),
      ...(body ? { lastCustomerMessage: editorText(body) } : {}),
      composers,
      missing,
    };
  },
});
