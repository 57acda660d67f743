/**
 * The toolbar popup: per-site on/off (stored per hostname), which takes the sidebar off an open
 * tab and brings it back without a reload; Show/hide sends the toggle the toolbar click used to.
 */
import type { Page } from '@playwright/test';
import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { launcher, sidebar } from '../support/sidebar';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/t1';

const tabIdOf = (extPage: Page, url: string) =>
  extPage.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);

test('switching a site off in the popup removes the sidebar from its open tab; on brings it back', async ({ context, extPage, extensionId, routing }) => {
  void routing;
  await seedSample(extPage);
  const gmail = await context.newPage();
  await gmail.goto(THREAD);
  await expect(sidebar(gmail).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();

  const tabId = await tabIdOf(extPage, 'https://mail.google.com/*');
  expect(tabId).toBeDefined();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByTestId('popup-site')).toHaveText('mail.google.com');
  await expect(popup.getByTestId('popup-status')).toHaveText('Built-in: Gmail');
  const onOff = popup.getByRole('switch', { name: 'Rapport on this site' });
  await expect(onOff).toBeChecked();

  await onOff.uncheck();
  await expect(sidebar(gmail)).toHaveCount(0);
  await expect(launcher(gmail)).toHaveCount(0);
  await expect(gmail.locator('[data-rapport-ui="sidebar"]')).toHaveCount(0);
  // Undocked: the host page gets its full width back.
  expect(await gmail.evaluate(() => document.documentElement.classList.contains('rapport-docked'))).toBe(false);
  await expect(popup.getByRole('button', { name: 'Show/hide sidebar' })).toBeDisabled();

  // Stays off across a reload, and comes back on without one.
  await gmail.reload();
  await gmail.waitForTimeout(500);
  await expect(gmail.locator('[data-rapport-ui="sidebar"]')).toHaveCount(0);
  await onOff.check();
  await expect(sidebar(gmail).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  expect(await gmail.evaluate(() => document.documentElement.classList.contains('rapport-docked'))).toBe(true);

  // Show/hide from the popup: the toolbar button's old job.
  await popup.getByRole('button', { name: 'Show/hide sidebar' }).click();
  await expect(sidebar(gmail)).toHaveCount(0);
  await expect(launcher(gmail)).toBeVisible();
  await popup.getByRole('button', { name: 'Show/hide sidebar' }).click();
  await expect(sidebar(gmail)).toBeVisible();
});

test("a team guide's off switch wins: the popup shows it locked and the sidebar stays away", async ({ context, extPage, extensionId, routing }) => {
  void routing;
  await seedSample(extPage);
  const gmail = await context.newPage();
  await gmail.goto(THREAD);
  await expect(sidebar(gmail)).toBeVisible();
  await extPage.evaluate(
    (text) => chrome.storage.local.set({ 'guide.local': text }),
    JSON.stringify({ schemaVersion: 2, name: 'Lead says no', avoid: [], prefer: [], sites: { gmail: { enabled: false } } }),
  );
  await expect(gmail.locator('[data-rapport-ui="sidebar"]')).toHaveCount(0);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(extPage, 'https://mail.google.com/*')}`);
  await expect(popup.getByRole('switch', { name: 'Rapport on this site' })).toBeDisabled();
  await expect(popup.getByRole('switch', { name: 'Rapport on this site' })).not.toBeChecked();
  await expect(popup.getByText('Your team guide turns Rapport off here')).toBeVisible();
});

test('an unsupported page: the popup says so and offers the options page', async ({ context, extPage, extensionId }) => {
  const popup = await context.newPage();
  // The options tab itself stands in for any page Rapport does not run on.
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await extPage.evaluate(async () => (await chrome.tabs.getCurrent())?.id)}`);
  await expect(popup.getByTestId('popup-status')).toHaveText('Rapport doesn’t run on this site.');
  await expect(popup.getByRole('switch')).toHaveCount(0);
  await expect(popup.getByRole('link', { name: 'Options' })).toBeVisible();
});
