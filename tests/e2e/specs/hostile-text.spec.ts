/**
 * Hostile text in the real extension (issue #9): customer records, a host page and a team
 * guide full of XSS/CSS payloads. Everywhere Rapport shows them (the sidebar's shadow root,
 * the options page, the popup) they read as text: no element or attribute of theirs exists,
 * nothing ran (`window.__pwned` stays unset), and no page logged a blocked inline script.
 * Every payload carries `data-pwn` or `__pwned`, so a single query finds any that got in.
 */
import type { Page } from '@playwright/test';
import { test, expect, rapport } from '../support/test';
import { sampleBackup } from '../../../lib/demo/sample-data';
import { sidebar } from '../support/sidebar';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from '../../../lib/dev/host-routing';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const IMG = '<img src=x data-pwn onerror=window.__pwned=1>';
const SCRIPT = '<script data-pwn>window.__pwned=1</script>';
const JS_URL = 'javascript:window.__pwned=1';
const STYLE = '</style><style data-pwn>*{display:none!important}</style>';
const ATTR = '"><svg data-pwn onload=window.__pwned=1>';
/** Legal as an email local part (RFC 5321 atoms), hostile as an attribute value. */
const EMAIL = "x'/onfocus=window.__pwned=1@hostile.example";

const NAME = `Eve ${IMG}`;
const SUBJECT = `Order ${SCRIPT}`;
const LAST_MESSAGE = `The courier never came ${ATTR} ${STYLE}`;

/** The Gmail fixture's first thread, rewritten: customer, subject and messages are payloads. */
function hostileGmail(html: string): string {
  const threads = {
    t1: {
      subject: SUBJECT,
      messages: [
        { id: 'm1', from: EMAIL, name: NAME, body: `Hi ${SCRIPT} ${JS_URL}` },
        { id: 'm2', from: 'agent@rapport-support.example', name: 'Sam Agent', body: 'Sorry, sending a courier tomorrow.' },
        { id: 'm3', from: EMAIL, name: NAME, body: LAST_MESSAGE },
      ],
    },
  };
  // `<\/` keeps "</script>" inside the JSON from closing the page's data block.
  const json = JSON.stringify(threads).replaceAll('</', '<\\/');
  const out = html
    .replace(/(<script type="application\/json" id="threads">)[\s\S]*?(<\/script>)/, (_m, a: string, b: string) => `${a}${json}${b}`)
    // The tab title: RCDATA, so the payload is text there too (as in real Gmail).
    .replace(/<title>[^<]*<\/title>/, `<title>${SUBJECT.replaceAll('<', '&lt;')} - Gmail</title>`);
  if (out === html) throw new Error('the Gmail fixture changed shape: hostile rewrite matched nothing');
  return out;
}

/** The sample data, with Jane Doe's record (matched by the hostile email) full of payloads. */
function hostileBackup(now: number) {
  const b = sampleBackup(now);
  const jane = b.tables.customers[0]!;
  jane.name = NAME;
  jane.emails = [EMAIL.toLowerCase()];
  for (const i of b.tables.interactions.filter((x) => x.customerId === jane.id)) {
    i.subject = `${SCRIPT} ${i.subject ?? ''}`;
    i.summary = `${IMG} ${JS_URL} ${i.summary ?? ''}`;
  }
  for (const n of b.tables.notes.filter((x) => x.customerId === jane.id)) n.text = `${STYLE} ${ATTR} ${n.text}`;
  for (const p of b.tables.promises.filter((x) => x.customerId === jane.id)) p.text = `${IMG} ${p.text}`;
  return b;
}

/** A valid team guide whose every agent-facing text is a payload. */
const hostileGuide = {
  schemaVersion: 2,
  name: `Guide ${IMG}`,
  avoid: [{ phrase: 'valued customer', why: `Form letter ${SCRIPT}`, instead: `Use their name ${ATTR}` }],
  prefer: [{ kind: 'apology', text: `Sorry ${IMG} ${JS_URL}`, mode: 'replace' }],
  escalations: [{ id: 'courier-missed', when: { words: ['courier'] }, message: `Escalate ${STYLE}`, handoffTo: `Team ${ATTR}` }],
};

/** Every trace a payload would leave as markup, in the page and every open shadow root in it (the sidebar's). */
const injected = (page: Page) =>
  page.evaluate(() => {
    const doc = document;
    const scope: (Document | ShadowRoot)[] = [doc];
    for (const el of doc.querySelectorAll('*')) if (el.shadowRoot) scope.push(el.shadowRoot);
    const found: string[] = [];
    for (const s of scope) {
      for (const el of s.querySelectorAll('[data-pwn], img[src="x"], a[href^="javascript:" i], iframe, object, embed')) found.push(el.outerHTML.slice(0, 120));
      for (const el of s.querySelectorAll('*')) {
        // A payload inside an attribute's value (an aria-label naming the column) is text; a
        // handler attribute or a javascript: link is markup that got through.
        for (const a of el.attributes) if (/^on/i.test(a.name) || (/^(href|src|action|formaction)$/.test(a.name) && /^\s*javascript:/i.test(a.value))) found.push(`${el.localName}[${a.name}]`);
      }
      // (The host's own JSON data block holds the payloads as data, by design of this test.)
      for (const st of s.querySelectorAll('style, script:not([type="application/json"])')) if (/data-pwn|__pwned|display:none!important/.test(st.textContent ?? '')) found.push(`${st.localName} with payload`);
    }
    return { found, pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null };
  });

