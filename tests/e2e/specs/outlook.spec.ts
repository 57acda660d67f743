import type { Page } from '@playwright/test';
import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { sentLog, sidebar } from '../support/sidebar';

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

/** Marks the document so a test can tell an SPA navigation from a reload. */
const markDocument = (page: Page) => page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test('follows Outlook to another conversation without a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://outlook.office.com/mail/inbox/id/AAQkJane1');
  await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await markDocument(page);
  await page.getByRole('option', { name: /Router keeps dropping/ }).click();
  await expect(page).toHaveURL(/\/mail\/inbox\/id\/AAQkPriya2$/);
  await expect(sidebar(page).getByRole('heading', { name: 'Priya Natarajan' })).toBeVisible();
  expect(await sameDocument(page)).toBe(true);
});

test('two composers: the one the agent works in decides the customer shown and logged', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://outlook.live.com/mail/0/inbox/id/AQQkJane1');
  const bar = sidebar(page);
  const popout = page.locator('.compose[data-app-section="Form_Content"]');
  const inline = page.locator('#ReadingPaneContainerId .compose');
  // The popped-out reply has the caret when the page opens.
  await expect(bar.getByRole('heading', { name: 'Diego Fernández' })).toBeVisible();
  await popout.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('Diego, a new SIM goes out today.');

  await inline.getByRole('textbox', { name: 'Message body' }).click();
  await expect(bar.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  const janeBefore = await bar.getByTestId('timeline-item').count();
  await page.keyboard.type('Jane, the courier comes tomorrow before noon.');
  await inline.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => sentLog(page)).toEqual([{ to: 'Jane Doe <janedoe@gmail.com>', body: 'Jane, the courier comes tomorrow before noon.' }]);
  // Logged for Jane, and Diego's draft is untouched.
  await expect(bar.getByTestId('timeline-item')).toHaveCount(janeBefore + 1);
  await expect(bar.getByTestId('timeline-item').first()).toContainText('the courier comes tomorrow');
  await expect(popout.getByRole('textbox', { name: 'Message body' })).toHaveText('Diego, a new SIM goes out today.');

  await popout.getByRole('textbox', { name: 'Message body' }).click();
  await expect(bar.getByRole('heading', { name: 'Diego Fernández' })).toBeVisible();
});
