import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { sentLog, sidebar } from '../support/sidebar';
import type { Page } from '@playwright/test';

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

const gmailEditor = (page: Page) => page.locator('[g_editable="true"]');

test('flags a canned draft while the agent types, and clears when it becomes personal (Gmail)', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/t1');
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  await expect(bar.getByTestId('reply-check')).toHaveCount(0);
  await expect(bar.getByTestId('reply-check-idle')).toBeVisible();
  await gmailEditor(page).click();
  await page.keyboard.type('Dear Customer, we apologize for any inconvenience caused. Your concern has been forwarded to the relevant department.');
  const check = bar.getByTestId('reply-check');
  await expect(check.getByTestId('verdict')).toContainText('Sounds canned');
  await expect(check.locator('[data-rule="stock-apology"]')).toContainText('we apologize for any inconvenience');
  await expect(check.locator('[data-rule="generic-greeting"]')).toBeVisible();
  // Once there is a draft, the suggestions stay put however much the check finds: no misclick on Insert.
  const suggestionsTop = () => bar.getByTestId('suggestions').evaluate((el) => el.getBoundingClientRect().top);
  const top = await suggestionsTop();
  const findings = await check.locator('.findings li').count();
  expect(findings).toBeGreaterThan(1);
  // The agent's text is never wrapped in our markup.
  expect(await gmailEditor(page).evaluate((el) => el.querySelectorAll('*').length)).toBeLessThanOrEqual(1);

  await page.keyboard.press('Control+A');
  await page.keyboard.type('Jane, I am sorry the courier never came on Wednesday. I have booked a new collection for 9am Thursday and I will call you at 8:30.');
  await expect(check.getByTestId('verdict')).toContainText('Reads personal');
  expect(await check.locator('.findings li').count()).toBeLessThan(findings);
  expect(await suggestionsTop()).toBe(top);
});

test('suggests wording for this customer and inserts it at the caret; Ctrl+Z undoes it (Gmail)', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/t1');
  const bar = sidebar(page);
  const list = bar.getByTestId('suggestion');
  await expect(list.first()).toBeVisible();
  expect(await list.count()).toBeGreaterThanOrEqual(3);
  const texts = await list.locator('.suggestion-text').allTextContents();
  expect(texts.join(' ')).not.toMatch(/any inconvenience/i);
  // Seven years a customer: thanked with the real date or number of years.
  expect(texts.join(' ')).toMatch(/2019|7 years|seven years/i);

  await gmailEditor(page).click();
  await page.keyboard.type('Hi Jane, ');
  const first = texts[0]!;
  await list.first().getByRole('button', { name: 'Insert' }).click();
  await expect(bar.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  await expect(gmailEditor(page)).toContainText(`Hi Jane, ${first}`.replace(/\s+/g, ' ').slice(0, 60));
  await gmailEditor(page).focus();
  await page.keyboard.press('Control+Z');
  await expect(gmailEditor(page)).toHaveText('Hi Jane,');

  // Talking points for a phone call.
  await bar.getByRole('checkbox', { name: /Talking points/ }).check();
  await expect(list.first().getByRole('button', { name: 'Insert' })).toHaveCount(0);
});

test('inserts into CKEditor 5 through its own input path: undoable, and what the host sends (Zendesk)', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Priya Natarajan' })).toBeVisible();
  const list = bar.getByTestId('suggestion');
  await expect(list.first()).toBeVisible();
  const text = (await list.first().locator('.suggestion-text').textContent())!;
  const editor = page.locator('[data-ticket-id="123"] .ck-editor__editable');
  await editor.click();
  await list.first().getByRole('button', { name: 'Insert' }).click();
  await expect(bar.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  // CKEditor's model holds the text (getData is the host's own read).
  await expect.poll(() => page.evaluate(() => (window as unknown as { __editors: Record<string, { getData(): string }> }).__editors['123']!.getData())).toContain(text.slice(0, 30));
  await editor.focus();
  await page.keyboard.press('Control+Z');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __editors: Record<string, { getData(): string }> }).__editors['123']!.getData())).toBe('');
  await page.keyboard.press('Control+Y');
  await page.locator('[data-ticket-id="123"] [data-test-id="submit_button-button"]').click();
  await expect.poll(async () => (await sentLog(page))[0]?.body ?? '').toContain(text.replace(/\s+/g, ' ').slice(0, 30));
});
