// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { frontAdapter } from '@/lib/adapters/front';

const page = (body: string) => {
  // Test fixture markup written here, not customer data.
  document.body.replaceChildren(document.createRange().createContextualFragment(body));
};

const MESSAGES = `
  <main role="main"><h1 dir="rtl">زيارة الفني</h1>
    <div role="list">
      <div role="listitem"><span title="fatima.zahra@example.ma">فاطمة الزهراء</span><div data-testid="message-body" dir="rtl">مرحبا</div></div>
      <div role="listitem"><span title="sam@support.example">Sam</span><div data-testid="message-body">Reply</div></div>
    </div>`;

describe('front adapter', () => {
  it('reads the recipient chip and the customer’s own last message, right-to-left', () => {
    page(`${MESSAGES}
      <div><div role="listbox"><span role="option" title="fatima.zahra@example.ma">فاطمة الزهراء</span></div>
        <div role="textbox" contenteditable="true" dir="rtl"></div><button>Send</button></div></main>`);
    const ctx = frontAdapter.read(document);
    expect(ctx.identity).toMatchObject({ email: 'fatima.zahra@example.ma', name: 'فاطمة الزهراء' });
    expect(ctx.lastCustomerMessage).toBe('مرحبا');
    expect(ctx.subject).toBe('زيارة الفني');
    expect(ctx.composers).toHaveLength(1);
    expect(ctx.missing).toEqual([]);
  });

  it('falls back to the contact panel when the reply has no chip yet', () => {
    page(`${MESSAGES}<div><div role="textbox" contenteditable="true"></div><button aria-label="Envoyer">➤</button></div></main>
      <aside><a href="mailto:fatima.zahra@example.ma">fatima.zahra@example.ma</a></aside>`);
    const ctx = frontAdapter.read(document);
    expect(ctx.identity.email).toBe('fatima.zahra@example.ma');
    expect(ctx.composers[0]!.sendButtons).toHaveLength(1);
  });

  it('says what it could not find', () => {
    page('<main role="main"><p>Inbox zero</p></main>');
    const ctx = frontAdapter.read(document);
    expect(ctx.composers).toEqual([]);
    expect(ctx.missing).toHaveLength(3);
  });
});
