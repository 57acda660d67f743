import { test, expect, rapport } from '../support/test';
import { seedSample } from '../support/seed';
import { launcher, sentLog, sidebar } from '../support/sidebar';

const THREAD = (id: string) => `https://mail.google.com/mail/u/0/#inbox/${id}`;

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  // Nothing left the machine: every request went to a fixture host or the extension.
  expect(routing.blocked).toEqual([]);
});

test('shows the caller history for the customer of the open thread', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD('t1'));
  const bar = sidebar(page);
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await expect(bar.getByTestId('customer-since')).toHaveText(/customer since 19 February 2019 \(\d+ years\)/);
  await expect(bar.getByTestId('contacts-30')).toContainText('3 contacts in the last 30 days');
  await expect(bar.getByTestId('repeat-flag')).toBeVisible();
  const overdue = bar.getByTestId('promise').filter({ hasText: 'Courier to collect' });
  await expect(overdue).toHaveClass(/overdue/);
  await expect(overdue).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect(bar.getByTestId('latest-note')).toContainText('never came');
  await expect(bar.getByTestId('timeline-item')).toHaveCount(4);
  await expect(bar.getByTestId('timeline-item').first()).toContainText('Order 1042 arrived broken');
});

test('follows Gmail as the agent switches threads, without a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD('t1'));
  await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await page.getByRole('link', { name: /Invoice question/ }).click();
  // Not on record, and the name carries markup: shown as text, never as elements.
  const fresh = sidebar(page).getByTestId('new-customer');
  await expect(fresh).toContainText('Omar <b>Haddad</b><img src=x onerror=alert(1)>');
  expect(await sidebar(page).locator('img, b').count()).toBe(0);
  await page.getByRole('link', { name: /Newsletter/ }).click();
  await expect(sidebar(page).getByTestId('missing')).toContainText('could not find the customer’s email address');
  await expect(sidebar(page).getByRole('searchbox')).toBeVisible();
});

test('logs the reply as a contact when the agent sends, and the host sends it once', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD('t1'));
  await expect(sidebar(page).getByTestId('timeline-item')).toHaveCount(4);
  const editor = page.locator('[g_editable="true"]');
  await editor.click();
  await page.keyboard.type('Jane, the courier is booked for 9am Thursday and I will call you at 8:30.');
  await page.locator('div[role="button"][data-tooltip^="Send"]').click();
  await expect.poll(() => sentLog(page)).toEqual([{ to: 'Jane.Doe@gmail.com', body: 'Jane, the courier is booked for 9am Thursday and I will call you at 8:30.' }]);
  const items = sidebar(page).getByTestId('timeline-item');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText('the courier is booked for 9am Thursday');
  await expect(items.first()).toContainText('Order 1042 arrived broken');

  // Ctrl+Enter is a send too.
  await editor.click();
  await page.keyboard.type('Quick update: collected.');
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await sentLog(page)).length).toBe(2);
  await expect(items).toHaveCount(6);
});

test('adds a note, logs a call and searches customers', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD('t1'));
  const bar = sidebar(page);
  await bar.getByRole('textbox', { name: 'Add a note' }).fill('Prefers a call after 6pm.');
  await bar.getByRole('button', { name: 'Save note' }).click();
  await expect(bar.getByTestId('latest-note')).toContainText('Prefers a call after 6pm.');

  await bar.getByRole('button', { name: 'Log a call' }).click();
  await bar.getByRole('combobox', { name: 'Outcome' }).selectOption('voicemail');
  await bar.getByRole('textbox', { name: 'Summary' }).fill('Left a message about the courier.');
  await bar.getByRole('button', { name: 'Save call' }).click();
  await expect(bar.getByTestId('timeline-item').first()).toContainText('Left a message about the courier.');
  await expect(bar.getByTestId('timeline-item').first()).toContainText('voicemail');

  await bar.getByRole('searchbox').fill('priya');
  await bar.getByRole('button', { name: /Priya Natarajan/ }).click();
  await expect(bar.getByRole('heading', { name: 'Priya Natarajan' })).toBeVisible();
  await bar.getByRole('button', { name: /Back to the customer on this page/ }).click();
  await expect(bar.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
});

test('collapses to a launcher, remembers it for the site, and reopens by command', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(THREAD('t1'));
  await sidebar(page).getByRole('button', { name: /Hide Rapport/ }).click();
  await expect(sidebar(page)).toHaveCount(0);
  await expect(launcher(page)).toBeVisible();
  await page.reload();
  await expect(launcher(page)).toBeVisible();
  await expect(sidebar(page)).toHaveCount(0);
  // The keyboard shortcut arrives as the toggle-sidebar command; the background relays it.
  await serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
    await chrome.tabs.sendMessage(tab!.id!, { rapport: 'toggle-sidebar' });
  });
  await expect(sidebar(page)).toBeVisible();
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect((manifest.commands?.['toggle-sidebar']?.suggested_key as { default?: string } | undefined)?.default).toBe('Alt+Shift+R');
});

test('docks beside the composer instead of covering Send at 1280 px', async ({ context }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(THREAD('t1'));
  const bar = await sidebar(page).boundingBox();
  const send = await page.locator('div[role="button"][data-tooltip^="Send"]').boundingBox();
  const editor = await page.locator('[g_editable="true"]').boundingBox();
  expect(bar && send && editor).toBeTruthy();
  expect(send!.x + send!.width).toBeLessThanOrEqual(bar!.x);
  expect(editor!.x + editor!.width).toBeLessThanOrEqual(bar!.x);
  expect(editor!.width).toBeGreaterThan(400);
  // And the Send button is really clickable, not under an overlay.
  const topmost = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('data-tooltip'), [send!.x + send!.width / 2, send!.y + send!.height / 2]);
  expect(topmost).toMatch(/^Send/);
});

test('no customer data reaches the host page storage', async ({ context, extPage }) => {
  const page = await context.newPage();
  await page.goto(THREAD('t1'));
  await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  const pageDbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(pageDbs).toEqual([]);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('Jane');
  const stats = await rapport<{ customers: number }>(extPage, 'stats', {});
  expect(stats.customers).toBeGreaterThanOrEqual(20);
});
