/**
 * Serves pages at real host URLs through Playwright's request routing (e2e suite, demo,
 * benchmark), so the production manifest's match patterns decide where Rapport runs. Any
 * request to a host nobody serves is aborted and recorded: the privacy tests assert none.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

/** Editor builds that fixture and demo pages load from /__fixtures/vendor/, taken from node_modules. */
export const editorVendorFiles = (projectRoot: string): Record<string, string> => ({
  'ckeditor5.umd.js': join(projectRoot, 'node_modules/ckeditor5/dist/browser/ckeditor5.umd.js'),
  'ckeditor5.css': join(projectRoot, 'node_modules/ckeditor5/dist/browser/ckeditor5.css'),
});

export interface ServedHost {
  /** Does this host serve that hostname? */
  hostname: (h: string) => boolean;
  /** File for a navigation to this URL, or null for 404. */
  page: (u: URL) => string | null;
  /** Folder that /__fixtures/<path> maps to. */
  staticDir: string;
  /** Extra files at /__fixtures/vendor/<name> (editor builds from node_modules). */
  vendor?: Record<string, string>;
  /** Send require-trusted-types-for 'script', as Gmail does. */
  trustedTypes?: boolean;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** Strict CSP on every served page: our UI must work without inline script or eval. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

export interface RoutingLog {
  blocked: string[];
  served: string[];
}

export async function routeHosts(context: BrowserContext, hosts: ServedHost[]): Promise<RoutingLog> {
  const log: RoutingLog = { blocked: [], served: [] };
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (['chrome-extension:', 'data:', 'blob:'].includes(url.protocol)) return route.continue();
    const host = hosts.find((h) => h.hostname(url.hostname));
    if (!host || url.protocol !== 'https:') {
      log.blocked.push(url.href);
      return route.abort('blockedbyclient');
    }
    log.served.push(url.href);
    if (url.pathname.startsWith('/__fixtures/')) {
      const rel = decodeURIComponent(url.pathname.slice('/__fixtures/'.length));
      const file = rel.startsWith('vendor/') ? host.vendor?.[rel.slice('vendor/'.length)] : join(host.staticDir, normalize(rel));
      if (!file || (!rel.startsWith('vendor/') && !file.startsWith(host.staticDir + sep))) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream' } });
    }
    const page = host.page(url);
    if (!page) return route.fulfill({ status: 404, body: 'no page here' });
    return route.fulfill({
      status: 200,
      body: readFileSync(page),
      headers: {
        'content-type': types['.html']!,
        'content-security-policy': host.trustedTypes ? `${STRICT_CSP}; require-trusted-types-for 'script'` : STRICT_CSP,
      },
    });
  });
  return log;
}
