/**
 * Never make the customer chase us: promises captured at Send, confirmed in the sidebar, listed
 * as follow-ups, reminded by an alarm that wakes a sleeping service worker; "they already told
 * us" warnings; escalation hints and the handoff note.
 */
import { test, expect, rapport } from '../support/test';
import { seedSample } from '../support/seed';
import { sentLog, sidebar } from '../support/sidebar';
import type { Page } from '@playwright/test';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/t1';
const editor = (page: Page) => page.locator('[g_editable="true"]');
const sendButton = (page: Page) => page.locator('div[role="button"][data-tooltip^="Send"]');

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

test('a promise in a sent reply is captured, confirmed in one click, shown in the header and listed as a follow-up', async ({ context, extPage, extensionId }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await editor(page).click();
  const reply = 'Jane, I am sorry the courier never came on Wednesday. I will call you back by 8pm tomorrow with a new collection slot.';
  await page.keyboard.type(reply);
  await sendButton(page).click();
  await expect.poll(() => sentLog(page)).toEqual([{ to: 'Jane.Doe@gmail.com', body: reply }]);

  await expect(bar.getByTestId('after-send')).toContainText('found 1 promise');
  const proposed = bar.getByTestId('proposed-promise');
  await expect(proposed).toHaveCount(1);
  await expect(proposed).toContainText('call you back by 8pm tomorrow');
  const tomorrow8pm = await page.evaluate(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 20, 0).getTime();
  });
  const stored = await rapport<Array<{ dueAt: number; status: string }>>(extPage, 'exportAll', {}).then((b) => (b as unknown as { tables: { promises: Array<{ dueAt: number; status: string }> } }).tables.promises);
  expect(stored.filter((p) => p.status === 'proposed').map((p) => p.dueAt)).toEqual([tomorrow8pm]);

  await proposed.getByRole('button', { name: 'Confirm' }).click();
  await expect(bar.getByTestId('proposed-promise')).toHaveCount(0);
  await expect(bar.getByTestId('promise').filter({ hasText: 'call you back by 8pm tomorrow' })).toContainText('Due ');

  // "My follow-ups" in the popup, across customers.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const item = popup.getByTestId('follow-up').filter({ hasText: 'call you back by 8pm tomorrow' });
  await expect(item).toContainText('Jane Doe');
});

test('a wrong capture is dismissed, and an edited one keeps the agent’s time', async ({ context, extPage }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await editor(page).click();
  await page.keyboard.type('Jane, you will have the replacement by Friday, and I will email the tracking number by 9am tomorrow.');
  await sendButton(page).click();
  const proposed = bar.getByTestId('proposed-promise');
  await expect(proposed).toHaveCount(2);
  await proposed.filter({ hasText: 'tracking' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(proposed).toHaveCount(1);
  await proposed.getByRole('button', { name: 'Edit' }).click();
  const edit = bar.getByTestId('edit-promise');
  await edit.getByLabel('Due').fill('2031-05-06T09:30');
  await edit.getByRole('button', { name: 'Save and confirm' }).click();
  await expect(bar.getByTestId('promise').filter({ hasText: 'replacement by Friday' })).toHaveCount(1);
  const backup = (await rapport(extPage, 'exportAll', {})) as { tables: { promises: Array<{ text: string; status: string; dueAt: number }> } };
  const byStatus = Object.fromEntries(backup.tables.promises.filter((p) => /replacement|tracking/.test(p.text)).map((p) => [p.status, p]));
  expect(Object.keys(byStatus).sort()).toEqual(['dismissed', 'open']);
  expect(byStatus.open!.dueAt).toBe(await page.evaluate(() => new Date(2031, 4, 6, 9, 30).getTime()));
});

test('the reminder alarm wakes a stopped service worker, which shows the reminder once', async ({ context, extPage }) => {
  const setLead = (minutes: number) => extPage.evaluate((m) => chrome.storage.local.set({ settings: { reminderLeadMinutes: m } }), minutes);
  test.setTimeout(90_000);
  // Only this promise's reminders: the sample customers have promises of their own.
  const notifications = () => extPage.evaluate(() => chrome.notifications.getAll()).then((all) => Object.keys(all).filter((id) => id.includes(p.id)));
  const alarmAt = () => extPage.evaluate(() => chrome.alarms.get('rapport-follow-ups').then((a) => a?.scheduledTime ?? null));

  await setLead(0);
  const customers = (await rapport(extPage, 'searchCustomers', { q: 'Jane' })) as Array<{ id: string }>;
  const dueAt = Date.now() + 10 * 60_000;
  const p = (await rapport(extPage, 'addPromise', { customerId: customers[0]!.id, text: 'Call Jane about the courier', dueAt })) as { id: string };
  // With no lead time the one alarm is aimed at the promised time.
  await expect.poll(alarmAt).toBe(dueAt);
  // The agent wants 15 minutes' warning; the reminder is now due, but the worker is about to sleep.
  await setLead(15);

  const cdp = await context.newCDPSession(extPage);
  const states: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => versions.forEach((v) => states.push(v.runningStatus)));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => states.at(-1), { timeout: 30_000 }).toBe('stopped');
  expect(await notifications()).toEqual([]);
  // The alarm fires while no worker runs (brought forward from the extension page, which wakes nothing).
  await extPage.evaluate(() => chrome.alarms.create('rapport-follow-ups', { when: Date.now() + 2_000 }));

  await expect.poll(notifications, { timeout: 30_000 }).toEqual([`rapport-follow-ups:${p.id}:due-soon`]);
  // Re-aimed at the overdue reminder; the due-soon one is recorded as shown, so a second wake shows nothing new.
  await expect.poll(alarmAt).toBe(dueAt);
  const backup = (await rapport(extPage, 'exportAll', {})) as { tables: { promises: Array<{ id: string; remindedAt?: number; overdueRemindedAt?: number }> } };
  const stored = backup.tables.promises.find((x) => x.id === p.id)!;
  expect(stored.remindedAt).toBeGreaterThan(0);
  expect(stored.overdueRemindedAt).toBeUndefined();
});

