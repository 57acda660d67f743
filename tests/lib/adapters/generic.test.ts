// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createGenericAdapter, detectEditorKind, sampleConfig } from '@/lib/adapters/generic';
import type { GenericAdapter } from '@/lib/guide/schema';

const page = (body: string) => {
  // Test fixture markup written here, not customer data.
  document.body.replaceChildren(document.createRange().createContextualFragment(body));
};

const ACME = `
  <aside>
    <h2 data-field="customer-name">Elena Petrova</h2>
    <a data-field="customer-email" href="mailto:elena.petrova@example.com">Email Elena</a>
    <span data-field="customer-phone">+44 20 7946 0958</span>
    <input data-field="account-id" value="ACME-0042">
  </aside>
  <div class="message from-customer"><div class="body">First message.</div></div>
  <div class="message from-agent"><div class="body">Our answer.</div></div>
  <div class="message from-customer"><div class="body">My bill went up again.</div></div>
  <form id="reply-form">
    <div id="reply"><div class="ql-editor" contenteditable="true"><p>Hi</p></div></div>
    <button type="button" data-action="send">Send</button>
  </form>`;

describe('generic adapter: reading a page through a guide entry', () => {
  beforeEach(() => page(ACME));

  it('reads identity, last customer message and the composer as configured', () => {
    const ctx = createGenericAdapter(sampleConfig).read(document);
    expect(ctx.identity).toEqual({ name: 'Elena Petrova', email: 'elena.petrova@example.com', phone: '+44 20 7946 0958', accountId: 'ACME-0042' });
    expect(ctx.lastCustomerMessage).toBe('My bill went up again.');
    expect(ctx.composers).toHaveLength(1);
    expect(ctx.composers[0]!.editor.className).toBe('ql-editor');
    expect(ctx.composers[0]!.root.id).toBe('reply-form');
    expect(ctx.composers[0]!.sendButtons.map((b) => b.textContent)).toEqual(['Send']);
    expect(ctx.missing).toEqual([]);
  });

  it('takes the label from the guide and decides the editor kind from the page', () => {
    const a = createGenericAdapter(sampleConfig);
    expect(a.meta.id).toBe('generic');
    expect(a.meta.label).toBe('Acme Support');
    expect(a.meta.matches).toEqual([]);
    a.read(document);
    expect(a.meta.editorKind).toBe('quill');
    page('<textarea id="t"></textarea><button data-action="send">Send</button>');
    const t = createGenericAdapter({ ...sampleConfig, editor: '#t' });
    t.read(document);
    expect(t.meta.editorKind).toBe('textarea');
  });

  it('finds the editable inside a wrapper the guide points at', () => {
    const ctx = createGenericAdapter({ ...sampleConfig, editor: '#reply' }).read(document);
    expect(ctx.composers[0]!.editor.className).toBe('ql-editor');
  });

  it('reports what it could not find instead of guessing', () => {
    page('<p>Nothing here</p>');
    const ctx = createGenericAdapter(sampleConfig).read(document);
    expect(ctx.identity).toEqual({});
    expect(ctx.composers).toEqual([]);
    expect(ctx.missing).toEqual(['the customer’s name, email, phone or account id', 'a reply editor', 'the Send button']);
  });

  it('an invalid selector is reported in missing and never throws; the rest is still read', () => {
    const bad: GenericAdapter = {
      ...sampleConfig,
      customer: { ...sampleConfig.customer, phone: 'span[data-field="customer-phone"' },
      send: 'button:::send',
    };
    const ctx = createGenericAdapter(bad).read(document);
    expect(ctx.identity.email).toBe('elena.petrova@example.com');
    expect(ctx.identity.phone).toBeUndefined();
    expect([...ctx.missing].sort()).toEqual([
      'the Send button (the team guide’s selector “button:::send” is not valid CSS)',
      'the customer’s phone number (the team guide’s selector “span[data-field="customer-phone"” is not valid CSS)',
    ]);
    // A composer without a reachable Send button is still a composer (insertion works).
    expect(ctx.composers).toHaveLength(1);
    expect(ctx.composers[0]!.sendButtons).toEqual([]);
  });

  it('pairs each editor with its own Send button when a page has two composers', () => {
    page(`<div class="c" id="a"><textarea class="ed"></textarea><button class="s">Send A</button></div>
          <div class="c" id="b"><textarea class="ed"></textarea><button class="s">Send B</button></div>`);
    const ctx = createGenericAdapter({ ...sampleConfig, editor: 'textarea.ed', send: 'button.s' }).read(document);
    expect(ctx.composers.map((c) => [c.root.id, c.sendButtons.map((b) => b.textContent)])).toEqual([['a', ['Send A']], ['b', ['Send B']]]);
  });
});

describe('generic adapter: URL matching (WXT MatchPattern)', () => {
  const a = createGenericAdapter(sampleConfig);
  it.each(['https://support.acme-internal.example/tickets/1042', 'https://support.acme-internal.example/tickets/'])('claims %s', (url) => {
    expect(a.matchesUrl(url)).toBe(true);
  });
  it.each([
    'https://support.acme-internal.example/',
    'http://support.acme-internal.example/tickets/1',
    'https://evil.example/support.acme-internal.example/tickets/1',
    'not a url',
  ])('does not claim %s', (url) => {
    expect(a.matchesUrl(url)).toBe(false);
  });
  it('supports subdomain wildcards', () => {
    const w = createGenericAdapter({ ...sampleConfig, urlPattern: 'https://*.acme-internal.example/*' });
    expect(w.matchesUrl('https://eu.acme-internal.example/x')).toBe(true);
    expect(w.matchesUrl('https://acme-internal.example.evil.example/x')).toBe(false);
  });
  it('a pattern WXT cannot read matches nothing instead of throwing', () => {
    const broken = createGenericAdapter({ ...sampleConfig, urlPattern: 'https://exa mple.com/*' });
    expect(broken.matchesUrl('https://example.com/')).toBe(false);
  });
});

describe('detectEditorKind', () => {
  it('tells textarea, Quill, CKEditor 5 and plain contenteditable apart', () => {
    page(`<textarea id="t"></textarea><div class="ql-editor" id="q" contenteditable="true"><p id="qp">x</p></div>
          <div class="ck-editor__editable" id="ck" contenteditable="true"></div><div id="ce" contenteditable="true"></div>`);
    const kind = (id: string) => detectEditorKind(document.getElementById(id)!);
    expect([kind('t'), kind('q'), kind('qp'), kind('ck'), kind('ce')]).toEqual(['textarea', 'quill', 'quill', 'ckeditor5', 'contenteditable']);
  });
});
