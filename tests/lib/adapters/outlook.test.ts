// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { outlookAdapter, parseRecipient } from '@/lib/adapters/outlook';

const page = (body: string) => {
  // Test fixture markup written here, not customer data.
  document.body.replaceChildren(document.createRange().createContextualFragment(body));
};

/** A German reading pane whose Send has neither name="Send" nor the Fluent primary class. */
const GERMAN = `
  <div id="O365_MainLink_Me" title="sam@support.example"><div><div>Sam Agent</div></div></div>
  <div role="main" id="ReadingPaneContainerId">
    <div role="heading" aria-level="2">Paket nicht angekommen</div>
    <div role="list">
      <div role="listitem"><span title="Hannah Schmidt <hannah.schmidt@example.de>">Hannah Schmidt</span><div role="document">Wo ist mein Paket?</div></div>
      <div role="listitem"><span title="Sam Agent <sam@support.example>">Sam Agent</span><div role="document">Wir prüfen das.</div></div>
    </div>
    <div class="compose">
      <div contenteditable="true" aria-label="An"><span contenteditable="false" title="hannah.schmidt@example.de"><span class="individualText-x">Hannah Schmidt</span></span></div>
      <div role="textbox" contenteditable="true" aria-multiline="true" aria-label="Nachrichtentext"></div>
      <button type="button" aria-label="Senden">Senden</button>
    </div>
  </div>`;

describe('outlook adapter', () => {
  beforeEach(() => page(GERMAN));

  it('reads a German reply by structure: pill address from its tooltip, localised Send, reading-pane subject', () => {
    const ctx = outlookAdapter.read(document);
    expect(ctx.identity).toEqual({ email: 'hannah.schmidt@example.de', name: 'Hannah Schmidt' });
    expect(ctx.subject).toBe('Paket nicht angekommen');
    // The agent's own message is newer, but the customer's is the one to answer.
    expect(ctx.lastCustomerMessage).toBe('Wo ist mein Paket?');
    expect(ctx.composers).toHaveLength(1);
    expect(ctx.composers[0]!.sendButtons.map((b) => b.textContent)).toEqual(['Senden']);
    expect(ctx.missing).toEqual([]);
  });

  it('says what it could not find instead of throwing on a page without mail', () => {
    page('<div role="main"><p>Kalender</p></div>');
    const ctx = outlookAdapter.read(document);
    expect(ctx.composers).toEqual([]);
    expect(ctx.missing.join(' ')).toMatch(/reply editor/);
    expect(ctx.missing.join(' ')).toMatch(/email address/);
  });

  it('parses the three pill formats', () => {
    expect(parseRecipient('Jane Doe <janedoe@gmail.com>')).toEqual({ name: 'Jane Doe', email: 'janedoe@gmail.com' });
    expect(parseRecipient('janedoe@gmail.com')).toEqual({ email: 'janedoe@gmail.com' });
    expect(parseRecipient('Jane Doe')).toEqual({ name: 'Jane Doe' });
  });

  it('treats Ctrl/Cmd+Enter as send, not plain Enter', () => {
    expect(outlookAdapter.isSendShortcut!(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(outlookAdapter.isSendShortcut!(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true }))).toBe(true);
    expect(outlookAdapter.isSendShortcut!(new KeyboardEvent('keydown', { key: 'Enter' }))).toBe(false);
  });
});
