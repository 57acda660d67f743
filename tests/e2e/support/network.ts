/**
 * The privacy recorder of the e2e suite (issue #9: "the only network requests the extension may
 * make are to a user-configured guide URL"). Every test records every request of its browser:
 * host pages, the extension's pages and its service worker (Playwright reports service-worker
 * requests on the context in Chromium; the canary in hostile-privacy.spec.ts proves it still
 * does). Each test's verdict goes to `.ci-results/network/<run>/<test>.json`; the test fails on a
 * disallowed request, and hostile-network-check.spec.ts (the teardown project) fails the run
 * if any file holds one.
 *
 * Who made a request:
 * - the service worker, or a frame whose document is chrome-extension:// → the extension;
 * - a host page's frame: its own document and fixture files (/__fixtures/…) on a fixture host
 *   are the page's; anything else is counted as the extension's. A content script's fetch
 *   looks exactly like the page's, so every URL the fixture page does not load itself is
 *   charged to us: the strict reading.
 * The guide URL the test configured (the subscription in the extension's storage) is allowed;
 * in a test that configured none, nothing is.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Request } from '@playwright/test';
import { z } from 'zod';
import type { ServedHost } from '../../../lib/dev/host-routing';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** This run's folder (the config names the run; a lone spec run outside the config gets 'adhoc'). */
export const networkDir = join(projectRoot, '.ci-results', 'network', process.env.RAPPORT_NETWORK_RUN || 'adhoc');

/** Schemes that never leave the machine. */
const LOCAL = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:']);

export const netRecordSchema = z.object({
  url: z.string(),
  method: z.string(),
  resourceType: z.string(),
  /** Who asked: the service worker, an extension page, or a host page (page or content script). */
  from: z.enum(['service-worker', 'extension-page', 'host-page']),
  /** The document the request came from, when there is one. */
  frameUrl: z.string().nullable(),
  verdict: z.enum(['page', 'allowed', 'disallowed']),
  /** Set when a test made this request on purpose (the recorder's canary). */
  acknowledged: z.boolean().default(false),
});
export type NetRecord = z.infer<typeof netRecordSchema>;

export const networkFileSchema = z.object({
  test: z.string(),
  file: z.string(),
  allowed: z.array(z.string()),
  /** Every request the extension made (the page's own loads are only counted). */
  extension: z.array(netRecordSchema),
  pageRequests: z.number().int().nonnegative(),
});
export type NetworkFile = z.infer<typeof networkFileSchema>;

function frameUrlOf(req: Request): string | null {
  try {
    return req.frame().url();
  } catch {
    // Service-worker requests have no frame.
    return null;
  }
}

/** Is this a file the fixture page loads itself (its document, its scripts and vendor editors)? */
export function isFixtureOwnLoad(url: URL, hosts: ServedHost[], navigation: boolean): boolean {
  if (url.protocol !== 'https:') return false;
  const host = hosts.find((h) => h.hostname(url.hostname));
  if (!host) return false;
  if (url.pathname.startsWith('/__fixtures/')) return true;
  return navigation && host.page(url) !== null;
}

export function classify(req: Request, hosts: ServedHost[], allowed: ReadonlySet<string>): NetRecord | null {
  const url = new URL(req.url());
  if (LOCAL.has(url.protocol)) return null;
  const frameUrl = frameUrlOf(req);
  const from: NetRecord['from'] = req.serviceWorker() ? 'service-worker' : frameUrl?.startsWith('chrome-extension://') ? 'extension-page' : 'host-page';
  const base = { url: url.href, method: req.method(), resourceType: req.resourceType(), from, frameUrl, acknowledged: false };
  if (from === 'host-page' && isFixtureOwnLoad(url, hosts, req.isNavigationRequest())) return { ...base, verdict: 'page' };
  return { ...base, verdict: allowed.has(url.href) ? 'allowed' : 'disallowed' };
}

const guideUrls = z.object({ url: z.string() }).nullable().catch(null);

/** Guide URLs configured in this browser's extension storage (subscription and managed one). */
export async function configuredGuideUrls(context: BrowserContext): Promise<string[]> {
  const read = (): Promise<Record<string, unknown>> => chrome.storage.local.get(['guide.subscription', 'guide.managedSubscription']);
  let values: Record<string, unknown> | null = null;
  for (const worker of context.serviceWorkers()) {
    if (!worker.url().startsWith('chrome-extension://')) continue;
    values = await worker.evaluate(read).catch(() => null);
    if (values) break;
  }
  if (!values) return [];
  return [values['guide.subscription'], values['guide.managedSubscription']].map((v) => guideUrls.parse(v)?.url).filter((u): u is string => !!u);
}

export interface NetworkRecorder {
  /** The extension's requests so far (classified with no guide URL allowed yet). */
  extensionRequests(): NetRecord[];
  /** Mark the requests to `url` as made on purpose by this test (the canary); returns how many. */
  acknowledge(url: string): number;
  /** Stop listening, classify against the configured guide URLs, and write the test's file. */
  finish(test: { title: string; file: string; id: string }): Promise<NetworkFile>;
}

export function recordNetwork(context: BrowserContext, hosts: ServedHost[]): NetworkRecorder {
  const requests: Request[] = [];
  const acknowledged = new Set<string>();
  const onRequest = (r: Request) => requests.push(r);
  context.on('request', onRequest);
  const classifyAll = (allowed: ReadonlySet<string>) =>
    requests.map((r) => classify(r, hosts, allowed)).filter((r): r is NetRecord => r !== null).map((r) => (acknowledged.has(r.url) ? { ...r, acknowledged: true } : r));
  return {
    extensionRequests: () => classifyAll(new Set()).filter((r) => r.verdict !== 'page'),
    acknowledge(url) {
      acknowledged.add(url);
      return classifyAll(new Set()).filter((r) => r.url === url).length;
    },
    async finish(test) {
      context.off('request', onRequest);
      const allowed = await configuredGuideUrls(context).catch(() => []);
      const all = classifyAll(new Set(allowed));
      const out: NetworkFile = {
        test: test.title,
        file: test.file,
        allowed,
        extension: all.filter((r) => r.verdict !== 'page'),
        pageRequests: all.filter((r) => r.verdict === 'page').length,
      };
      mkdirSync(networkDir, { recursive: true });
      writeFileSync(join(networkDir, `${test.id.replace(/[^\w-]+/g, '_')}.json`), `${JSON.stringify(out, null, 2)}\n`);
      return out;
    },
  };
}

/** Requests that break the rule: the extension's, not allowed, not made on purpose. */
export const violations = (f: NetworkFile) => f.extension.filter((r) => r.verdict === 'disallowed' && !r.acknowledged);

/** Every test's file from this run. */
export function readNetworkFiles(): { name: string; data: NetworkFile }[] {
  let names: string[];
  try {
    names = readdirSync(networkDir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((name) => ({ name, data: networkFileSchema.parse(JSON.parse(readFileSync(join(networkDir, name), 'utf8'))) }));
}

/** The URL the privacy canary makes the extension fetch (never served: routing aborts it). */
export const CANARY_URL = 'https://privacy-canary.invalid/rapport-recorder-check';
