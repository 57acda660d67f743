/**
 * Benchmarks that need the real extension in Chromium: sidebar data among 1,000,000
 * contacts (through the same message path the sidebar uses), sidebar mount time and
 * content script size.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../../lib/dev/chromium';
import { routeHosts } from '../../lib/dev/host-routing';
import { fixtureHosts } from '../e2e/support/hosts';
import { sampleBackup } from '../../lib/demo/sample-data';
import type { BenchResult } from './types';

export type BenchFigure = BenchResult;

const root = fileURLToPath(new URL('../../', import.meta.url));
// RAPPORT_OUT_DIR: several builds share a machine (as in tests/e2e/support/test.ts).
const extensionDir = resolve(root, process.env.RAPPORT_OUT_DIR || '.output', 'chrome-mv3');

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/** gzip sizes in KB (1000 bytes, the stricter reading of the 100 KB budget). */
export function contentScriptSizes(): BenchFigure[] {
  const dir = join(extensionDir, 'content-scripts');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => ({ f, gz: gzipSync(readFileSync(join(dir, f))).length, raw: statSync(join(dir, f)).size }));
  // The budget is for the script a host page has to load: every content-script JS file together.
  const js = files.filter((x) => x.f.endsWith('.js'));
  return [
    {
      name: 'content-script-gzip',
      value: r1(js.reduce((s, x) => s + x.gz, 0) / 1000),
      unit: 'KB',
      budget: 100,
      detail: `all content-script JS (${js.map((x) => x.f).join(', ')}), ${Math.round(js.reduce((s, x) => s + x.raw, 0) / 1000)} KB raw`,
    },
    ...files.map((x) => ({ name: `content-script-gzip-${x.f}`, value: r1(x.gz / 1000), unit: 'KB', detail: `${Math.round(x.raw / 1000)} KB raw` })),
  ];
}

