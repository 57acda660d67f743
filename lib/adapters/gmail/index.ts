import { meta } from './meta';
import { defineAdapter, type Composer } from '../types';
import { all, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';


/** The signed-in account: Gmail's title reads "Inbox (3) - agent@company.example - Gmail". */
const accountEmail = (doc: Document) => findEmail(doc.title);

export const gmailAdapter = defineAdapter({
  meta,
  channel: 'email',
  read(doc) {
    const missing: string[] = [];
    const me = accountEmail(doc)?.toLowerCase();
    const composers: Composer[] = all(doc, sel.composeRoot).flatMap((root) => {
      const editor = first(root, sel.editor);
      return editor ? [{ root, editor, sendButtons: all(root, sel.sendButton).slice(0, 1) }] : [];
    });
    const active = composers.find((c) => c.root.contains(doc.activeElement)) ?? composers[composers.length - 1];

    // Who the reply goes to is the most reliable customer signal; the thread is the fallback.
    const chip = active ? first(active.root, sel.recipients) : null;
    const chipEmail = chip?.getAttribute('data-hovercard-id') ?? chip?.getAttribute('email') ?? findEmail((chip as HTMLTextAreaElement | null)?.value);
    const chipName = chip?.getAttribute('data-name') ?? chip?.getAttribute('name') ?? undefined;

    const messages = all(doc, sel.threadMessage);
    const fromCustomer = messages.filter((m) => {
      const e = first(m, sel.messageSender)?.getAttribute('email')?.toLowerCase();
      return e && e !== me;
    });
    const last = fromCustomer[fromCustomer.length - 1];
    const sender = last ? first(last, sel.messageSender) : null;

    const email = chipEmail ?? sender?.getAttribute('email') ?? undefined;
    const name = (chipName && chipName !== email ? chipName : undefined) ?? sender?.getAttribute('name') ?? (sender ? text(sender) : undefined);
    if (!email) missing.push('the customer’s email address (no recipient or sender found)');
    if (!composers.length) missing.push('a reply editor');

    const subject = text(first(doc, sel.threadSubject)) || (active ? (first<HTMLInputElement>(active.root, sel.subjectInput)?.value ?? '') : '');
    const body = last ? first(last, sel.messageBody) : null;
    return {
      identity: compact({ email, name }),
      ...(subject ? { subject: subject.replace(/^(re|fwd?):\s*/i, '') } : {}),
      ...(body ? { lastCustomerMessage: editorText(body) } : {}),
      composers,
      missing,
    };
  },
  agentName: (doc) => accountEmail(doc),
  isSendShortcut: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey),
});
