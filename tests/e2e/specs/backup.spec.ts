import { readFileSync } from 'node:fs';
import { test, expect, rapport } from '../support/test';
import { seedSample } from '../support/seed';

test('exports all data as a file and restoring that file brings back exactly the same data', async ({ extPage }) => {
  const page = extPage;
  await seedSample(page);
  await page.reload();
  await expect(page.getByTestId('stats')).toContainText('20customers');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all data' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('rapport-backup');
  expect(exported.tables.customers).toHaveLength(20);

  // Change the data, then restore the file.
  await rapport(page, 'forgetCustomer', { customerId: 'demo-c01' });
  expect((await rapport<{ customers: number }>(page, 'stats', {})).customers).toBe(19);
  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toContainText('Restored 20 customers');
  const again = await rapport<typeof exported>(page, 'exportAll', {});
  const { exportedAt: _a, ...before } = exported;
  const { exportedAt: _b, ...after } = again;
  expect(after).toEqual(before);
});

test('refuses a file that is not a Rapport backup and keeps the data', async ({ extPage }) => {
  const page = extPage;
  await seedSample(page);
  await page.getByLabel('Restore from a backup file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"something-else"}') });
  await expect(page.getByRole('status').filter({ hasText: 'Not a Rapport backup' })).toBeVisible();
  expect((await rapport<{ customers: number }>(page, 'stats', {})).customers).toBe(20);
});
