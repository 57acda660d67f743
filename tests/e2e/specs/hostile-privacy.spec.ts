/**
 * Canary of the privacy recorder (support/network.ts): if Playwright stopped reporting the
 * service worker's requests, or the classification drifted, the suite-wide "no requests but a
 * configured guide URL" check would pass for the wrong reason. These tests make the extension
 * fetch on purpose and require the recorder to see it, charged to the extension.
 */
import { test, expect } from '../support/test';
import { CANARY_URL } from '../support/network';
import { seedSample } from '../support/seed';
import { sidebar } from '../support/sidebar';

test.afterEach(async ({ routing }) => {
  // Nothing reached a host nobody serves except the canary's own fetches.
  expect(routing.blocked.filter((u) => !u.startsWith(CANARY_URL))).toEqual([]);
});

test('the recorder sees a fetch by the service worker and by an extension page, as the extension’s', async ({ serviceWorker, extPage, network, routing }) => {
  void routing;
  expect(network.extensionRequests()).toEqual([]);
  const worker = await serviceWorker.evaluate((url) => fetch(`${url}?from=worker`).then(() => 'answered', () => 'failed'), CANARY_URL);
  expect(worker).toBe('failed');
  await expect.poll(() => network.extensionRequests().map((r) => [r.from, r.verdict, r.url])).toEqual([['service-worker', 'disallowed', `${CANARY_URL}?from=worker`]]);
  const page = await extPage.evaluate((url) => fetch(`${url}?from=page`).then(() => 'answered', () => 'failed'), CANARY_URL);
  expect(page).toBe('failed');
  await expect.poll(() => network.extensionRequests().filter((r) => r.url === `${CANARY_URL}?from=page`).map((r) => [r.from, r.verdict])).toEqual([['extension-page', 'disallowed']]);
  // Made on purpose: acknowledged, so the suite-wide check counts them as proof, not as leaks.
  expect(network.acknowledge(`${CANARY_URL}?from=worker`)).toBe(1);
  expect(network.acknowledge(`${CANARY_URL}?from=page`)).toBe(1);
  expect(network.extensionRequests().every((r) => r.acknowledged)).toBe(true);
});

test('on a host page, the page’s own files are the page’s; any other URL from that page is charged to the extension', async ({ context, extPage, network, routing }) => {
  void routing;
  await seedSample(extPage);
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox/t1');
  await expect(sidebar(page).getByRole('heading', { name: 'Jane Doe' })).toBeVisible();
  // The sidebar with a recognised customer: the extension asked the network for nothing.
  expect(network.extensionRequests()).toEqual([]);
  // What a content script's fetch looks like (same frame as the page; same origin, because the
  // fixture's CSP allows only that): not a file the fixture loads, so charged to the extension.
  const probe = 'https://mail.google.com/sync/u/0/i/fd?from=host';
  expect(await page.evaluate((url) => fetch(url).then((r) => r.status), probe)).toBe(404);
  await expect.poll(() => network.extensionRequests().map((r) => [r.from, r.verdict, r.url])).toEqual([['host-page', 'disallowed', probe]]);
  expect(network.acknowledge(probe)).toBe(1);
});
