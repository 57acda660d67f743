/**
 * Serves pages at real host URLs through Playwright's request routing (e2e suite, demo,
 * benchmark), so the production manifest's match patterns decide where Rapport runs. Any
 * request to a host nobody serves is aborted and recorded: the privacy tests assert none.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';

/** Editor builds that fixture and demo pages load from /__fixtures/vendor/, taken from node_modules. */
export const editorVendorFiles = (projectRoot: string): Record<string, string> => ({
  'ckeditor5.umd.js': join(projectRoot, 'node_modules/ckeditor5/dist/browser/ckeditor5.umd.js'),
  'ckeditor5.css': join(projectRoot, 'node_modules/ckeditor5/dist/browser/ckeditor5.css'),
  // CKEditor 4 loads its skin, language and plugins by path from its basePath: the whole package.
  'ckeditor4/': join(projectRoot, 'node_modules/ckeditor4'),
  'prosemirror.css': join(projectRoot, 'node_modules/prosemirror-view/style/prosemirror.css'),
  // Quill 2 for the in-house (generic adapter) fixture.
  'quill.js': join(projectRoot, 'node_modules/quill/dist/quill.js'),
  'quill.snow.css': join(projectRoot, 'node_modules/quill/dist/quill.snow.css'),
});

/** Inside `dir`, or null when `rel` climbs out of it. */
const within = (dir: string, rel: string): string | null => {
  const file = join(dir, normalize(rel));
  return file.startsWith(dir + sep) ? file : null;
};

/** The file a vendor name maps to: an exact entry, or a path under a directory entry ('name/'). */
export function vendorFile(vendor: Record<string, string> | undefined, name: string): string | null {
  if (!vendor) return null;
  if (vendor[name]) return vendor[name];
  const dirKey = Object.keys(vendor).find((k) => k.endsWith('/') && name.startsWith(k));
  return dirKey ? within(vendor[dirKey]!.replace(/[\\/]+$/, ''), name.slice(dirKey.length)) : null;
}

/**
 * ES-module sources (.mjs) are bundled with esbuild into a browser IIFE on first request, so a
 * fixture can use npm editors that ship no browser build (ProseMirror). Cached per entry file and
 * its modification time (per process); esbuild is loaded only when a page asks for such a file.
 */
const bundles = new Map<string, { mtimeMs: number; code: Promise<Uint8Array> }>();
const isModuleSource = (file: string) => file.endsWith('.mjs');
function bundle(file: string): Promise<Uint8Array> {
  const { mtimeMs } = statSync(file);
  const hit = bundles.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.code;
  const code = import('esbuild').then(async ({ build }) => {
    const out = await build({ entryPoints: [file], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
    return out.outputFiles[0]!.contents;
  });
  // A failed build is not cached: fixing the source and reloading must work.
  code.catch(() => bundles.delete(file));
  bundles.set(file, { mtimeMs, code });
  return code;
}

export interface ServedHost {
  /** Does this host serve that hostname? */
  hostname: (h: string) => boolean;
  /** File for a navigation to this URL, or null for 404. */
  page: (u: URL) => string | null;
  /** Folder that /__fixtures/<path> maps to. */
  staticDir: string;
  /**
   * Extra files at /__fixtures/vendor/<name> (editor builds from node_modules). A key ending
   * in '/' maps a whole directory; a .mjs file is served bundled (see `bundle`).
   */
  vendor?: Record<string, string>;
  /** Send require-trusted-types-for 'script', as Gmail does. */
  trustedTypes?: boolean;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.gif': 'image/gif' };

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
      const file = rel.startsWith('vendor/') ? vendorFile(host.vendor, rel.slice('vendor/'.length)) : within(host.staticDir, rel);
      if (!file || !existsSync(file) || !statSync(file).isFile()) return route.fulfill({ status: 404, body: 'not found' });
      if (isModuleSource(file)) {
        const code = await bundle(file).catch((e: unknown) => e);
        if (!(code instanceof Uint8Array)) return route.fulfill({ status: 500, body: `bundling ${rel} failed: ${String(code)}` });
        return route.fulfill({ status: 200, body: Buffer.from(code), headers: { 'content-type': types['.js']! } });
      }
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
