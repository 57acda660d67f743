import { describe, expect, it } from 'vitest';
import { addOverride, addSentReply, findSimilarSent, overridesByAgent } from '@/lib/db/repositories/sent-replies';
import { DAY, NOW, freshDb } from './helpers';

const macro = (name: string, order: string) =>
  `Hi ${name}, thank you for reaching out about order ${order}. We have checked with our warehouse and your parcel has been dispatched with our courier partner, so it should reach you within the next few working days.`;

describe('sent-reply history (near-duplicate lookups)', () => {
  it('finds the stored reply a draft repeats, with its text and similarity, through the band index', async () => {
    const db = freshDb();
    await addSentReply(db, { id: 's1', at: NOW - DAY, host: 'gmail', text: macro('Tom', '55120') });
    await addSentReply(db, { id: 's2', at: NOW, host: 'gmail', text: 'Priya, the engineer is booked for 8am Thursday; I will call you at 7:45 to confirm he is on his way.' });
    const hit = await findSimilarSent(db, macro('Priya', '48213'));
    expect(hit?.id).toBe('s1');
    expect(hit?.similarity).toBeGreaterThanOrEqual(0.6);
    expect(hit?.text).toContain('dispatched with our courier partner');
    expect(await findSimilarSent(db, 'Thanks Priya, done: your refund of 42.10 went out today and should show by Friday at the latest.')).toBeNull();
  });

  it('stores band keys and the signature, and nothing to compare for replies too short to judge', async () => {
    const db = freshDb();
    const long = await addSentReply(db, { id: 'a', at: NOW, host: 'zendesk', text: macro('Sam', '1'), agent: 'Leo', customerId: 'c1' });
    expect(long.bands).toHaveLength(16);
    expect(long.signature).toHaveLength(64);
    const short = await addSentReply(db, { id: 'b', at: NOW, host: 'zendesk', text: 'Thanks, done.' });
    expect(short.bands).toEqual([]);
    expect(await findSimilarSent(db, 'Thanks, done.')).toBeNull();
  });

  it('prefers the most recent of equally similar replies and keeps at most 2,000 characters of text', async () => {
    const db = freshDb();
    await addSentReply(db, { id: 'old', at: NOW - 5 * DAY, host: 'gmail', text: macro('A', '1') });
    await addSentReply(db, { id: 'new', at: NOW, host: 'gmail', text: macro('B', '2') });
    expect((await findSimilarSent(db, macro('C', '3')))?.id).toBe('new');
    const big = await addSentReply(db, { id: 'big', at: NOW, host: 'gmail', text: 'word '.repeat(1000) });
    expect(big.text.length).toBe(2000);
  });
});

describe('Send anyway counts', () => {
  it('counts overrides per agent since a date, most first, with their most overridden rules', async () => {
    const db = freshDb();
    const o = (id: string, agent: string | undefined, at: number, rules: string[]) =>
      addOverride(db, { id, at, host: 'gmail', score: 70, rules, ...(agent ? { agent } : {}) });
    await o('1', 'Sam', NOW, ['stock-apology', 'no-next-step']);
    await o('2', 'Sam', NOW - DAY, ['stock-apology']);
    await o('3', 'Leo', NOW, ['near-duplicate']);
    await o('4', undefined, NOW, ['generic-greeting']);
    await o('5', 'Leo', NOW - 40 * DAY, ['old']);
    const stats = await overridesByAgent(db, NOW - 30 * DAY);
    expect(stats.map((s) => [s.agent, s.count])).toEqual([['Sam', 2], ['Leo', 1], ['Unknown agent', 1]]);
    expect(stats[0]!.topRules[0]).toBe('stock-apology');
    expect(stats[0]!.lastAt).toBe(NOW);
  });
});

describe('sent replies follow the privacy rules', () => {
  it('"forget this customer" erases replies sent to them, also under a record merged into theirs', async () => {
    const { upsertCustomer, forget } = await import('@/lib/db/repositories/customers');
    const db = freshDb();
    const keys = (o: { emails?: string[]; phones?: string[] }) => ({ emails: [], phones: [], accountIds: [], sourceKeys: [], ...o });
    const tx = <T>(fn: () => Promise<T>) => db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.contactBlocks], fn);
    const byEmail = await tx(() => upsertCustomer(db, keys({ emails: ['jane@x.example'] }), NOW));
    const byPhone = await tx(() => upsertCustomer(db, keys({ phones: ['+447700900001'] }), NOW + 1));
    await addSentReply(db, { id: 'to-email', at: NOW, host: 'gmail', text: macro('Jane', '1'), customerId: byEmail.id });
    await addSentReply(db, { id: 'to-phone', at: NOW, host: 'gmail', text: macro('Jane', '2'), customerId: byPhone.id });
    await addSentReply(db, { id: 'someone-else', at: NOW, host: 'gmail', text: macro('Tom', '3'), customerId: 'other' });
    const merged = await tx(() => upsertCustomer(db, keys({ emails: ['jane@x.example'], phones: ['+447700900001'] }), NOW + 2));
    await forget(db, merged.id);
    expect((await db.sentReplies.toArray()).map((r) => r.id)).toEqual(['someone-else']);
  });

  it('retention deletes sent replies and overrides older than the limit', async () => {
    const { applyRetention } = await import('@/lib/db/repositories/history');
    const db = freshDb();
    await addSentReply(db, { id: 'old', at: NOW - 400 * DAY, host: 'gmail', text: macro('A', '1') });
    await addSentReply(db, { id: 'new', at: NOW - DAY, host: 'gmail', text: macro('B', '2') });
    await addOverride(db, { id: 'o-old', at: NOW - 400 * DAY, host: 'gmail', score: 60, rules: [] });
    expect(await applyRetention(db, 365, NOW)).toBe(2);
    expect((await db.sentReplies.toArray()).map((r) => r.id)).toEqual(['new']);
    expect(await db.overrides.count()).toBe(0);
  });
});
