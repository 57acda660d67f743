import { describe, expect, it } from 'vitest';
import { dispatch } from '@/lib/messaging/server';
import { createHandlers } from '@/lib/background/handlers';
import { defaultSettings } from '@/lib/settings';
import { freshDb, NOW } from '../db/helpers';

const ORIGIN = 'chrome-extension://abc/';
const handlers = () => createHandlers({ db: freshDb(), settings: async () => defaultSettings, now: () => NOW });
const fromHost = { id: 'abc', url: 'https://mail.google.com/mail/u/0/', tab: { id: 1 } } as never;
const fromPage = { id: 'abc', url: `${ORIGIN}options.html` } as never;

describe('message dispatch', () => {
  it('rejects malformed input with the field path', async () => {
    const res = await dispatch(handlers(), { rapport: 1, name: 'addNote', input: { text: 42 } }, fromHost, ORIGIN);
    expect(res).toEqual({ ok: false, error: expect.stringMatching(/^addNote: text: /) });
  });

  it('keeps page-only messages away from host pages', async () => {
    const res = await dispatch(handlers(), { rapport: 1, name: 'exportAll', input: {} }, fromHost, ORIGIN);
    expect(res).toEqual({ ok: false, error: expect.stringContaining('only available') });
    const ok = await dispatch(handlers(), { rapport: 1, name: 'exportAll', input: {} }, fromPage, ORIGIN);
    expect(ok.ok).toBe(true);
  });

  it('rejects unknown messages and foreign envelopes', async () => {
    expect((await dispatch(handlers(), { rapport: 1, name: 'dropTables', input: {} }, fromPage, ORIGIN)).ok).toBe(false);
    expect((await dispatch(handlers(), { hello: 'world' }, fromPage, ORIGIN)).ok).toBe(false);
  });

  it('logs a sent reply once per send id, with the first 200 characters', async () => {
    const h = handlers();
    const input = { identity: { email: 'Jane.Doe@gmail.com', name: 'Jane' }, channel: 'email', host: 'gmail', subject: 'Order', body: 'x'.repeat(500), sendId: 's1' };
    const a = await dispatch(h, { rapport: 1, name: 'logSentReply', input }, fromHost, ORIGIN);
    const b = await dispatch(h, { rapport: 1, name: 'logSentReply', input }, fromHost, ORIGIN);
    expect(a.ok && b.ok).toBe(true);
    const va = (a as { value: { interaction: { id: string; summary: string } } }).value;
    const vb = (b as { value: { interaction: { id: string } } }).value;
    expect(va.interaction.summary).toHaveLength(200);
    expect(vb.interaction.id).toBe(va.interaction.id);
    // Gmail addresses are one person with or without dots and case.
    const look = await dispatch(h, { rapport: 1, name: 'lookupCustomer', input: { identity: { email: 'janedoe@gmail.com' } } }, fromHost, ORIGIN);
    expect((look as { value: { totalContacts: number } }).value.totalContacts).toBe(1);
  });

  it('shows customer and note text exactly as typed, markup included', async () => {
    const h = handlers();
    const text = '<img src=x onerror=alert(1)> <script>alert(2)</script>';
    const res = await dispatch(h, { rapport: 1, name: 'addNote', input: { identity: { email: 'm@x.example', name: text }, text } }, fromHost, ORIGIN);
    expect(res.ok).toBe(true);
    const look = await dispatch(h, { rapport: 1, name: 'lookupCustomer', input: { identity: { email: 'm@x.example' } } }, fromHost, ORIGIN);
    const v = (look as { value: { customer: { name: string }; latestNotes: { text: string }[] } }).value;
    expect(v.customer.name).toBe(text);
    expect(v.latestNotes[0]?.text).toBe(text);
  });
});
