import { describe, expect, it } from 'vitest';
import { findCandidates, forget, search, selectCandidates, undoMerge, upsertCustomer, upsertMany, mergesOf, type CandidateStrategy } from '@/lib/db/repositories/customers';
import { addInteraction, addNote, addPromise, applyRetention, customerView } from '@/lib/db/repositories/history';
import { DAY, NOW, freshDb } from './helpers';

const tx = <T>(db: ReturnType<typeof freshDb>, fn: () => Promise<T>) =>
  db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.contactBlocks], fn);

const keys = (o: { emails?: string[]; phones?: string[]; sourceKeys?: string[]; name?: string; since?: string }) => ({
  emails: [], phones: [], accountIds: [], sourceKeys: [], ...o,
});

describe('customer identity', () => {
  it('creates once and then updates the same record', async () => {
    const db = freshDb();
    const a = await tx(db, () => upsertCustomer(db, keys({ emails: ['jane@x.example'], name: 'Jane' }), NOW));
    const b = await tx(db, () => upsertCustomer(db, keys({ emails: ['jane@x.example'], phones: ['+447700900001'] }), NOW + 1));
    expect(b.id).toBe(a.id);
    expect(b.phones).toEqual(['+447700900001']);
    expect(b.name).toBe('Jane');
    expect(await db.customers.count()).toBe(1);
  });

  it('merges records that share an email or phone, keeps the oldest, and moves their history', async () => {
    const db = freshDb();
    const byEmail = await tx(db, () => upsertCustomer(db, keys({ emails: ['jane@x.example'], name: 'Jane Doe', since: '2019-02-19' }), NOW));
    const byPhone = await tx(db, () => upsertCustomer(db, keys({ phones: ['+447700900001'], name: 'J. Doe' }), NOW + 1));
    await addInteraction(db, { customerId: byPhone.id, channel: 'phone', at: NOW, sourceKey: 'k1', origin: 'call-log' });
    await addNote(db, { customerId: byPhone.id, at: NOW, text: 'called' });
    const merged = await tx(db, () => upsertCustomer(db, keys({ emails: ['jane@x.example'], phones: ['+447700900001'] }), NOW + 2));
    expect(merged.id).toBe(byEmail.id);
    expect(await db.customers.count()).toBe(1);
    expect(merged.phones).toContain('+447700900001');
    const view = await customerView(db, merged.id, NOW + 3);
    expect(view?.totalContacts).toBe(1);
    expect(view?.latestNotes[0]?.text).toBe('called');
    expect(view?.activeMerges).toBe(1);
  });

  it('undoes a wrong merge exactly and does not merge the two again', async () => {
    const db = freshDb();
    const a = await tx(db, () => upsertCustomer(db, keys({ emails: ['a@x.example'], name: 'Ann', since: '2020-01-01' }), NOW));
    const b = await tx(db, () => upsertCustomer(db, keys({ phones: ['+15555550100'], name: 'Bob' }), NOW + 1));
    const bCall = await addInteraction(db, { customerId: b.id, channel: 'phone', at: NOW, sourceKey: 'b1', origin: 'call-log' });
    await tx(db, () => upsertCustomer(db, keys({ emails: ['a@x.example'], phones: ['+15555550100'] }), NOW + 2));
    const [merge] = await mergesOf(db, a.id);
    expect(merge).toBeDefined();
    await undoMerge(db, merge!.id, NOW + 3);
    const restoredA = await db.customers.get(a.id);
    const restoredB = await db.customers.get(b.id);
    expect(restoredA?.phones).toEqual([]);
    expect(restoredA?.name).toBe('Ann');
    expect(restoredB?.phones).toEqual(['+15555550100']);
    expect((await db.interactions.get(bCall.id))?.customerId).toBe(b.id);
    // The same evidence arrives again: the two stay apart.
    await tx(db, () => upsertCustomer(db, keys({ emails: ['a@x.example'], phones: ['+15555550100'] }), NOW + 4));
    expect(await db.customers.count()).toBe(2);
    await expect(undoMerge(db, merge!.id, NOW + 5)).rejects.toThrow(/already undone/);
  });

  it('creates a customer known only by an account id', async () => {
    const db = freshDb();
    const c = await tx(db, () => upsertCustomer(db, { ...keys({ name: 'Cat' }), accountIds: ['ACME-1'] }, NOW));
    expect(await db.customers.get(c.id)).toMatchObject({ name: 'Cat', accountIds: ['ACME-1'] });
  });

  it('handles a batch in which later rows join earlier new customers', async () => {
    const db = freshDb();
    const res = await tx(db, () =>
      upsertMany(db, [keys({ emails: ['x@y.example'] }), keys({ phones: ['+447700900002'] }), keys({ emails: ['x@y.example'], phones: ['+447700900002'] })], NOW),
    );
    expect(new Set(res.ids).size).toBe(1);
    expect(await db.customers.count()).toBe(1);
    expect(res.merges).toBe(1);
  });
});

