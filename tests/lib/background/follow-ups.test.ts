import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '@/lib/messaging/server';
import { createHandlers } from '@/lib/background/handlers';
import { defaultSettings, type Settings } from '@/lib/settings';
import { freshDb } from '../db/helpers';

const ORIGIN = 'chrome-extension://abc/';
const fromHost = { id: 'abc', url: 'https://mail.google.com/mail/u/0/', tab: { id: 1 } } as never;
// A Monday, 10:00 on this machine's clock: the background reads promises in the agent's own zone.
const SENT = new Date(2026, 10, 23, 10, 0, 0).getTime();

function setup(settings: Partial<Settings> = {}) {
  const changed = vi.fn();
  const h = createHandlers({ db: freshDb(), settings: async () => ({ ...defaultSettings, ...settings }), now: () => SENT, onPromisesChanged: changed });
  const call = async <T,>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(h, { rapport: 1, name, input }, fromHost, ORIGIN);
    if (!r.ok) throw new Error(r.error);
    return r.value as T;
  };
  return { call, changed };
}

const identity = { email: 'mia@example.com', name: 'Mia Chen', ticketId: 'T-9' };
interface Logged { customerId: string; captured: Array<{ id: string; text: string; dueAt: number; status: string }>; nudges: Array<{ text: string; message: string }> }

describe('sent replies feed follow-ups', () => {
  it('captures the promise with its due time for the agent to confirm, and nothing is reminded before that', async () => {
    const { call, changed } = setup();
    const logged = await call<Logged>('logSentReply', {
      identity,
      channel: 'email',
      host: 'gmail',
      body: 'Hi Mia, thanks for your patience. I will call you back by 8pm tomorrow with the engineer’s slot. Refunds usually take 5-7 days.',
      customerMessage: 'My order number is 558120 and the router still drops every hour.',
      sendId: 's1',
    });
    expect(logged.captured).toHaveLength(1);
    expect(logged.captured[0]).toMatchObject({ status: 'proposed', dueAt: new Date(2026, 10, 24, 20, 0).getTime() });
    expect(logged.captured[0]!.text).toMatch(/call you back by 8pm tomorrow/);
    expect(await call('myFollowUps', {})).toEqual([]);

    const toConfirm = await call<Array<{ id: string }>>('promisesToConfirm', { customerId: logged.customerId });
    expect(toConfirm.map((p) => p.id)).toEqual([logged.captured[0]!.id]);
    await call('confirmPromise', { promiseId: toConfirm[0]!.id });
    expect(changed).toHaveBeenCalledTimes(1);
    const follow = await call<Array<{ customerName: string; overdue: boolean }>>('myFollowUps', {});
    expect(follow).toEqual([expect.objectContaining({ customerName: 'Mia Chen', overdue: false })]);
    expect(await call('promisesToConfirm', { customerId: logged.customerId })).toEqual([]);
  });

  it('nudges a vague time instead of capturing it, and never fails the log over the finder', async () => {
    const { call } = setup();
    const logged = await call<Logged>('logSentReply', { identity, channel: 'email', host: 'gmail', body: 'We will get back to you shortly.', sendId: 's2' });
    expect(logged.captured).toEqual([]);
    expect(logged.nudges.length).toBe(1);
    const hostile = await call<Logged>('logSentReply', { identity, channel: 'email', host: 'gmail', body: `by ${'9pm '.repeat(5000)}`, sendId: 's3' });
    expect(hostile.customerId).toBe(logged.customerId);
  });

  it('reads ambiguous dates in the agent’s date order', async () => {
    const us = await setup({ dateOrder: 'MDY' }).call<Logged>('logSentReply', { identity, channel: 'email', host: 'gmail', body: 'I will send the replacement by 12/04.', sendId: 'u' });
    const gb = await setup({ dateOrder: 'DMY' }).call<Logged>('logSentReply', { identity, channel: 'email', host: 'gmail', body: 'I will send the replacement by 12/04.', sendId: 'g' });
    expect(new Date(us.captured[0]!.dueAt)).toEqual(new Date(2026, 11, 4, 17, 0));
    expect(new Date(gb.captured[0]!.dueAt)).toEqual(new Date(2027, 3, 12, 17, 0));
  });

  it('remembers what the customer told us, for "they already told us" warnings', async () => {
    const { call } = setup();
    const logged = await call<Logged>('logSentReply', {
      identity,
      channel: 'email',
      host: 'gmail',
      body: 'Thanks Mia, I am looking into it now.',
      customerMessage: 'My order number is 558120. I already restarted the router twice.',
      sendId: 's4',
    });
    const facts = await call<Array<{ kind: string; value?: string }>>('customerFacts', { customerId: logged.customerId });
    expect(facts).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'order-number', value: '558120' }), expect.objectContaining({ kind: 'troubleshooting' })]));
    // The agent's own words are not the customer's: a reply alone gives no facts.
    const other = await setup().call<Logged>('logSentReply', { identity, channel: 'email', host: 'gmail', body: 'Your order number is 558120.', sendId: 's5' });
    expect(await setup().call('customerFacts', { customerId: other.customerId })).toEqual([]);
  });

  it('stores a handoff note as a note of its own kind', async () => {
    const { call } = setup();
    const { note } = await call<{ note: { kind?: string; text: string } }>('addNote', { identity, text: 'Issue: router drops.\nTried: restart.', kind: 'handoff' });
    expect(note.kind).toBe('handoff');
  });
});
