import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { sidebar } from '../support/sidebar';

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

test('follows Help Scout to another conversation without a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://secure.helpscout.net/conversation/3100000001/1842?folderId=39835');
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Amara Okafor' })).toBeVisible();
  await page.evaluate(() => { (window as unknown as { __sameDocument: boolean }).__sameDocument = true; });
  await page.getByRole('link', { name: /Voicemail PIN/ }).click();
  await expect(page).toHaveURL(/\/conversation\/3100000002\/1843/);
  await expect(bar.getByRole('heading', { name: 'Kwame Mensah' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
