/**
 * Test fixtures: a persistent Chromium profile with the built extension loaded (headless),
 * fixture hosts routed, and helpers to seed data through the extension's own messages.
 */
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { launchWithExtension } from '../../../lib/dev/chromium';
import { routeHosts, type RoutingLog } from '../../../lib/dev/host-routing';
import { fixtureHosts } from './hosts';
import { recordNetwork, violations, type NetworkRecorder } from './network';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `wxt build` put the extension (RAPPORT_OUT_DIR when several builds share a machine). */
export const extensionDir = resolve(projectRoot, process.env.RAPPORT_OUT_DIR || '.output', 'chrome-mv3');

/** Send a typed Rapport message from an extension page (the only place pageOnly messages work). */
export async function rapport<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const res = await page.evaluate(
    ([n, i]) => chrome.runtime.sendMessage({ rapport: 1, name: n, input: i }),
    [name, input] as const,
  );
  const r = res as { ok: boolean; value?: T; error?: string };
  if (!r?.ok) throw new Error(`${name} failed: ${r?.error ?? 'no answer'}`);
  return r.value as T;
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  routing: RoutingLog;
  /** An extension page, for seeding and reading data. */
  extPage: Page;
  /** The privacy recorder (support/network.ts): every test records; any disallowed request fails it. */
  network: NetworkRecorder;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, cleanup } = await launchWithExtension({ extensionDir });
    await use(context);
    await cleanup();
  },
  serviceWorker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  routing: async ({ context }, use) => {
    await use(await routeHosts(context, fixtureHosts));
  },
  network: [
    async ({ context }, use, testInfo) => {
      const recorder = recordNetwork(context, fixtureHosts);
      await use(recorder);
      const out = await recorder.finish({ title: testInfo.titlePath.join(' › '), file: testInfo.file, id: testInfo.testId });
      // Fails the test that made it, with the offending URLs; the teardown project re-checks every file.
      base.expect(violations(out), 'network requests the extension made that are not a configured guide URL').toEqual([]);
    },
    { auto: true },
  ],
  extPage: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await use(page);
  },
});

export const expect = test.expect;