describe('finding a batch\'s customers by reading the whole table', () => {
  /** Ann (source id + email), Ben (phone), Cat (account only), and Dan/Eve split apart by an undone merge. */
  async function seeded() {
    const db = freshDb();
    const ann = await tx(db, () => upsertCustomer(db, keys({ sourceKeys: ['src:A'], emails: ['ann@x.example'], name: 'Ann' }), NOW));
    const ben = await tx(db, () => upsertCustomer(db, keys({ phones: ['+447700900010'], name: 'Ben' }), NOW));
    const cat = await tx(db, () => upsertCustomer(db, { ...keys({ name: 'Cat' }), accountIds: ['ACME-1'] }, NOW));
    const dan = await tx(db, () => upsertCustomer(db, keys({ emails: ['dan@x.example'], name: 'Dan' }), NOW));
    const eve = await tx(db, () => upsertCustomer(db, keys({ phones: ['+447700900020'], name: 'Eve' }), NOW + 1));
    await tx(db, () => upsertCustomer(db, keys({ emails: ['dan@x.example'], phones: ['+447700900020'] }), NOW + 2));
    await undoMerge(db, (await mergesOf(db, dan.id))[0]!.id, NOW + 3);
    return { db, ann, ben, cat, dan, eve };
  }

  it('picks the same customers as the index lookups, key set by key set', async () => {
    const { db } = await seeded();
    const all = await db.customers.toArray();
    const sets = [
      keys({ sourceKeys: ['src:A'] }),
      keys({ sourceKeys: ['src:A'], emails: ['ann@x.example'], phones: ['+447700900010'] }),
      keys({ emails: ['nobody@x.example'] }),
      { ...keys({}), accountIds: ['ACME-1'] },
      { ...keys({ emails: ['ann@x.example'] }), accountIds: ['ACME-1'] },
      keys({ emails: ['dan@x.example'], phones: ['+447700900020', '+447700900010'] }),
    ];
    for (const k of sets) {
      const viaIndex = (await tx(db, () => findCandidates(db, k))).map((c) => c.id).sort();
      expect(selectCandidates(all, k).map((c) => c.id).sort()).toEqual(viaIndex);
    }
    expect(selectCandidates(all, sets[1]!)).toHaveLength(2);
    expect(selectCandidates(all, sets[4]!)).toHaveLength(1);
  });

  it.each<CandidateStrategy>(['scan', 'index', 'auto'])('upserts a batch the same way with %s lookups: merges, keeps apart, creates', async (candidates) => {
    const { db, ann, ben, dan, eve } = await seeded();
    const batch = [
      keys({ sourceKeys: ['src:A'], phones: ['+447700900010'] }), // Ann and Ben share evidence: they merge into Ann.
      keys({ emails: ['dan@x.example'], phones: ['+447700900020'] }), // Dan and Eve were split apart: they stay so.
      keys({ emails: ['new@x.example'], name: 'Nia' }),
      keys({ emails: ['new@x.example'] }),
    ];
    const res = await tx(db, () => upsertMany(db, batch, NOW + 10, { candidates }));
    expect(res.ids[0]).toBe(ann.id);
    expect(await db.customers.get(ben.id)).toBeUndefined();
    expect((await db.customers.get(ann.id))?.phones).toEqual(['+447700900010']);
    expect([dan.id, eve.id]).toContain(res.ids[1]);
    expect(await db.customers.get(dan.id)).toBeDefined();
    expect(await db.customers.get(eve.id)).toBeDefined();
    expect(res.ids[2]).toBe(res.ids[3]);
    expect(res).toMatchObject({ created: 1, merges: 1 });
    expect((await mergesOf(db, ann.id)).map((m) => m.absorbed.id)).toEqual([ben.id]);
    expect(await db.customers.count()).toBe(5);
  });
});

