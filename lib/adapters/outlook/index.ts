import { meta } from './meta';
import { defineAdapter, type Composer, type PageContext } from '../types';
import { all, compact, editorText, findEmail, first, text } from '../dom';
import * as sel from './selectors';

/** "Jane Doe <jane@x.example>", "Jane Doe" or "jane@x.example" (Briskine's pill formats). */
export function parseRecipient(raw: string): { name?: string; email?: string } {
  const s = raw.replace(/\s+/g, ' ').trim();
  const email = findEmail(s);
  const name = s.replace(/<[^>]*>/g, '').replace(email ?? '\u0000', '').replace(/^["'\s]+|["'\s;,]+$/g, '').trim();
  return compact({ name: name || undefined, email });
}

/**
 * A compose scope for one editor: the smallest ancestor that also holds a Send button and no
 * other editor. Structure, not labels, so it works in every UI language and for any number of
 * composers (a reading-pane reply next to a popped-out draft).
 */
function scopeOf(editor: HTMLElement): Element | null {
  const known = editor.closest(sel.popoutScope.join(','));
  if (known && known.querySelectorAll(sel.editor[0]!).length <= 1) return known;
  for (let node = editor.parentElement; node && node !== editor.ownerDocument.body; node = node.parentElement) {
    if (all(node, sel.editor).length > 1) return null;
    if (first(node, sel.sendButton)) return node;
  }
  return null;
}

/**
 * The composer the agent works in: focus decides; while focus is elsewhere (in Rapport's own
 * sidebar, say) the one last focused stays current, so the customer shown and the text inserted
 * do not jump to another draft. Kept per document; nothing is written to the page.
 */
const lastActive = new WeakMap<Document, WeakRef<Element>>();
function activeComposer(doc: Document, composers: Composer[]): Composer | undefined {
  const focused = doc.activeElement;
  const byFocus = focused ? composers.find((c) => c.root.contains(focused)) : undefined;
  if (byFocus) {
    lastActive.set(doc, new WeakRef(byFocus.root));
    return byFocus;
  }
  const remembered = lastActive.get(doc)?.deref();
  // Nothing used yet: the newest composer (last in the page) is the one just opened.
  return composers.find((c) => c.root === remembered) ?? composers[composers.length - 1];
}

function signedIn(doc: Document): { name?: string; email?: string } {
  const me = first(doc, sel.me);
  const name = text(first(doc, sel.meName)) || undefined;
  const email = findEmail(me?.getAttribute('title')) ?? findEmail(me?.getAttribute('aria-label')) ?? findEmail(text(me));
  return compact({ name, email });
}

function recipient(root: Element): { name?: string; email?: string } {
  const well = first(root, sel.toWell);
  if (!well) return {};
  const pills = all(well, sel.pillText);
  const first1 = pills[0] ?? first(well, sel.pill);
  if (!first1) return parseRecipient(text(well));
  const parsed = parseRecipient(text(first1));
  // A pill that shows only a name may carry the address as its tooltip or label.
  const holder = first1.closest('[title*="@"], [aria-label*="@"]');
  const email = parsed.email ?? findEmail(holder?.getAttribute('title')) ?? findEmail(holder?.getAttribute('aria-label'));
  return compact({ name: parsed.name, email });
}

interface Msg {
  email?: string;
  name?: string;
  body: string;
}

/** Messages of the open conversation, oldest first, leaving out anything inside a composer. */
function conversation(pane: Element, composers: Composer[]): Msg[] {
  return all(pane, sel.message)
    .filter((m) => !composers.some((c) => c.root.contains(m)))
    .map((m) => {
      const sender = first(m, sel.messageSender);
      const tip = sender?.getAttribute('title') ?? sender?.getAttribute('aria-label') ?? '';
      const body = first(m, sel.messageBody);
      return compact({ email: findEmail(tip), name: text(sender) || undefined, body: body ? editorText(body) : '' }) as Msg;
    })
    .filter((m) => m.body);
}

/** A reply opened outside the reading pane carries its original below the editor. */
function quoted(root: Element): Msg | undefined {
  const header = first(root, sel.quotedHeader);
  const body = header?.nextElementSibling;
  if (!header || !(body instanceof HTMLElement)) return undefined;
  // Header lines read "From: Name <addr>" in the UI language; the line with an address is the sender.
  const raw = header.innerText || header.textContent || '';
  const line = raw.split('\n').find((l) => findEmail(l)) ?? '';
  return { ...parseRecipient(line.replace(/^[^:<@]*:\s*/, '')), body: editorText(body) };
}

export const outlookAdapter = defineAdapter({
  meta,
  channel: 'email',
  read(doc): PageContext {
    const missing: string[] = [];
    const composers: Composer[] = all(doc, sel.editor).flatMap((editor) => {
      const root = scopeOf(editor);
      return root ? [{ root, editor, sendButtons: all(root, sel.sendButton).slice(0, 1) }] : [];
    });
    const active = activeComposer(doc, composers);
    if (!active) missing.push('a reply editor (open a message and choose Reply)');

    const to = active ? recipient(active.root) : {};
    const me = signedIn(doc);
    const pane = first(doc, sel.readingPane);
    const inPane = !!(active && pane?.contains(active.root));
    const isMe = (m: Msg) => (!!me.email && m.email?.toLowerCase() === me.email.toLowerCase()) || (!!me.name && m.name === me.name);

    // The customer's last words: in the reading pane for a reply there, else the quoted original.
    const candidates = active && !inPane ? [quoted(active.root)].filter((m): m is Msg => !!m) : pane ? conversation(pane, composers) : [];
    const inbound = candidates.filter((m) => !isMe(m));
    const fromRecipient = to.email ? inbound.filter((m) => m.email?.toLowerCase() === to.email!.toLowerCase()) : [];
    const last = (fromRecipient.length ? fromRecipient : to.email ? [] : inbound).at(-1);

    const email = to.email ?? last?.email;
    const name = to.name && to.name !== email ? to.name : last?.name;
    if (!email) missing.push('the customer’s email address (the reply has no recipient in To)');
    if (active && !last) missing.push('the customer’s last message in this conversation');

    const subjectInputs = active ? all<HTMLInputElement>(active.root, sel.subjectInput) : [];
    const typed = subjectInputs.at(-1)?.value?.trim() ?? '';
    const subject = typed || (inPane && pane ? text(first(pane, sel.conversationSubject)) : '');
    return {
      identity: compact({ email, name }),
      ...(subject ? { subject: subject.replace(/^(re|aw|wg|fwd?|tr|rv):\s*/i, '') } : {}),
      ...(last ? { lastCustomerMessage: last.body } : {}),
      // The active composer last: callers that need "the" composer without focus take the last one.
      composers: active ? [...composers.filter((c) => c !== active), active] : composers,
      missing,
    };
  },
  agentName: (doc) => signedIn(doc).name,
  // OWA's default keyboard profile sends with Ctrl+Enter (Cmd+Enter on a Mac). [unverified for OWA]
  isSendShortcut: (e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey,
});
