import { test, expect, rapport } from '../support/test';

/** A CRM export with the usual problems: BOM, CRLF, semicolons, mixed date formats, bad rows, markup. */
const crmCsv = [
  '\uFEFFCustomer ID;Full name;E-mail address;Mobile;Customer since;Date;Channel;Subject;Description;Favourite colour',
  'C-1;Ana Souza;Ana.Souza@Example.com;07700 900111;19/02/2019;2026-11-20 14:30;Phone call;Billing;Asked about the March bill;blue',
  'C-2;Bo Lindqvist;bo@example.se;;2020-05-01;21 November 2026;e-mail;Delivery;Parcel late;green',
  'C-3;<img src=x onerror=alert(1)>Eve;eve@example.com;;2021-03-04;2026-11-19;chat;Hi;<script>alert(1)</script>;red',
  'C-4;Dan Moss;dan@example.com;;not a date;2026-11-19;chat;Hello;Bad date row;red',
  ';;;;;2026-11-18;chat;No customer;Nothing identifies this row;',
  'C-1;Ana Souza;ana.souza@example.com;;19/02/2019;2026-11-22;chat;Follow-up;Bill fixed;blue',
].join('\r\n');

test('imports a messy CRM export with mapping preview, progress and per-row errors, and re-imports without duplicates', async ({ extPage }) => {
  const page = extPage;
  await page.getByLabel('File to import').setInputFiles({ name: 'crm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(crmCsv, 'utf8') });
  await expect(page.getByTestId('import-format')).toContainText('separated by ";"');
  await expect(page.getByLabel('Import column E-mail address as')).toHaveValue('customer.email');
  await expect(page.getByLabel('Import column Full name as')).toHaveValue('customer.name');
  await expect(page.getByTestId('unknown-columns')).toContainText('Favourite colour');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('3 new customers');
  await expect(page.getByTestId('import-done')).toContainText('4 new contacts');
  await expect(page.getByTestId('import-done')).toContainText('2 rows skipped');
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('Row 5:');
  await expect(errors).toContainText('not a date');
  await expect(errors).toContainText('Row 6:');
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '100');

  const ana = await rapport<{ customer: { name: string; phones: string[]; customerSince: string }; totalContacts: number }>(page, 'lookupCustomer', { identity: { email: 'ana.souza@example.com' } });
  expect(ana.customer).toMatchObject({ name: 'Ana Souza', phones: ['+447700900111'], customerSince: '2019-02-19' });
  expect(ana.totalContacts).toBe(2);
  const eve = await rapport<{ customer: { name: string }; timeline: { summary: string }[] }>(page, 'lookupCustomer', { identity: { email: 'eve@example.com' } });
  expect(eve.customer.name).toBe('<img src=x onerror=alert(1)>Eve');
  expect(eve.timeline[0]?.summary).toBe('<script>alert(1)</script>');

  // The same file again: nothing new.
  await page.reload();
  await page.getByLabel('File to import').setInputFiles({ name: 'crm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(crmCsv, 'utf8') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('0 new customers');
  await expect(page.getByTestId('import-done')).toContainText('0 new contacts');
  await expect(page.getByTestId('import-done')).toContainText('4 already there');
  const stats = await rapport<{ customers: number; interactions: number }>(page, 'stats', {});
  expect(stats).toMatchObject({ customers: 3, interactions: 4 });
});

test('says what is wrong with a file it cannot read, and loses nothing', async ({ extPage }) => {
  const page = extPage;
  await page.getByLabel('File to import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"email": "a@b.example"},, {"email"') });
  await expect(page.getByRole('alert').or(page.getByTestId('import-errors'))).toBeVisible();
  const stats = await rapport<{ customers: number }>(page, 'stats', {});
  expect(stats.customers).toBe(0);
});

// A service worker stopped mid-import, then resumed (every row written exactly once, the restart
// really crossed): hostile-send.spec.ts.
