import { meta } from './meta';
import { defineAdapter, type Composer } from '../types';
import { all, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';


const ticketIdFromUrl = (url: string) => url.match(/\/agent\/tickets\/(\d+)/)?.[1];

export const zendeskAdapter = defineAdapter({
  meta,
  channel: 'ticket',
  read(doc) {
    const missing: string[] = [];
    const tab = first(doc, sel.activeTab);
    const ticketId = tab?.getAttribute('data-entity-id') ?? ticketIdFromUrl(doc.location?.href ?? '');
    const pane = first(doc, sel.activePane(ticketId)) ?? (ticketId ? null : doc.body);
    if (!pane) {
      return { identity: compact({ ticketId }), composers: [], missing: ['the open ticket'] };
    }
    const avatar = first(pane, sel.requesterAvatar);
    const email = findEmail(avatar?.getAttribute('alt'));
    // The name sits next to the avatar in the composer's recipient chip.
    const name = text(avatar?.nextElementSibling) || undefined;
    const phone = text(first(pane, sel.requesterPhone)) || undefined;
    const organization = text(first(pane, sel.organization)) || undefined;
    if (!email && !phone) missing.push('the requester’s email or phone');

    const composers: Composer[] = all(pane, sel.composerRoot).flatMap((root) => {
      const editor = first(root, sel.editor);
      return editor ? [{ root, editor, sendButtons: all(pane, sel.submitButton) }] : [];
    });
    if (!composers.length) missing.push('a reply editor');

    const comments = all(pane, sel.logComment);
    const byRequester = comments.filter((c) => {
      const who = text(first(c, sel.logSender));
      return (name && who === name) || (email && who.includes(email));
    });
    const last = byRequester[byRequester.length - 1];
    const body = last ? first(last, sel.logBody) : null;
    const subject = first<HTMLInputElement>(pane, sel.subject);
    const subjectText = subject ? ('value' in subject ? subject.value : text(subject)) : '';
    return {
      identity: compact({ email, name, phone, ticketId, accountId: organization }),
      ...(subjectText ? { subject: subjectText } : {}),
      ...(body ? { lastCustomerMessage: editorText(body) } : {}),
      composers,
      missing,
    };
  },
  agentName: (doc) => doc.title.split(/\s+[–-]\s+/)[1]?.trim() || undefined,
  // Zendesk's documented "submit" shortcut.
  isSendShortcut: (e) => (e.ctrlKey || e.metaKey) && e.altKey && e.key.toLowerCase() === 's',
});
