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

test('follows Front to a right-to-left conversation without a reload and logs an Arabic reply', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://app.frontapp.com/open/cnv_55c8c149');
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Sofia Rossi' })).toBeVisible();
  await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
  await page.getByRole('link', { name: /زيارة الفني/ }).click();
  await expect(page).toHaveURL(/\/open\/cnv_7a1f0e22$/);
  // Her chip shows her Arabic name; the address finds her record.
  await expect(bar.getByRole('heading', { name: 'Fatima Zahra' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  const reply = 'شكراً فاطمة، ستتصل بك مسؤولة الفريق اليوم قبل الساعة الخامسة.';
  const before = await bar.getByTestId('timeline-item').count();
  const editor = page.getByRole('group', { name: 'Reply' }).getByRole('textbox');
  await editor.click();
  await page.keyboard.type(reply);
  await page.getByRole('group', { name: 'Reply' }).getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => sentLog(page)).toEqual([{ conversation: 'cnv_7a1f0e22', to: 'fatima.zahra@example.ma', body: reply }]);
  await expect(bar.getByTestId('timeline-item')).toHaveCount(before + 1);
  await expect(bar.getByTestId('timeline-item').first()).toContainText('مسؤولة الفريق');
});
