import { describe, expect, it, vi } from 'vitest';
import { AppDB } from '@/lib/db/app-db';
import { captureProposed, confirmPromise, followUps, proposedFor } from '@/lib/db/repositories/promises';
import { REMINDER_ALARM, runReminders, scheduleNextReminder, type ReminderDeps } from '@/lib/background/reminders';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

async function setup() {
  const db = new AppDB(`test-${crypto.randomUUID()}`);
  await db.customers.bulkAdd(
    ['c1', 'c2'].map((id, i) => ({ id, name: i ? 'Bo Lind' : 'Ada Park', emails: [], phones: [], accountIds: [], sourceKeys: [], nameTokens: [], createdAt: 0, updatedAt: 0 })),
  );
  let clock = NOW;
  const alarms = new Map<string, number>();
  const shown: Array<{ id: string; title: string; message: string }> = [];
  const deps: ReminderDeps = {
    db,
    now: () => clock,
    leadMinutes: async () => 30,
    customerName: async (id) => (await db.customers.get(id))?.name,
    apis: {
      alarms: {
        create: (name, { when }) => void alarms.set(name, when),
        clear: (name) => void alarms.delete(name),
      },
      notify: (id, n) => void shown.push({ id, ...n }),
    },
  };
  return { db, deps, alarms, shown, tick: (to: number) => (clock = to) };
}

describe('captured promises', () => {
  it('are stored once per sent reply, as proposed, and only confirmed ones are followed up', async () => {
    const { db } = await setup();
    const found = [{ text: 'I will call you back by 8pm', dueAt: NOW + 8 * 60 * MIN }, { text: 'refund within 5 business days', dueAt: NOW + 7 * 24 * 60 * MIN, ambiguous: 'read 03/04 as 3 April' }];
    await captureProposed(db, 'c1', found, { sourceKey: 'sent:gmail:1', now: NOW });
    await captureProposed(db, 'c1', found, { sourceKey: 'sent:gmail:1', now: NOW }); // a retried message
    const proposed = await proposedFor(db, 'c1');
    expect(proposed.map((p) => p.text)).toEqual(['I will call you back by 8pm', 'refund within 5 business days']);
    expect(await followUps(db, NOW)).toEqual([]);

    const edited = await confirmPromise(db, proposed[1]!.id, { dueAt: NOW + 60 * MIN });
    expect(edited).toMatchObject({ status: 'open', dueAt: NOW + 60 * MIN });
    expect(edited.ambiguous).toBeUndefined();
    expect((await proposedFor(db, 'c1')).length).toBe(1);
    await expect(confirmPromise(db, 'nope', {})).rejects.toThrow(/no longer exists/);
  });

  it('lists follow-ups across customers, overdue first, with names and only the agent’s own', async () => {
    const { db } = await setup();
    await db.promises.bulkAdd([
      { id: 'a', customerId: 'c1', text: 'call back', dueAt: NOW + 60 * MIN, status: 'open', createdAt: 0, agent: 'Sam' },
      { id: 'b', customerId: 'c2', text: 'send label', dueAt: NOW - 120 * MIN, status: 'open', createdAt: 0, agent: 'Sam' },
      { id: 'c', customerId: 'c2', text: 'other agent', dueAt: NOW - 500 * MIN, status: 'open', createdAt: 0, agent: 'Kim' },
      { id: 'd', customerId: 'c1', text: 'kept one', dueAt: NOW - 10 * MIN, status: 'kept', createdAt: 0 },
    ]);
    const mine = await followUps(db, NOW, 'Sam');
    expect(mine.map((f) => [f.id, f.customerName, f.overdue])).toEqual([['b', 'Bo Lind', true], ['a', 'Ada Park', false]]);
    expect((await followUps(db, NOW)).map((f) => f.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('reminders', () => {
  it('aim one alarm at the next reminder and show each reminder exactly once', async () => {
    const { db, deps, alarms, shown, tick } = await setup();
    await db.promises.add({ id: 'p', customerId: 'c1', text: 'I will call you by 8pm', dueAt: NOW + 120 * MIN, status: 'open', createdAt: NOW });
    expect(await scheduleNextReminder(deps)).toBe(NOW + 90 * MIN);
    expect(alarms.get(REMINDER_ALARM)).toBe(NOW + 90 * MIN);

    // The worker wakes early (another alarm): nothing is due yet.
    tick(NOW + 30 * MIN);
    expect(await runReminders(deps)).toEqual([]);

    tick(NOW + 91 * MIN);
    const soon = await runReminders(deps);
    expect(soon.map((r) => r.kind)).toEqual(['due-soon']);
    expect(shown[0]).toMatchObject({ title: 'Due in 29 min: your promise to Ada Park', message: 'I will call you by 8pm' });
    expect(alarms.get(REMINDER_ALARM)).toBe(NOW + 120 * MIN);
    // Woken twice for the same alarm: shown once.
    expect(await runReminders(deps)).toEqual([]);

    tick(NOW + 121 * MIN);
    expect((await runReminders(deps)).map((r) => r.kind)).toEqual(['overdue']);
    expect(shown.map((s) => s.title)).toEqual(['Due in 29 min: your promise to Ada Park', 'Overdue: your promise to Ada Park']);
    expect(alarms.has(REMINDER_ALARM)).toBe(false);
  });

  it('skip straight to overdue for a promise confirmed after its time, and ignore closed ones', async () => {
    const { db, deps, shown } = await setup();
    await db.promises.bulkAdd([
      { id: 'late', customerId: 'c2', text: 'late one', dueAt: NOW - MIN, status: 'open', createdAt: NOW },
      { id: 'kept', customerId: 'c2', text: 'kept one', dueAt: NOW - MIN, status: 'kept', createdAt: NOW },
      { id: 'prop', customerId: 'c2', text: 'proposed one', dueAt: NOW - MIN, status: 'proposed', createdAt: NOW },
    ]);
    const due = await runReminders(deps);
    expect(due.map((r) => [r.promise.id, r.kind])).toEqual([['late', 'overdue']]);
    expect(shown).toHaveLength(1);
    expect(await runReminders(deps)).toEqual([]);
  });

  it('do not pop up promises missed more than a day ago (a restored backup), but still list them', async () => {
    const { db, deps, shown } = await setup();
    await db.promises.add({ id: 'old', customerId: 'c1', text: 'old one', dueAt: NOW - 3 * 24 * 60 * MIN, status: 'open', createdAt: 0 });
    expect(await runReminders(deps)).toEqual([]);
    expect(shown).toEqual([]);
    expect((await db.promises.get('old'))?.overdueRemindedAt).toBe(NOW);
    expect((await followUps(db, NOW)).map((f) => [f.id, f.overdue])).toEqual([['old', true]]);
  });

  it('keep going when a notification fails', async () => {
    const { db, deps } = await setup();
    await db.promises.bulkAdd([
      { id: 'x', customerId: 'c1', text: 'one', dueAt: NOW - MIN, status: 'open', createdAt: NOW },
      { id: 'y', customerId: 'c1', text: 'two', dueAt: NOW + 500 * MIN, status: 'open', createdAt: NOW },
    ]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing: ReminderDeps = { ...deps, apis: { ...deps.apis, notify: () => Promise.reject(new Error('no notifications')) } };
    expect((await runReminders(failing)).map((r) => r.promise.id)).toEqual(['x']);
    expect(warn).toHaveBeenCalled();
    // The next alarm is still set, for y's due-soon reminder.
    expect(await scheduleNextReminder(deps)).toBe(NOW + 470 * MIN);
    warn.mockRestore();
  });
});
