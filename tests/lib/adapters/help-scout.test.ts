// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { helpScoutAdapter } from '@/lib/adapters/help-scout';

const page = (body: string) => {
  // Test fixture markup written here, not customer data.
  document.body.replaceChildren(document.createRange().createContextualFragment(body));
};

describe('help-scout adapter', () => {
  it('takes the customer from the profile, the last customer thread, and finds Send by name without a hook', () => {
    page(`
      <textarea data-cy="EditableTextarea">Login trouble</textarea>
      <article class="thread customer"><section class="js-thread-content"><section class="messageBody">First.</section></section></article>
      <article class="thread customer"><section class="js-thread-content"><section class="messageBody">Still broken.</section></section></article>
      <article class="thread message"><section class="js-thread-content"><section class="messageBody">Agent reply.</section></section></article>
      <div data-cy="ReplyEditor"><div contenteditable="true" role="textbox"></div><button type="button">Send</button></div>
      <div data-cy="CustomerProfile"><h2>Amara Okafor</h2><a href="mailto:amara@okafor.example">Email</a></div>`);
    const ctx = helpScoutAdapter.read(document);
    expect(ctx.identity).toMatchObject({ email: 'amara@okafor.example', name: 'Amara Okafor' });
    expect(ctx.subject).toBe('Login trouble');
    expect(ctx.lastCustomerMessage).toBe('Still broken.');
    expect(ctx.composers[0]!.sendButtons.map((b) => b.textContent)).toEqual(['Send']);
    expect(ctx.missing).toEqual([]);
  });

  it('lists what is missing on the mailbox page', () => {
    page('<nav>Mine</nav>');
    const ctx = helpScoutAdapter.read(document);
    expect(ctx.composers).toEqual([]);
    expect(ctx.missing).toHaveLength(3);
  });
});