/** `loads`: page loads for the mount figures (the first two are warm-up); 12 unless given. */
export async function benchExtension(opts: { interactions: number; customers: number; samples: number; loads?: number }): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [...contentScriptSizes()];
  const { context, worker, extensionId, cleanup } = await launchWithExtension({ extensionDir });
  try {
    await routeHosts(context, fixtureHosts);
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/options.html`);
    // tsx compiles with keepNames, which wraps inner functions in __name(); give the
    // evaluated functions a no-op one.
    await worker.evaluate('globalThis.__name = (f) => f');
    await ext.evaluate('globalThis.__name = (f) => f');
    await ext.evaluate((b) => chrome.runtime.sendMessage({ rapport: 1, name: 'restoreBackup', input: b }), sampleBackup(Date.now()));

    // Sidebar mount: from navigation to the customer's name on screen, over fresh loads.
    const mounts: number[] = [];
    const mountInternal: number[] = [];
    const page = await context.newPage();
    for (let i = 0; i < (opts.loads ?? 12); i++) {
      const t0 = Date.now();
      await page.goto('https://acme.zendesk.com/agent/tickets/123');
      await page.getByRole('complementary', { name: /Rapport/ }).getByRole('heading', { name: 'Priya Natarajan' }).waitFor();
      if (i >= 2) {
        mounts.push(Date.now() - t0);
        mountInternal.push(Number(await page.locator('[data-rapport-ui="sidebar"]').getAttribute('data-mount-ms')));
      }
    }
    out.push({
      name: 'sidebar-mount-p95',
      value: percentile(mountInternal, 95),
      unit: 'ms',
      // 150 ms: the sidebar should appear within one perceptual "instant" after the page settles
      // (about 100-150 ms reads as immediate; beyond that the agent sees the page, then Rapport, late).
      budget: 150,
      detail: `content script start → shadow UI mounted; p50 ${percentile(mountInternal, 50)} ms; ${mountInternal.length} loads`,
    });
    out.push({ name: 'sidebar-navigation-to-history-p95', value: percentile(mounts, 95), unit: 'ms', detail: `navigation → customer history on screen (Zendesk fixture); p50 ${percentile(mounts, 50)} ms; includes page load and CKEditor 5 start` });

    // Contacts written straight into the extension's IndexedDB: seeding is not what is measured.
    const seedStart = Date.now();
    await worker.evaluate(async ({ interactions, customers }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('rapport'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const put = (store: string, rows: unknown[]) => new Promise<void>((res, rej) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const row of rows) os.put(row);
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      const now = Date.now();
      const cs = [];
      for (let c = 0; c < customers; c++) {
        cs.push({ id: `bench-c${c}`, name: `Bench Customer ${c}`, nameTokens: ['bench', 'customer', String(c)], emails: [`bench${c}@example.com`], phones: [], accountIds: [], sourceKeys: [], createdAt: now, updatedAt: now, customerSince: '2019-02-19' });
      }
      await put('customers', cs);
      const per = interactions / customers;
      const contact = (i: number) => ({ id: `bench-i${i}`, customerId: `bench-c${i % customers}`, channel: 'email', at: now - Math.floor(i / customers) * ((400 * 86_400_000) / per), agent: 'Bench', subject: `Subject ${i}`, summary: 'A contact summary of a typical length for a support conversation.', outcome: 'resolved', sourceKey: `bench:${i}`, origin: 'import' });
      // The layout the app writes since schema v5 (lib/db/repositories/contact-blocks.ts): the
      // newest tenth one record per contact (sent replies, call logs, pre-v4 data), the rest as
      // imports of 100,000 rows leave them (STAGE_LIMIT), one block per customer per import, so
      // a customer has 9 blocks: more than the sidebar reads whole, the slower path. The key pages
      // (source keys, tickets) are left out: the sidebar view does not read them.
      const singles = Math.floor(interactions / 10);
      const chunk = 20_000;
      for (let start = 0; start < singles; start += chunk) {
        const rows = [];
        for (let i = start; i < Math.min(singles, start + chunk); i++) rows.push(contact(i));
        await put('interactions', rows);
      }
      for (let start = singles; start < interactions; start += 100_000) {
        const by = new Map<string, Array<Record<string, unknown> & { at: number }>>();
        for (let i = start; i < Math.min(interactions, start + 100_000); i++) {
          const { customerId, ...c } = contact(i);
          (by.get(customerId) ?? by.set(customerId, []).get(customerId)!).push(c);
        }
        const blocks = [...by.entries()].map(([customerId, list]) => {
          list.sort((a, b) => a.at - b.at);
          return { id: `bench-b${start}-${customerId}`, customerId, first: list[0]!.at, last: list[list.length - 1]!.at, size: list.length, contacts: list };
        });
        await put('contactBlocks', blocks);
      }
      db.close();
    }, { interactions: opts.interactions, customers: opts.customers });
    const seedSeconds = (Date.now() - seedStart) / 1000;

    const times = await ext.evaluate(async ({ customers, samples }) => {
      const ts: number[] = [];
      for (let s = 0; s < samples; s++) {
        const t0 = performance.now();
        const r = (await chrome.runtime.sendMessage({ rapport: 1, name: 'getCustomerView', input: { customerId: `bench-c${(s * 7919) % customers}` } })) as { ok: boolean; value: { timeline: unknown[] } };
        if (!r.ok || r.value.timeline.length === 0) throw new Error('bench lookup failed');
        ts.push(performance.now() - t0);
      }
      return ts;
    }, { customers: opts.customers, samples: opts.samples });
    out.push({
      // The name keeps "1m" in quick mode (same metric, smaller seed); the detail says so.
      name: 'history-1m-p95',
      value: r1(percentile(times, 95)),
      unit: 'ms',
      budget: 50,
      detail: `${opts.interactions === 1_000_000 ? '' : `(quick: ${Math.round(opts.interactions / 1000)}k) `}sidebar data for one customer among ${opts.interactions.toLocaleString('en')} contacts, message round trip; p50 ${r1(percentile(times, 50))} ms, ${opts.samples} lookups, ${opts.customers.toLocaleString('en')} customers; seeding took ${seedSeconds.toFixed(0)} s`,
    });
    const searchTimes = await ext.evaluate(async (samples) => {
      const ts: number[] = [];
      for (let s = 0; s < samples; s++) {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ rapport: 1, name: 'searchCustomers', input: { q: `bench${s * 13}@example.com` } });
        ts.push(performance.now() - t0);
      }
      return ts;
    }, 100);
    out.push({ name: 'customer-search-email-p95', value: r1(percentile(searchTimes, 95)), unit: 'ms', detail: `message round trip; p50 ${r1(percentile(searchTimes, 50))} ms, ${searchTimes.length} searches` });
  } finally {
    await cleanup();
  }
  return out;
}
