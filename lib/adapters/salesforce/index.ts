import { meta } from './meta';
import { defineAdapter, type Composer } from '../types';
import { all, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';

/** How deep to look through nested same-origin frames: publisher frame, then CKEditor's own. */
const FRAME_DEPTH = 3;

/** A same-origin frame's document; null for cross-origin frames (Visualforce) and unloaded ones. */
function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/**
 * CKEditor 4's editable bodies reachable from `doc`, each with the frame element in the top
 * document that contains it. Looked up afresh on every read: Salesforce (and CKEditor's own
 * setData) rewrite the editing iframe with document.open/write, which replaces its body.
 * Elements from other frames belong to other realms, so no instanceof checks here.
 */
function editableBodies(doc: Document, depth: number, topFrame: Element | null): { body: HTMLElement; topFrame: Element }[] {
  const found: { body: HTMLElement; topFrame: Element }[] = [];
  for (const frame of doc.querySelectorAll('iframe')) {
    const inner = frameDocument(frame);
    if (!inner) continue;
    const holder = topFrame ?? frame;
    if (sel.editorFrame.some((s) => frame.matches(s))) {
      const body = inner.body;
      // Until CKEditor has set up the new document the body is not editable and typing is lost.
      if (body && (body.isContentEditable || body.getAttribute('contenteditable') === 'true')) found.push({ body, topFrame: holder });
    } else if (depth > 1) {
      found.push(...editableBodies(inner, depth - 1, holder));
    }
  }
  return found;
}

const mailto = (a: Element | null) => {
  const href = a?.getAttribute('href') ?? '';
  try {
    return findEmail(decodeURIComponent(href.replace(/^mailto:/i, '').split('?')[0] ?? '')) ?? findEmail(text(a));
  } catch {
    return findEmail(text(a));
  }
};

function sendButtonsIn(root: Element): Element[] {
  const marked = all(root, sel.sendButton);
  if (marked.length) return marked;
  // Last resort, English UI only: a button labelled Send.
  return [...root.querySelectorAll('button')].filter((b) => text(b).toLowerCase() === 'send');
}

export const salesforceAdapter = defineAdapter({
  meta,
  channel: 'email',
  read(doc) {
    const missing: string[] = [];
    const header: ParentNode = first(doc, sel.highlights) ?? doc;
    const name = text(first(header, sel.contactName)) || undefined;
    const email = mailto(first(header, sel.email));
    const phone = text(first(header, sel.phone)) || undefined;
    const ticketId = text(first(header, sel.caseNumber)) || undefined;
    const subject = text(first(header, sel.subject)) || undefined;
    if (!email && !phone) missing.push('the contact’s email or phone on the case');

    const composers: Composer[] = editableBodies(doc, FRAME_DEPTH, null).map(({ body, topFrame }) => {
      const root = topFrame.closest(sel.composerRoot.join(',')) ?? topFrame.parentElement ?? topFrame;
      return { root, editor: body, sendButtons: sendButtonsIn(root) };
    });
    if (!composers.length) missing.push('the email editor');

    const fromCustomer = all(doc, sel.feedItem).filter((item) => {
      const who = text(first(item, sel.feedSender)).toLowerCase();
      return (!!email && who.includes(email.toLowerCase())) || (!!name && who.includes(name.toLowerCase()));
    });
    const last = fromCustomer[fromCustomer.length - 1];
    const body = last ? first(last, sel.feedBody) : null;
    return {
      identity: compact({ name, email, phone, ticketId }),
      ...(subject ? { subject } : {}),
      ...(body ? { lastCustomerMessage: editorText(body) } : {}),
      composers,
      missing,
    };
  },
});