/** Console errors from blocked inline script or CSP refusals: a payload tried to run. */
function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /inline|Content Security Policy|Refused to|Trusted Type/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

test('payloads in records, the host page and the team guide show as text in the sidebar, options page and popup', async ({ context, extPage, extensionId, routing }) => {
  test.setTimeout(90_000);
  void routing;
  await rapport(extPage, 'restoreBackup', hostileBackup(Date.now()));
  // The team guide, saved through the options page like a lead would.
  await extPage.reload();
  await extPage.getByRole('textbox', { name: 'Guide (JSON)' }).fill(JSON.stringify(hostileGuide, null, 2));
  await extPage.getByRole('button', { name: 'Save guide' }).click();
  await expect(extPage.getByTestId('guide-active')).toContainText(hostileGuide.name);

  // The host page, served with the payloads in its header, title, subject and messages.
  // Registered after the routing fixture's, so it answers first; same headers as the fixture host.
  await context.route('https://mail.google.com/mail/**', (route) =>
    route.fulfill({
      status: 200,
      body: hostileGmail(readFileSync(join(root, 'tests/e2e/fixtures/hosts/gmail/mail.html'), 'utf8')),
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `${STRICT_CSP}; require-trusted-types-for 'script'` },
    }),
  );
  const page = await context.newPage();
  const pageErrors = watchConsole(page);
  await page.goto('https://mail.google.com/mail/u/0/#inbox/t1');
  await expect(page).toHaveTitle(/Order <script data-pwn>/);
  const bar = sidebar(page);
  // Recognised by the hostile email: the record's name is the heading, as text.
  await expect(bar.getByRole('heading', { name: NAME, level: 2 })).toBeVisible();
  await expect(bar).toContainText(`${IMG} ${JS_URL}`);
  await expect(bar).toContainText(SCRIPT);
  // The guide's texts: its name, a suggestion, the escalation hint (the last message says "courier").
  await expect(bar).toContainText(hostileGuide.name);
  await expect(bar.locator('[data-testid="suggestion"][data-kind="apology"] .suggestion-text').first()).toHaveText(hostileGuide.prefer[0]!.text);
  await expect(bar).toContainText(hostileGuide.escalations[0]!.message);
  // The avoid rule's reason, once the agent types the phrase.
  await page.locator('[g_editable="true"]').click();
  await page.keyboard.type('Hello valued customer, the courier comes at 9am.');
  await expect(bar.locator('[data-rule="guide-avoid"]').first()).toContainText(hostileGuide.avoid[0]!.why);
  // The record's note and promise, in their panels.
  await expect(bar).toContainText(`${STYLE} ${ATTR}`);
  await expect(bar).toContainText(`${IMG} Courier to collect`);
  expect(await injected(page)).toEqual({ found: [], pwned: null });
  expect(pageErrors).toEqual([]);
  // The detector itself works: an element planted in the sidebar's shadow root is found.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('data-pwn', '');
    document.querySelector('[data-rapport-ui="sidebar"]')!.shadowRoot!.append(img);
  });
  expect((await injected(page)).found).toEqual(['<img data-pwn="">']);

  // The extension's own pages: the options page (guide, stats, customers) and the popup.
  for (const path of ['options.html', 'popup.html']) {
    const ext = await context.newPage();
    const errors = watchConsole(ext);
    await ext.goto(`chrome-extension://${extensionId}/${path}`);
    await ext.waitForLoadState('networkidle');
    if (path === 'options.html') await expect(ext.getByTestId('guide-active')).toContainText(hostileGuide.name);
    expect(await injected(ext), path).toEqual({ found: [], pwned: null });
    expect(errors, path).toEqual([]);
    await ext.close();
  }
});

test('importing a CSV whose cells and headers are payloads: the mapping preview, errors and results show them as text', async ({ extPage }) => {
  const page = extPage;
  const errors = watchConsole(page);
  const cell = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const csv = [
    ['email', 'name', 'date', 'subject', 'notes', IMG].map(cell).join(','),
    ['mal@example.com', NAME, '2026-11-20', SUBJECT, LAST_MESSAGE, JS_URL].map(cell).join(','),
    ['bad@example.com', 'Bad Date', `${IMG} not a date`, 'x', 'y', 'z'].map(cell).join(','),
  ].join('\n');
  await page.getByLabel('File to import').setInputFiles({ name: `${IMG}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByTestId('unknown-columns')).toContainText(IMG);
  expect(await injected(page)).toEqual({ found: [], pwned: null });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 new customer');
  const table = page.getByTestId('import-errors');
  await expect(table).toContainText('Row 3:');
  await expect(table).toContainText(`${IMG} not a date`);
  expect(await injected(page)).toEqual({ found: [], pwned: null });
  const mal = await rapport<{ customer: { name: string }; timeline: { subject?: string }[] }>(page, 'lookupCustomer', { identity: { email: 'mal@example.com' } });
  expect(mal.customer.name).toBe(NAME);
  expect(mal.timeline[0]?.subject).toBe(SUBJECT);
  expect(errors).toEqual([]);
});
