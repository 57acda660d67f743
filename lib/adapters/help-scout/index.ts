import { meta } from './meta';
import { defineAdapter, type Composer, type PageContext } from '../types';
import { all, buttonsNamed, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';

/** /conversation/<id>/<number>: the number is what agents quote ("#1842"). */
const numberFromUrl = (url: string) => url.match(/\/conversation\/\d+\/(\d+)/)?.[1];

export const helpScoutAdapter = defineAdapter({
  meta,
  channel: 'email',
  read(doc): PageContext {
    const missing: string[] = [];
    const profile = first(doc, sel.profile);
    const nameEl = profile ? first(profile, sel.profileName) : null;
    const emailEl = profile ? first(profile, sel.profileEmail) : null;
    const phoneEl = profile ? first(profile, sel.profilePhone) : null;

    const threads = all(doc, sel.customerThread);
    const last = threads[threads.length - 1];
    const body = last ? first(last, sel.threadBody) : null;

    // The profile is who the conversation is with; the thread author is the fallback for the name.
    const email = findEmail(emailEl?.getAttribute('href')) ?? findEmail(text(emailEl));
    const name = text(nameEl) || (last ? text(first(last, sel.threadAuthor)) : '') || undefined;
    const phone = (phoneEl?.getAttribute('href')?.replace(/^tel:/, '') || text(phoneEl)) || undefined;
    if (!email && !phone) missing.push('the customer’s email address (no customer profile in the sidebar)');
    if (!last) missing.push('a message from the customer in this conversation');

    const composers: Composer[] = all(doc, sel.composerRoot).flatMap((root) => {
      const editor = first(root, sel.editor);
      if (!editor) return [];
      const byHook = all(root, sel.sendButton);
      return [{ root, editor, sendButtons: (byHook.length ? byHook : buttonsNamed(root, sel.sendNames)).slice(0, 1) }];
    });
    if (!composers.length) missing.push('the reply editor (click Reply)');

    const subjectEl = first<HTMLTextAreaElement>(doc, sel.subject);
    const subject = (subjectEl && 'value' in subjectEl ? subjectEl.value : text(subjectEl)).trim();
    const ticketId = numberFromUrl(doc.location?.href ?? '') ?? (text(first(doc, sel.conversationNumber)).match(/\d+/)?.[0] || undefined);
    return {
      identity: compact({ email, name, phone, ticketId }),
      ...(subject ? { subject } : {}),
      ...(body ? { lastCustomerMessage: editorText(body) } : {}),
      composers,
      missing,
    };
  },
  agentName: (doc) => first(doc, sel.userMenu)?.getAttribute('aria-label')?.trim() || undefined,
  // [unverified] Help Scout is widely said to send with Ctrl/Cmd+Enter; no public source confirms it.
  isSendShortcut: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey,
});
