/**
 * Follow-up reminders. One alarm, always set to the next reminder that is due: Chrome keeps
 * alarms while the service worker sleeps and wakes it to fire them, whereas a timer would die
 * with the worker. Which reminders have been shown lives in IndexedDB (promise records), so a
 * worker that is woken twice, or restarted, never shows one twice and never forgets one.
 */
import type { AppDB } from '@/lib/db/app-db';
import { nextReminderAt, takeDueReminders, type Reminder } from '@/lib/db/repositories/promises';
import { formatDateTime } from '@/lib/utils/format';

export const REMINDER_ALARM = 'rapport-follow-ups';

/** The parts of chrome.alarms / chrome.notifications this module uses (tests pass fakes). */
export interface ReminderApis {
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean> | void;
  };
  notify(id: string, n: { title: string; message: string; contextMessage?: string }): Promise<unknown> | void;
}

export interface ReminderDeps {
  db: AppDB;
  apis: ReminderApis;
  now: () => number;
  leadMinutes: () => Promise<number>;
  customerName: (customerId: string) => Promise<string | undefined>;
}

export function reminderText(r: Reminder, name: string | undefined, now: number): { title: string; message: string; contextMessage: string } {
  const who = name || 'a customer';
  const mins = Math.max(0, Math.round((r.promise.dueAt - now) / 60_000));
  const title = r.kind === 'overdue' ? `Overdue: your promise to ${who}` : `Due in ${mins < 60 ? `${mins} min` : `${Math.round(mins / 60)} h`}: your promise to ${who}`;
  return { title, message: r.promise.text, contextMessage: `Due ${formatDateTime(r.promise.dueAt)}` };
}

/** Shows every reminder that is due, then sets the alarm for the next one. */
export async function runReminders(deps: ReminderDeps): Promise<Reminder[]> {
  const now = deps.now();
  const leadMs = (await deps.leadMinutes()) * 60_000;
  const due = await takeDueReminders(deps.db, now, leadMs);
  for (const r of due) {
    const name = await deps.customerName(r.promise.customerId).catch(() => undefined);
    // A failed notification must not stop the others, nor the rescheduling below.
    try {
      await deps.apis.notify(`${REMINDER_ALARM}:${r.promise.id}:${r.kind}`, reminderText(r, name, now));
    } catch (e) {
      console.warn('[Rapport] reminder not shown:', e);
    }
  }
  await scheduleNextReminder(deps);
  return due;
}

/** Point the alarm at the next reminder (or clear it). Call after any change to promises. */
export async function scheduleNextReminder(deps: Pick<ReminderDeps, 'db' | 'apis' | 'now' | 'leadMinutes'>): Promise<number | null> {
  const next = await nextReminderAt(deps.db, (await deps.leadMinutes()) * 60_000);
  if (next === null) {
    await deps.apis.alarms.clear(REMINDER_ALARM);
    return null;
  }
  // An alarm in the past fires at once; Chrome rounds very near alarms up, which only delays by seconds.
  const when = Math.max(next, deps.now() + 1_000);
  await deps.apis.alarms.create(REMINDER_ALARM, { when });
  return when;
}