test('warns when the draft asks for something the customer already gave', async ({ context, extPage }) => {
  // An earlier reply in which Jane gave her order number and what she had tried.
  await rapport(extPage, 'logSentReply', {
    identity: { email: 'Jane.Doe@gmail.com', name: 'Jane Doe' },
    channel: 'email',
    host: 'gmail',
    body: 'Thanks Jane, looking into it.',
    customerMessage: 'My order number is 1042. I already restarted the phone twice.',
    sendId: 'earlier-1',
  });
  const page = await context.newPage();
  await page.goto(THREAD);
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await editor(page).click();
  await page.keyboard.type('Hi Jane, could you send me your order number so I can check?');
  const told = bar.getByTestId('told-us');
  await expect(told.locator('[data-kind="order-number"]')).toContainText(/order number/i);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Hi Jane, I have found order 1042 and booked a new courier for 9am Thursday.');
  await expect(told).toHaveCount(0);
});

test('the guide’s escalation hint shows with who to hand off to, and the handoff note is saved on the record', async ({ context, extPage }) => {
  const guide = {
    schemaVersion: 2,
    name: 'Support team',
    avoid: [],
    prefer: [],
    escalations: [{ id: 'repeat-courier', when: { words: ['courier', 'ombudsman'] }, message: 'A delivery failed more than once: own it and escalate.', handoffTo: 'Logistics desk' }],
  };
  await setLocalGuide(extPage, guide);
  const page = await context.newPage();
  await page.goto(THREAD);
  const bar = sidebar(page);
  // Three earlier contacts about order 1042 in the sample history (two "arrived broken", one "delivery
  // delayed"), all within 30 days; the address change 200 days ago is neither recent nor the same issue.
  await expect(bar.getByTestId('issue-repeat')).toHaveText('4th contact about this issue in 30 days');
  const banner = bar.getByTestId('escalation');
  await expect(banner).toContainText('A delivery failed more than once');
  await expect(banner).toContainText('Logistics desk');
  await expect(banner).toContainText('“courier”');
  await banner.getByRole('button', { name: 'Write handoff note' }).click();
  const note = bar.getByTestId('handoff-text');
  await expect(note).toContainText('Issue:');
  await expect(note).toContainText('courier');
  await bar.getByTestId('handoff').getByRole('button', { name: 'Save to record' }).click();
  await expect(bar.getByTestId('handoff').getByRole('status')).toContainText('Saved');
  const backup = (await rapport(extPage, 'exportAll', {})) as { tables: { notes: Array<{ kind?: string; text: string }> } };
  const saved = backup.tables.notes.filter((n) => n.kind === 'handoff');
  expect(saved).toHaveLength(1);
  expect(saved[0]!.text).toMatch(/^Issue: .*courier/m);
  expect(saved[0]!.text).toMatch(/^Open promises:/m);
  expect(saved[0]!.text).toMatch(/OVERDUE.*Courier to collect/);
  expect(saved[0]!.text).toMatch(/^Preferences:[\s\S]*email/im);
});

/** The guide a lead saved in the options page (lib/settings/guide.ts keeps it as JSON text). */
async function setLocalGuide(extPage: Page, guide: unknown) {
  await extPage.evaluate((text) => chrome.storage.local.set({ 'guide.local': text }), JSON.stringify(guide));
}
