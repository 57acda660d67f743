/**
 * The generic adapter: a team lead describes an in-house tool in the guide (`generic` entries:
 * URL pattern, CSS selectors for the customer, editor, Send button and last message) and this
 * factory turns one entry into a HostAdapter. The selectors come from a file, not from us, so
 * every lookup is guarded: a selector that is not valid CSS is reported in `missing` and the
 * rest of the page is still read.
 */
import { MatchPattern } from '#imports';
import type { GenericAdapter } from '@/lib/guide/schema';
import type { EditorKind, HostMeta } from '../hosts';
import { defineAdapter, type Composer, type HostAdapter, type PageContext } from '../types';
import { compact, editorText, findEmail, text } from '../dom';
import { meta as genericMeta } from './meta';

export { sampleConfig } from './meta';

export interface GenericHostAdapter extends HostAdapter {
  config: GenericAdapter;
  /** Does this configuration's urlPattern cover the URL? (Same matcher as the manifest's.) */
  matchesUrl(url: string): boolean;
}

/**
 * How to put text into the editor a configuration points at. Quill and CKEditor 5 are told by
 * their own classes; anything else editable gets the plain contenteditable path.
 */
export function detectEditorKind(el: Element): EditorKind {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return 'textarea';
  if (el.closest('.ql-editor')) return 'quill';
  if (el.closest('.ck-editor__editable')) return 'ckeditor5';
  if (el.closest('.ProseMirror')) return 'prosemirror';
  return 'contenteditable';
}

const EDITABLE = 'textarea, input[type="text"], .ql-editor, [contenteditable="true"], [contenteditable=""]';

/** A lead may point `editor` at the editor's wrapper; the agent types into the editable inside it. */
function editableIn(el: Element): HTMLElement | null {
  if (el.matches(EDITABLE)) return el as HTMLElement;
  return el.querySelector<HTMLElement>(EDITABLE);
}

/** What a field shows: form controls by value, anything else by its visible text. */
const valueOf = (el: Element): string =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ? el.value.trim() : text(el);

function compile(pattern: string): MatchPattern | null {
  try {
    return new MatchPattern(pattern);
  } catch {
    // The guide parser already rejects malformed patterns; a pattern WXT reads differently
    // from Chrome simply never matches rather than breaking the content script.
    return null;
  }
}

export function createGenericAdapter(config: GenericAdapter): GenericHostAdapter {
  const pattern = compile(config.urlPattern);
  // Decided per page: the editor a configuration points at is only known once it is rendered.
  let editorKind: EditorKind = genericMeta.editorKind;
  const meta: HostMeta = {
    id: genericMeta.id,
    label: config.label,
    matches: [],
    get editorKind() {
      return editorKind;
    },
    examples: genericMeta.examples,
  };

  const read = (doc: Document): PageContext => {
    const missing: string[] = [];
    const queryAll = (what: string, selector: string | undefined): Element[] => {
      if (!selector) return [];
      try {
        return [...doc.querySelectorAll(selector)];
      } catch {
        missing.push(`${what} (the team guide’s selector “${selector}” is not valid CSS)`);
        return [];
      }
    };
    const field = (what: string, selector: string | undefined): string | undefined => {
      const el = queryAll(what, selector)[0];
      return el ? valueOf(el) || undefined : undefined;
    };

    const emailEl = queryAll('the customer’s email', config.customer.email)[0];
    const email = emailEl ? (findEmail(valueOf(emailEl)) ?? findEmail(emailEl.getAttribute('href'))) : undefined;
    const identity = compact({
      name: field('the customer’s name', config.customer.name),
      email,
      phone: field('the customer’s phone number', config.customer.phone),
      accountId: field('the customer’s account id', config.customer.accountId),
    });

    const sendButtons = queryAll('the Send button', config.send);
    const composers: Composer[] = queryAll('a reply editor', config.editor).flatMap((match) => {
      const editor = editableIn(match);
      if (!editor) return [];
      // The composer is the smallest ancestor that also holds a Send button, so clicks and
      // keys are attributed to the right editor when a page has several.
      let root: Element = editor;
      while (root.parentElement && !sendButtons.some((b) => root.contains(b))) root = root.parentElement;
      return [{ root, editor, sendButtons: sendButtons.filter((b) => root.contains(b)) }];
    });
    const active = composers.find((c) => c.root.contains(doc.activeElement)) ?? composers[composers.length - 1];
    if (active) editorKind = detectEditorKind(active.editor);

    if (!Object.keys(identity).length && Object.values(config.customer).some(Boolean)) missing.push('the customer’s name, email, phone or account id');
    if (!composers.length && !missing.some((m) => m.startsWith('a reply editor'))) missing.push('a reply editor');
    if (!sendButtons.length && !missing.some((m) => m.startsWith('the Send button'))) missing.push('the Send button');

    const messages = queryAll('the customer’s last message', config.message);
    const last = messages[messages.length - 1];
    return {
      identity,
      ...(last instanceof HTMLElement ? { lastCustomerMessage: editorText(last) } : {}),
      composers,
      missing,
    };
  };

  return {
    ...defineAdapter({
      meta,
      // In-house tools are ticketing tools far more often than mail clients.
      channel: 'ticket',
      read,
    }),
    config,
    matchesUrl: (url) => {
      try {
        return pattern?.includes(url) ?? false;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The host permission an entry needs: its origin as `https://host/*` (Chrome grants hosts, not
 * paths). Null when the pattern cannot be granted at runtime: the manifest's
 * optional_host_permissions only offer https, and a pattern whose host is a bare `*` would ask
 * for every site.
 */
export function permissionOrigin(urlPattern: string): string | null {
  const m = /^(\*|https):\/\/([^/]+)\//.exec(urlPattern);
  const host = m?.[2];
  if (!host || host === '*' || host.startsWith('*:')) return null;
  return `https://${host}/*`;
}
