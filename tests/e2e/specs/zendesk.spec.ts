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

test('recognises the requester of the active ticket and follows tab switches', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Priya Natarajan' })).toBeVisible();
  await expect(bar.getByTestId('customer-since')).toContainText('customer since 3 June 2016');
  await expect(bar.getByTestId('promise').first()).toHaveClass(/overdue/);
  await page.getByRole('tab', { name: /#456/ }).click();
  await expect(page).toHaveURL(/\/agent\/tickets\/456$/);
  await expect(bar.getByRole('heading', { name: 'Luis García' })).toBeVisible();
  await expect(bar.getByTestId('repeat-flag')).toHaveCount(0);
  await page.goBack();
  await expect(bar.getByRole('heading', { name: 'Priya Natarajan' })).toBeVisible();
});

test('logs a submitted reply against the ticket; CKEditor keeps the text it sends', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/456');
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Luis García' })).toBeVisible();
  const editor = page.locator('[data-ticket-id="456"] .ck-editor__editable');
  await editor.click();
  await page.keyboard.type('Luis, the 42.10 refund left us today; expect it by Wednesday.');
  await page.locator('[data-ticket-id="456"] [data-test-id="submit_button-button"]').click();
  await expect.poll(() => sentLog(page)).toEqual([{ ticket: '456', body: 'Luis, the 42.10 refund left us today; expect it by Wednesday.' }]);
  const first = bar.getByTestId('timeline-item').first();
  await expect(first).toContainText('the 42.10 refund left us today');
  await expect(first).toContainText('ticket');
  // The logged contact carries the ticket id: searching for it finds Luis.
  await bar.getByRole('searchbox').fill('#456');
  await expect(bar.getByRole('button', { name: /Luis García/ })).toBeVisible();
});

test('docks beside the ticket: Submit and the editor stay uncovered at 1280 px', async ({ context }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  await expect(sidebar(page).getByRole('heading', { name: 'Priya Natarajan' })).toBeVisible();
  const bar = (await sidebar(page).boundingBox())!;
  const submit = (await page.locator('[data-ticket-id="123"] [data-test-id="submit_button-button"]').boundingBox())!;
  const editor = (await page.locator('[data-ticket-id="123"] .ck-editor__editable').boundingBox())!;
  expect(submit.x + submit.width).toBeLessThanOrEqual(bar.x);
  expect(editor.x + editor.width).toBeLessThanOrEqual(bar.x);
  expect(editor.width).toBeGreaterThan(500);
});
