/**
 * The same scenarios on every host adapter (issue: "Works inside every major CRM and mail
 * tool"): customer recognised, insertion through the editor's own input path, one-step undo,
 * Send interception with hold / release, exactly-once send, and fail-open.
 * Hosts sign the contract in tests/e2e/support/conformance.ts.
 */
import type { Page } from '@playwright/test';
import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { clickWhenSettled, sidebar } from '../support/sidebar';
import { collapse, modelText, sentBodies, title } from '../support/conformance';
import { conformanceHosts } from '../support/conformance-hosts';

/** Test switch of the pre-send check (lib/content/presend.ts): hold every send, throw, or hang. */
type TestMode = 'hold' | 'throw' | 'hang';
const setTestMode = (extPage: Page, mode: TestMode | null) =>
  extPage.evaluate((m) => (m ? chrome.storage.local.set({ 'presend.testMode': m }) : chrome.storage.local.remove('presend.testMode')), mode);

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

const REPLY = 'Thanks for the photos. The replacement ships today and I will email you the tracking number by 5pm.';

for (const host of conformanceHosts) {
  test.describe(title(host), () => {
    if (host.setup) test.beforeEach(async ({ extPage }) => host.setup!(extPage));
    const open = async (page: Page) => {
      await page.goto(host.url);
      await expect(sidebar(page).getByRole('heading', { name: host.customerName })).toBeVisible();
    };
    const type = async (page: Page, text: string) => {
      await host.editor(page).click();
      await page.keyboard.type(text);
      await expect.poll(() => modelText(page)).toContain(collapse(text));
    };

    test('recognises the customer and inserts a suggestion at the caret; one Ctrl+Z undoes it', async ({ context }) => {
      const page = await context.newPage();
      await open(page);
      await type(page, 'Hello.');
      const suggestion = sidebar(page).getByTestId('suggestion').first();
      const text = collapse((await suggestion.locator('[data-testid="suggestion-text"]').textContent()) ?? '');
      expect(text.length).toBeGreaterThan(10);
      const insert = suggestion.getByRole('button', { name: 'Insert' });
      await clickWhenSettled(insert);
      // The host's own model has it (that is what it will send), spaced from the agent's words.
      await expect.poll(() => modelText(page)).toBe(collapse(`Hello. ${text}`));
      // One Ctrl+Z takes the whole insertion back, and only it.
      await page.keyboard.press('Control+z');
      await expect.poll(() => modelText(page)).toBe('Hello.');
      // The caret ends after the inserted text: typing continues the reply.
      await clickWhenSettled(insert);
      await expect.poll(() => modelText(page)).toBe(collapse(`Hello. ${text}`));
      await page.keyboard.type(' Z');
      await expect.poll(() => modelText(page)).toBe(collapse(`Hello. ${text} Z`));
    });

    // One browser for every Send scenario of this host; each scenario gets a fresh page, which
    // reads the pre-send test switch when it loads.
    test('Send: ok replies go once; held sends wait for the agent; Rapport failing lets the send through', async ({ context, extPage }) => {
      test.setTimeout(150_000);
      await test.step('an ok reply sends once, with no dialog, and is logged once', async () => {
        await setTestMode(extPage, null);
        const page = await context.newPage();
        await open(page);
        const before = await sidebar(page).getByTestId('timeline-item').count();
        await type(page, REPLY);
        await host.sendButton(page).click();
        await expect.poll(() => sentBodies(page)).toEqual([collapse(REPLY)]);
        await expect(sidebar(page).getByTestId('timeline-item')).toHaveCount(before + 1);
        await expect(page.getByRole('alertdialog')).toHaveCount(0);
        await page.close();
      });

      await test.step('a held send waits; Edit reply keeps the draft; Send anyway sends exactly once, unchanged', async () => {
        await setTestMode(extPage, 'hold');
        const page = await context.newPage();
        await open(page);
        await type(page, REPLY);
        await host.sendButton(page).click();
        const dialog = page.getByRole('alertdialog');
        await expect(dialog).toBeVisible();
        expect(await sentBodies(page)).toEqual([]);
        await dialog.getByRole('button', { name: 'Edit reply' }).click();
        await expect(dialog).toHaveCount(0);
        expect(await sentBodies(page)).toEqual([]);
        expect(await modelText(page)).toBe(collapse(REPLY));
        await host.sendButton(page).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Send anyway' }).click();
        await expect.poll(() => sentBodies(page)).toEqual([collapse(REPLY)]);
        await expect(page.getByRole('alertdialog')).toHaveCount(0);
        // Still once a moment later (no echo of the released click).
        await page.waitForTimeout(300);
        expect(await sentBodies(page)).toEqual([collapse(REPLY)]);
        await page.close();
      });

      await test.step('the keyboard is held too: Enter on the Send button and the send shortcut', async () => {
        const page = await context.newPage();
        await open(page);
        await type(page, REPLY);
        await host.sendButton(page).focus();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('alertdialog')).toBeVisible();
        expect(await sentBodies(page)).toEqual([]);
        await page.getByRole('alertdialog').getByRole('button', { name: 'Edit reply' }).click();
        if (host.sendShortcut) {
          await host.editor(page).click();
          await page.keyboard.press(host.sendShortcut);
          await expect(page.getByRole('alertdialog')).toBeVisible();
          expect(await sentBodies(page)).toEqual([]);
        } else {
          await host.sendButton(page).click();
        }
        await page.getByRole('alertdialog').getByRole('button', { name: 'Send anyway' }).click();
        await expect.poll(() => sentBodies(page)).toEqual([collapse(REPLY)]);
        await page.close();
      });

      await test.step('fails open: a check that throws lets the send through at once', async () => {
        await setTestMode(extPage, 'throw');
        const page = await context.newPage();
        await open(page);
        await type(page, REPLY);
        await host.sendButton(page).click();
        await expect.poll(() => sentBodies(page)).toEqual([collapse(REPLY)]);
        await expect(page.getByRole('alertdialog')).toHaveCount(0);
        await page.close();
      });

      await test.step('fails open: a check that hangs releases the send by itself, once', async () => {
        await setTestMode(extPage, 'hang');
        const page = await context.newPage();
        await open(page);
        await type(page, REPLY);
        await host.sendButton(page).click();
        // Held at first (the check is running), then released by the 1.5 s watchdog.
        expect(await sentBodies(page)).toEqual([]);
        await expect.poll(() => sentBodies(page), { timeout: 5_000 }).toEqual([collapse(REPLY)]);
        await page.waitForTimeout(300);
        expect(await sentBodies(page)).toEqual([collapse(REPLY)]);
        await expect(page.getByRole('alertdialog')).toHaveCount(0);
        await page.close();
      });
    });
  });
}
