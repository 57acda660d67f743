import { meta } from './meta';
import { defineAdapter, type Composer } from '../types';
import { all, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';

const threadIdFromUrl = (url: string) => url.match(/\/live-messages\/\d+\/inbox\/(\d+)/)?.[1];

/** How far up from the editor to look for the composer that also holds its send button. */
const MAX_COMPOSER_DEPTH = 8;

const sendButtonsIn = (root: ParentNode): Element[] =>
  all(root, sel.sendLabel).flatMap((label) => {
    const button = label.closest('button, [role="button"]');
    return button ? [button] : [];
  });

/**
 * The smallest ancestor of the editor that also contains a send button: the composer. No
 * wrapper hook is known for it, so it is found by structure.
 */
function composerOf(editor: HTMLElement): Composer {
  let root: Element = editor;
  for (let i = 0; i < MAX_COMPOSER_DEPTH && root.parentElement; i++) {
    root = root.parentElement;
    const sendButtons = sendButtonsIn(root);
    if (sendButtons.length) return { root, editor, sendButtons };
  }
  return { root: editor.parentElement ?? editor, editor, sendButtons: [] };
}

interface Message {
  from?: string;
  name?: string;
  body?: string;
}

function readMessage(column: Element): Message {
  const from = first(column, sel.messageFrom);
  const address = first(from ?? column, sel.messageFromAddress);
  // "From: Sofia Rossi sofia.rossi@example.it": the name is what is left around the address,
  // after the (localised) label that ends in a colon.
  const rest = text(from).replace(text(address), '').replace(/^[^:]*:\s*/, '').replace(/[<>]/g, '').trim();
  return compact({ from: findEmail(text(address)) ?? findEmail(text(from)), name: rest || undefined, body: editorText(first(column, sel.messageBody) ?? (column as HTMLElement)) || undefined });
}

export const hubspotAdapter = defineAdapter({
  meta,
  channel: 'email',
  read(doc) {
    const missing: string[] = [];
    const scope: ParentNode = first(doc, sel.threadView) ?? doc;
    const messages = all(scope, sel.message).map(readMessage);
    // Inbox conversations are opened by the customer: the first message's sender is the customer,
    // and the agent's own replies carry another address.
    const email = messages.find((m) => m.from)?.from;
    const byCustomer = email ? messages.filter((m) => m.from === email) : [];
    const name = byCustomer.find((m) => m.name)?.name;
    const last = byCustomer[byCustomer.length - 1];
    if (!email) missing.push('the customer’s email address in the thread');

    const composers = all(scope, sel.editor).map(composerOf);
    if (!composers.length) missing.push('a reply editor');
    const subject = text(first(scope, sel.threadSubject)) || undefined;
    return {
      identity: compact({ name, email, ticketId: threadIdFromUrl(doc.location?.href ?? '') }),
      ...(subject ? { subject } : {}),
      ...(last?.body ? { lastCustomerMessage: last.body } : {}),
      composers,
      missing,
    };
  },
});
