/**
 * The canned-reply check at Send on a real reply (no test switch): the dialog explains why,
 * "Send anyway" sends once and is counted for the team lead; a reply that repeats one already
 * sent is flagged while it is written, naming the earlier reply.
 */
import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { sentLog, sidebar } from '../support/sidebar';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/t1';
const CANNED = 'Dear Customer, we apologize for any inconvenience caused. Your concern has been forwarded to the relevant department. Please do not hesitate to contact us.';

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

test('a canned reply is held with its reasons; Send anyway sends it once and the team lead sees the override', async ({ context, extPage }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await page.locator('[g_editable="true"]').click();
  await page.keyboard.type(CANNED);
  await expect(sidebar(page).getByTestId('verdict')).toContainText('Sounds canned');
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('alertdialog', { name: /canned/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-rule="stock-apology"]')).toContainText('we apologize for any inconvenience');
  // Focus starts on the safe choice: an accidental Enter edits, it does not send.
  await expect(dialog.getByRole('button', { name: 'Edit reply' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Send anyway' }).click();
  await expect.poll(() => sentLog(page)).toHaveLength(1);
  await page.waitForTimeout(300);
  expect((await sentLog(page)).map((s) => s.body)).toEqual([CANNED]);

  await extPage.reload();
  const table = extPage.getByTestId('overrides');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('stock-apology');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('1');
});

test('a reply that repeats one already sent is flagged as the agent writes, naming the earlier reply', async ({ context }) => {
  const first = 'Jane, I have booked the courier to collect the broken order 1042 on Thursday between 9am and 1pm, and I will email you the collection reference by 5pm today.';
  const again = 'Jane, I have booked the courier to collect the broken order 1043 on Friday between 9am and 1pm, and I will email you the collection reference by 5pm today.';
  const page = await context.newPage();
  await page.goto(THREAD);
  await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  const editor = page.locator('[g_editable="true"]');
  await editor.click();
  await page.keyboard.type(first);
  await expect(sidebar(page).getByTestId('verdict')).toContainText('Reads personal');
  await page.locator('div[role="button"][data-tooltip^="Send"]').click();
  await expect.poll(() => sentLog(page)).toHaveLength(1);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await editor.click();
  await page.keyboard.type(again);
  const finding = sidebar(page).locator('[data-rule="near-duplicate"]');
  await expect(finding).toContainText('Reads like reply sent');
  await expect(finding).toContainText('Jane, I have booked the courier');
  await expect(finding).toContainText('% the same wording');
});

test('a one-click fix replaces the flagged words in the editor; Ctrl+Z brings them back', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await page.locator('[g_editable="true"]').click();
  await page.keyboard.type('Dear Customer, the courier collects order 1042 on Thursday before noon.');
  const text = () => page.evaluate(() => (window as unknown as { __fixture: { text(): string } }).__fixture.text());
  const apply = sidebar(page).locator('[data-rule="generic-greeting"]').getByRole('button', { name: /Replace “Dear Customer.*” with “Hi Jane”/ });
  await apply.click();
  await expect.poll(text).toMatch(/^Hi Jane,? the courier collects order 1042/);
  await page.keyboard.press('Control+z');
  await expect.poll(text).toBe('Dear Customer, the courier collects order 1042 on Thursday before noon.');
});