describe('search', () => {
  it('finds by name prefix, email, phone and ticket id', async () => {
    const db = freshDb();
    const c = await tx(db, () => upsertCustomer(db, keys({ emails: ['priya@n.example'], phones: ['+447700900123'], name: 'Priya Natarajan' }), NOW));
    await tx(db, () => upsertCustomer(db, keys({ emails: ['other@n.example'], name: 'Omar Haddad' }), NOW));
    await addInteraction(db, { customerId: c.id, channel: 'ticket', at: NOW, ticketId: '123', sourceKey: 't', origin: 'import' });
    const ids = async (q: string, email: string | null = null, phone: string | null = null) => (await search(db, q, { email, phone })).map((x) => x.name);
    expect(await ids('nata')).toEqual(['Priya Natarajan']);
    expect(await ids('priya nat')).toEqual(['Priya Natarajan']);
    expect(await ids('priya@n.example', 'priya@n.example')).toEqual(['Priya Natarajan']);
    expect(await ids('07700 900123', null, '+447700900123')).toEqual(['Priya Natarajan']);
    expect(await ids('#123')).toEqual(['Priya Natarajan']);
    expect(await ids('zzz')).toEqual([]);
  });
});

describe('customer view', () => {
  it('counts contacts in the last 30 days, flags repeats at 3, marks overdue promises', async () => {
    const db = freshDb();
    const c = await tx(db, () => upsertCustomer(db, keys({ emails: ['r@x.example'], name: 'Rita' }), NOW));
    for (const [i, days] of [1, 10, 29, 31, 400].entries()) {
      await addInteraction(db, { customerId: c.id, channel: 'email', at: NOW - days * DAY, sourceKey: `k${i}`, origin: 'import' });
    }
    await addPromise(db, { customerId: c.id, text: 'call back', dueAt: NOW - DAY, status: 'open', createdAt: NOW - 2 * DAY });
    await addPromise(db, { customerId: c.id, text: 'refund', dueAt: NOW + DAY, status: 'open', createdAt: NOW - 2 * DAY });
    await addPromise(db, { customerId: c.id, text: 'done one', dueAt: NOW - DAY, status: 'kept', createdAt: NOW - 2 * DAY });
    const view = await customerView(db, c.id, NOW);
    expect(view?.contactsLast30Days).toBe(3);
    expect(view?.repeatContact).toBe(true);
    expect(view?.timeline.map((i) => i.at)).toEqual([...view!.timeline.map((i) => i.at)].sort((a, b) => b - a));
    expect(view?.openPromises.map((p) => [p.text, p.overdue])).toEqual(expect.arrayContaining([['call back', true], ['refund', false]]));
    expect(view?.openPromises).toHaveLength(2);
    const two = await customerView(db, c.id, NOW + 25 * DAY);
    expect(two?.repeatContact).toBe(false);
  });
});

describe('retention and forgetting', () => {
  it('deletes only contacts older than the retention period', async () => {
    const db = freshDb();
    const c = await tx(db, () => upsertCustomer(db, keys({ emails: ['r@x.example'] }), NOW));
    await addInteraction(db, { customerId: c.id, channel: 'email', at: NOW - 366 * DAY, sourceKey: 'old', origin: 'import' });
    await addInteraction(db, { customerId: c.id, channel: 'email', at: NOW - 364 * DAY, sourceKey: 'new', origin: 'import' });
    expect(await applyRetention(db, 365, NOW)).toBe(1);
    expect((await db.interactions.toArray()).map((i) => i.sourceKey)).toEqual(['new']);
  });

  it('forgets every trace of a customer, merge snapshots included', async () => {
    const db = freshDb();
    const a = await tx(db, () => upsertCustomer(db, keys({ emails: ['gone@x.example'], name: 'Gone' }), NOW));
    await tx(db, () => upsertCustomer(db, keys({ phones: ['+447700900003'] }), NOW + 1));
    await tx(db, () => upsertCustomer(db, keys({ emails: ['gone@x.example'], phones: ['+447700900003'] }), NOW + 2));
    await addInteraction(db, { customerId: a.id, channel: 'email', at: NOW, sourceKey: 'x', origin: 'import' });
    await addNote(db, { customerId: a.id, at: NOW, text: 'secret' });
    await addPromise(db, { customerId: a.id, text: 'p', dueAt: NOW, status: 'open', createdAt: NOW });
    const other = await tx(db, () => upsertCustomer(db, keys({ emails: ['keep@x.example'] }), NOW));
    await forget(db, a.id);
    expect(await db.customers.toArray()).toEqual([expect.objectContaining({ id: other.id })]);
    expect(await db.interactions.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
    expect(await db.promises.count()).toBe(0);
    expect(await db.merges.count()).toBe(0);
    expect(JSON.stringify(await db.merges.toArray())).not.toContain('gone@x.example');
  });
});
