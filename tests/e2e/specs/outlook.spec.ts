import type { Page } from '@playwright/test';
import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { sentLog, sidebar } from '../support/sidebar';
import { routeHosts } from '../../../lib/dev/host-routing';
import { fixtureHosts } from '../support/hosts';

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

test('pop-out compose window (script-built about:blank): sidebar, logging, held send', async ({ context, extPage }) => {
  test.setTimeout(90_000);
  const routes: { blocked: unknown[] }[] = [];
  const popOut = async () => {
    const page = await context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox/id/AAQkJane1');
    await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
    // Playwright's context routing never answers requests of a script-built about:blank window
    // (they hang, so the sidebar's stylesheet never loads); routing is off while the pop-out
    // opens (the fixture's pop-out requests nothing from the network) and on again after.
    await context.unrouteAll({ behavior: 'wait' });
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Pop out' }).click()]);
    expect(popup.url()).toBe('about:blank');
    // Rapport runs in the pop-out itself, reading its composer.
    await expect(sidebar(popup).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
    routes.push(await routeHosts(context, fixtureHosts));
    return { page, popup, editor: popup.getByRole('textbox', { name: 'Message body' }), sendBtn: popup.getByRole('button', { name: 'Send', exact: true }) };
  };

  const { page, popup, editor, sendBtn } = await popOut();
  const before = await sidebar(page).getByTestId('timeline-item').count();
  await editor.click();
  await popup.keyboard.type('Jane, the courier comes tomorrow before noon.');
  await sendBtn.click();
  // Sent once (recorded by the opener, as Outlook's pop-out sends through the main app) and the window closes.
  await expect.poll(() => sentLog(page)).toEqual([{ to: 'Jane Doe <janedoe@gmail.com>', body: 'Jane, the courier comes tomorrow before noon.' }]);
  await expect.poll(() => popup.isClosed()).toBe(true);
  // Logged for Jane: the main window's sidebar shows the new contact after a reload.
  await page.reload();
  await expect(sidebar(page).getByTestId('timeline-item')).toHaveCount(before + 1);
  await expect(sidebar(page).getByTestId('timeline-item').first()).toContainText('the courier comes tomorrow');
  await page.close();

  // The pre-send check holds a send in the pop-out too; nothing goes until the agent chooses.
  await extPage.evaluate(() => chrome.storage.local.set({ 'presend.testMode': 'hold' }));
  const held = await popOut();
  await held.editor.click();
  await held.popup.keyboard.type('Jane, sorry again.');
  await held.sendBtn.click();
  const dialog = held.popup.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  expect(await sentLog(held.page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Send anyway' }).click();
  await expect.poll(() => sentLog(held.page)).toEqual([{ to: 'Jane Doe <janedoe@gmail.com>', body: 'Jane, sorry again.' }]);
  await expect.poll(() => held.popup.isClosed()).toBe(true);
  await extPage.evaluate(() => chrome.storage.local.remove('presend.testMode'));
  expect(routes.flatMap((r) => r.blocked)).toEqual([]);
});
