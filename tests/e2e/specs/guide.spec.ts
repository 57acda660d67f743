import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { sidebar } from '../support/sidebar';

const guide = {
  schemaVersion: 2,
  name: 'Tier 1 guide',
  avoid: [{ phrase: 'valued customer', why: 'Reads like a form letter: use their name.', instead: 'Jane' }],
  prefer: [],
};

test('a lead writes a guide in the options page; open tabs apply it without a reload', async ({ context, extPage, routing }) => {
  void routing;
  await seedSample(extPage);
  // The agent already has Gmail open.
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/t1');
  await expect(sidebar(gmail).getByRole('heading', { name: 'Jane Doe', level: 2 })).toBeVisible();

  await extPage.reload();
  const editor = extPage.getByRole('textbox', { name: 'Guide (JSON)' });
  await editor.fill(JSON.stringify({ ...guide, avoid: [{ phrase: 42, why: 'x' }] }));
  await expect(extPage.getByTestId('guide-errors')).toContainText('avoid[0].phrase: expected string');
  await expect(extPage.getByRole('button', { name: 'Save guide' })).toBeDisabled();

  await editor.fill(JSON.stringify(guide, null, 2));
  await expect(extPage.getByTestId('guide-valid')).toContainText('Tier 1 guide');
  await extPage.getByRole('textbox', { name: 'Sample reply' }).fill('Hello valued customer, your refund is on its way.');
  await expect(extPage.getByTestId('guide-preview')).toContainText('Reads like a form letter');
  await extPage.getByRole('button', { name: 'Save guide' }).click();
  await expect(extPage.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const bar = sidebar(gmail);
  await expect(bar).toContainText('guide: Tier 1 guide');
  await gmail.locator('[g_editable="true"]').click();
  await gmail.keyboard.type('Hello valued customer, the courier comes at 9am Thursday.');
  await expect(bar.locator('[data-rule="guide-avoid"]')).toContainText('Reads like a form letter');

  // A second version: the editor shows what it changes.
  await editor.fill(JSON.stringify({ ...guide, avoid: [...guide.avoid, { phrase: 'as per our policy', why: 'Explain the reason instead.' }] }));
  await expect(extPage.getByTestId('guide-diff')).toContainText('as per our policy');
});
