import { test, expect, rapport } from '../support/test';
import { seedSample } from '../support/seed';
import { sidebar } from '../support/sidebar';

test('records that share an email and a phone merge, and a wrong merge is undone from the sidebar', async ({ context, extPage, routing }) => {
  void routing;
  await seedSample(extPage);
  // A CRM row that ties Jane's email to Priya's phone number: the two records merge.
  const csv = 'email,phone,date,subject\njanedoe@gmail.com,+447700900123,2026-11-20,Wrong link\n';
  await extPage.reload();
  await extPage.getByLabel('File to import').setInputFiles({ name: 'link.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await extPage.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(extPage.getByTestId('import-done')).toContainText('1 new contacts');
  expect((await rapport<{ customers: number }>(extPage, 'stats', {})).customers).toBe(19);

  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/t1');
  const bar = sidebar(page);
  await expect(bar.getByRole('heading', { name: 'Jane Doe', level: 2 })).toBeVisible();
  await expect(bar.getByRole('heading', { name: 'Merged records' })).toBeVisible();
  await expect(bar.getByTestId('timeline-item')).toHaveCount(8);
  await bar.getByRole('button', { name: 'Undo merge' }).click();
  await expect(bar.getByRole('heading', { name: 'Merged records' })).toHaveCount(0);
  await expect(bar.getByTestId('timeline-item')).toHaveCount(5);

  expect((await rapport<{ customers: number }>(extPage, 'stats', {})).customers).toBe(20);
  const priya = await rapport<{ customer: { name: string; phones: string[] }; totalContacts: number }>(extPage, 'lookupCustomer', { identity: { phone: '+447700900123' } });
  expect(priya.customer.name).toBe('Priya Natarajan');
  expect(priya.totalContacts).toBe(3);
});
