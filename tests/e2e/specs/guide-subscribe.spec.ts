/**
 * Distribution of a team guide, end to end: a lead writes a guide on the options page and
 * downloads it as a file; the file is published at https://guides.example.com/team.json (served
 * by this test's request routing); an agent subscribes, and an open Gmail tab's reply check and
 * suggestions follow each version without a reload. Then the server misbehaves and the last
 * good guide keeps applying while the options page shows the error.
 *
 * Two honest stand-ins, because headless Chromium offers no other way:
 * - Host permission: Chrome's "Allow Rapport to read guides.example.com?" prompt cannot be
 *   clicked in headless mode, so the profile is prepared as if the agent had accepted it before
 *   (the grant is written into the profile's Preferences between two launches). The options page
 *   still calls chrome.permissions.request on Subscribe; Chrome answers "granted" without a
 *   prompt, exactly as it does for an origin granted earlier.
 * - The hourly alarm cannot be fired from outside; the test sends `guideRefresh`, which runs the
 *   same refreshGuides() the alarm handler runs (and it checks the alarm is registered hourly).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { chromiumArgs, ensureChromium } from '../../../lib/dev/chromium';
import { generateGuideKeys, signGuide } from '../../../lib/guide';
import { test as base, expect, extensionDir, rapport } from '../support/test';
import { seedSample } from '../support/seed';
import { sidebar } from '../support/sidebar';

const GUIDE_URL = 'https://guides.example.com/team.json';
const GUIDE_ORIGIN = 'https://guides.example.com/*';

/** Launch, learn the extension id, close, record the host grant in the profile, launch again. */
async function contextWithGuideHostGranted(): Promise<{ context: BrowserContext; cleanup: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'rapport-guide-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(dir, { executablePath: ensureChromium(), headless: true, args: chromiumArgs(extensionDir), viewport: { width: 1280, height: 800 } });
  const first = await launch();
  const worker = first.serviceWorkers()[0] ?? (await first.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await first.close();
  const prefsFile = join(dir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(prefsFile, 'utf8')) as { extensions: { settings: Record<string, Record<string, { explicit_host?: string[] }>> } };
  const settings = prefs.extensions.settings[id]!;
  for (const set of ['granted_permissions', 'active_permissions', 'runtime_granted_permissions']) {
    settings[set] = { ...settings[set], explicit_host: [...(settings[set]?.explicit_host ?? []), GUIDE_ORIGIN] };
  }
  writeFileSync(prefsFile, JSON.stringify(prefs));
  const context = await launch();
  return {
    context,
    cleanup: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// eslint-disable-next-line no-empty-pattern
const test = base.extend({
  context: async ({}, use) => {
    const { context, cleanup } = await contextWithGuideHostGranted();
    await use(context);
    await cleanup();
  },
});

/** The lead's web server: serves the current file with an ETag, honours If-None-Match, or misbehaves on request. */
function guideHost() {
  const host = {
    body: '',
    fault: null as null | { status: number; body: string; contentType: string },
    requests: [] as { url: string; ifNoneMatch: string | null; status: number }[],
    etag: () => `"${createHash('sha256').update(host.body).digest('hex').slice(0, 16)}"`,
    async handle(route: Route) {
      const req = route.request();
      const ifNoneMatch = (await req.allHeaders())['if-none-match'] ?? null;
      const answer = (status: number, body: string, headers: Record<string, string>) => {
        host.requests.push({ url: req.url(), ifNoneMatch, status });
        return route.fulfill({ status, body, headers });
      };
      if (req.url() !== GUIDE_URL) return answer(404, 'not found', { 'content-type': 'text/plain' });
      if (host.fault) return answer(host.fault.status, host.fault.body, { 'content-type': host.fault.contentType });
      if (ifNoneMatch === host.etag()) return answer(304, '', { etag: host.etag() });
      return answer(200, host.body, { 'content-type': 'application/json; charset=utf-8', etag: host.etag() });
    },
  };
  return host;
}

const gmailEditor = (page: Page) => page.locator('[g_editable="true"]');

const v1 = {
  schemaVersion: 2,
  name: 'Team guide v1',
  avoid: [{ phrase: 'valued customer', why: 'Reads like a form letter: use their name.', instead: 'Jane' }],
  prefer: [{ kind: 'apology', text: 'I am truly sorry we let you down here.', mode: 'replace' }],
};
const v2 = {
  ...v1,
  name: 'Team guide v2',
  avoid: [...v1.avoid, { phrase: 'as per our policy', why: 'Explain the reason instead of citing policy.' }],
  prefer: [{ kind: 'apology', text: 'I am so sorry we let you down, {name}.', mode: 'replace' }],
};

test('an agent subscribes to the lead’s published guide; open tabs follow updates; failures keep the last good guide', async ({ context, extPage, routing }) => {
  test.setTimeout(120_000);
  // Registered after the routing fixture's catch-all, so it takes precedence for this host.
  const server = guideHost();
  await context.route('https://guides.example.com/**', (route) => server.handle(route));
  await seedSample(extPage);

  // The agent already has Gmail open.
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/t1');
  const bar = sidebar(gmail);
  await expect(bar.getByRole('heading', { name: 'Jane Doe', level: 2 })).toBeVisible();
  const apologyBefore = await bar.locator('[data-testid="suggestion"][data-kind="apology"] .suggestion-text').first().textContent();
  expect(apologyBefore).not.toContain('truly sorry');

  // The lead writes the guide on the options page and downloads it as a file to publish.
  await extPage.reload();
  await extPage.getByRole('textbox', { name: 'Guide (JSON)' }).fill(JSON.stringify(v1, null, 2));
  await expect(extPage.getByTestId('guide-valid')).toContainText('Team guide v1');
  const [download] = await Promise.all([extPage.waitForEvent('download'), extPage.getByRole('button', { name: 'Download file' }).click()]);
  server.body = readFileSync((await download.path())!, 'utf8');
  await extPage.getByRole('textbox', { name: 'Guide (JSON)' }).fill('');

  // Only https is accepted, before anything is requested.
  await extPage.getByRole('textbox', { name: 'Guide URL' }).fill('http://guides.example.com/team.json');
  await extPage.getByRole('button', { name: 'Subscribe' }).click();
  await expect(extPage.getByTestId('guide-subscription-message')).toContainText('Only https:// addresses are accepted');
  expect(server.requests).toEqual([]);

  // The agent subscribes.
  await extPage.getByRole('textbox', { name: 'Guide URL' }).fill(GUIDE_URL);
  await extPage.getByRole('button', { name: 'Subscribe' }).click();
  await expect(extPage.getByTestId('guide-subscription-message')).toContainText('Subscribed. Open tabs use the guide now.');
  await expect(extPage.getByTestId('guide-active')).toContainText('Active: Team guide v1 (Subscribed URL)');
  expect(server.requests).toEqual([{ url: GUIDE_URL, ifNoneMatch: null, status: 200 }]);
  const alarm = await extPage.evaluate(() => chrome.alarms.get('guide-refresh'));
  expect(alarm?.periodInMinutes).toBe(60);

  // The open Gmail tab applies it without a reload: findings and suggestions.
  await expect(bar).toContainText('guide: Team guide v1 (subscribed)');
  await expect(bar.locator('[data-testid="suggestion"][data-kind="apology"] .suggestion-text').first()).toHaveText('I am truly sorry we let you down here.');
  await gmailEditor(gmail).click();
  await gmail.keyboard.type('Hello valued customer, as per our policy the courier comes at 9am Thursday.');
  await expect(bar.locator('[data-rule="guide-avoid"]')).toHaveCount(1);
  await expect(bar.locator('[data-rule="guide-avoid"]')).toContainText('Reads like a form letter');

  // The lead publishes v2; the hourly check picks it up and the open tab follows.
  server.body = `${JSON.stringify(v2, null, 2)}\n`;
  await rapport(extPage, 'guideRefresh', {});
  expect(server.requests.at(-1)).toMatchObject({ status: 200, ifNoneMatch: expect.stringMatching(/^"/) });
  await expect(bar).toContainText('guide: Team guide v2 (subscribed)');
  await expect(bar.locator('[data-rule="guide-avoid"]')).toHaveCount(2);
  await expect(bar.locator('[data-rule="guide-avoid"]').nth(1)).toContainText('Explain the reason instead of citing policy');
  await expect(bar.locator('[data-testid="suggestion"][data-kind="apology"] .suggestion-text').first()).toHaveText('I am so sorry we let you down, Jane.');
  await expect(extPage.getByTestId('guide-subscription-changes')).toContainText('Now avoided: "as per our policy"');
  const updatedAt = await extPage.getByTestId('guide-subscription-updated').textContent();

  // Nothing new: the server answers 304 to our If-None-Match.
  const etagV2 = server.etag();
  await rapport(extPage, 'guideRefresh', {});
  expect(server.requests.at(-1)).toEqual({ url: GUIDE_URL, ifNoneMatch: etagV2, status: 304 });
  await expect(extPage.getByTestId('guide-subscription-error')).toHaveCount(0);
  await expect(extPage.getByTestId('guide-subscription-updated')).toHaveText(updatedAt!);

  // The server fails in several ways; every time the last good guide keeps applying and the
  // options page says what went wrong.
  const stillV2 = async () => {
    await expect(bar).toContainText('guide: Team guide v2 (subscribed)');
    await expect(bar.locator('[data-rule="guide-avoid"]')).toHaveCount(2);
    await expect(extPage.getByTestId('guide-active')).toContainText('Active: Team guide v2 (Subscribed URL)');
  };
  const faults = [
    { status: 500, body: 'Internal Server Error', contentType: 'text/plain', says: 'answered HTTP 500' },
    { status: 200, body: '{"schemaVersion": 2, "name": "Broken", ', contentType: 'application/json', says: 'invalid JSON at line 1' },
    { status: 200, body: '<!doctype html><title>Sign in</title>', contentType: 'text/html', says: 'text/html (a web page' },
    { status: 200, body: JSON.stringify({ ...v2, avoid: [{ phrase: 7, why: 'x' }] }), contentType: 'application/json', says: 'avoid[0].phrase: expected string' },
  ];
  for (const fault of faults) {
    server.fault = fault;
    await rapport(extPage, 'guideRefresh', {});
    await expect(extPage.getByTestId('guide-subscription-error')).toContainText(fault.says);
    await expect(extPage.getByTestId('guide-subscription-error')).toContainText('The last good version still applies.');
    await stillV2();
  }
  server.fault = null;

  // The agent pins the lead's key: the unsigned v2 stops counting until a signed version arrives.
  const keys = await generateGuideKeys();
  const v3 = await signGuide({ ...v2, name: 'Team guide v3 (signed)' }, keys.privateKeyPem);
  server.body = JSON.stringify(v3, null, 2);
  await extPage.getByRole('textbox', { name: 'Pinned public key' }).fill(keys.publicKey);
  await extPage.getByRole('button', { name: 'Pin key' }).click();
  await expect(extPage.getByTestId('guide-subscription-message')).toContainText('Key pinned');
  await expect(extPage.getByTestId('guide-active')).toContainText('Active: Team guide v3 (signed) (Subscribed URL)');
  await expect(bar).toContainText('guide: Team guide v3 (signed) (subscribed)');

  // A version with a forged or missing signature is refused; v3 stays.
  for (const [body, says] of [
    [JSON.stringify({ ...v3, name: 'Tampered after signing' }), 'signature does not match the pinned key'],
    [JSON.stringify({ ...v2, name: 'Unsigned' }), 'not signed'],
  ] as const) {
    server.body = body;
    await rapport(extPage, 'guideRefresh', {});
    await expect(extPage.getByTestId('guide-subscription-error')).toContainText(says);
    await expect(bar).toContainText('guide: Team guide v3 (signed) (subscribed)');
    await expect(bar.locator('[data-rule="guide-avoid"]')).toHaveCount(2);
  }

  // Rapport's only requests outside the fixture hosts went to the subscribed URL.
  expect(new Set(server.requests.map((r) => r.url))).toEqual(new Set([GUIDE_URL]));
  expect(routing.blocked).toEqual([]);
});
