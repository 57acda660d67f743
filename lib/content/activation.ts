/**
 * Which adapter runs on a page, and whether Rapport is switched on there.
 *
 * A page is supported by a built-in host (manifest matches, lib/adapters/index.ts) or by an
 * in-house tool the active team guide describes (`generic` entries, registered per granted
 * origin by lib/background/content-scripts.ts). Built-ins win when both claim a URL.
 *
 * On/off precedence (documented in the popup too):
 * 1. the team guide's `sites[<host id or generic id>].enabled === false` turns a site off, and
 *    the agent cannot turn it back on;
 * 2. otherwise the agent's own switch for the hostname (toolbar popup) decides;
 * 3. otherwise Rapport is on.
 * `enabled: true` in the guide is the default, not a force-on: the agent may still switch off.
 */
import { createGenericAdapter, resolveAdapter, type GenericHostAdapter } from '@/lib/adapters';
import type { HostAdapter } from '@/lib/adapters/types';
import type { Guide } from '@/lib/guide/schema';
import { getSiteSwitches, watchSiteSwitches } from '@/lib/settings';
import { getActiveGuide, watchActiveGuide } from '@/lib/settings/guide';

export type SiteMatch =
  | { kind: 'built-in'; id: string; label: string; adapter: HostAdapter }
  | { kind: 'in-house'; id: string; label: string; adapter: GenericHostAdapter };

export interface SiteStatus {
  /** The switch key the agent's setting uses (empty for URLs without a host). */
  hostname: string;
  match: SiteMatch | null;
  /** Rapport runs on this page now. */
  enabled: boolean;
  /** Who turned it off: the team guide wins over the agent. Null when on or unsupported. */
  offBy: 'guide' | 'agent' | null;
}

/** Agent switches: hostname → false when switched off (lib/settings getSiteSwitches). */
export type AgentSwitches = Readonly<Record<string, boolean>>;

const hostnameOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/** The adapter for a URL regardless of switches: built-in first, then the guide's entries in order. */
export function matchSite(url: string, guide: Guide | null | undefined): SiteMatch | null {
  const builtIn = resolveAdapter(url);
  if (builtIn) return { kind: 'built-in', id: builtIn.meta.id, label: builtIn.meta.label, adapter: builtIn };
  for (const config of guide?.generic ?? []) {
    const adapter = createGenericAdapter(config);
    if (adapter.matchesUrl(url)) return { kind: 'in-house', id: config.id, label: config.label, adapter };
  }
  return null;
}

export function siteStatus(url: string, guide: Guide | null | undefined, agent: AgentSwitches): SiteStatus {
  const hostname = hostnameOf(url);
  const match = matchSite(url, guide);
  if (!match) return { hostname, match, enabled: false, offBy: null };
  if (guide?.sites?.[match.id]?.enabled === false) return { hostname, match, enabled: false, offBy: 'guide' };
  if (agent[hostname] === false) return { hostname, match, enabled: false, offBy: 'agent' };
  return { hostname, match, enabled: true, offBy: null };
}

/** The adapter to run on this URL now, or null (unsupported, or switched off). */
export function resolveActiveAdapter(url: string, guide: Guide | null | undefined, agent: AgentSwitches): HostAdapter | null {
  const s = siteStatus(url, guide, agent);
  return s.enabled ? s.match!.adapter : null;
}

/**
 * The URL that decides the adapter and the site switch for a page. Outlook's "Open in new window"
 * compose is a top-level about:blank window its opener fills by script (host-apps.md §3): Chrome
 * injects there through match_about_blank, but the window has no URL of its own, so the opener's
 * (same-origin, hence readable) URL stands in. Frames never borrow a URL: all_frames is off, and
 * an about:blank frame is not a pop-out. `openerHref` may throw (cross-origin or closed opener).
 */
export function effectiveUrl(href: string, isTop: boolean, openerHref: () => string | undefined): string {
  if (!isTop || !/^about:blank(#|$)/.test(href)) return href;
  try {
    const opener = openerHref();
    // An opener that is itself blank (or gone) gives nothing to go on.
    return opener && /^https?:/.test(opener) ? opener : href;
  } catch {
    return href;
  }
}

/** effectiveUrl for the current window (content scripts). */
export const pageUrl = (): string =>
  effectiveUrl(location.href, window === window.top, () => (window.opener as Window | null)?.location.href);

// ---- Content-script side: the same decision, read from extension storage and kept current.

async function currentStatus(url: string): Promise<SiteStatus> {
  const [active, agent] = await Promise.all([getActiveGuide().catch(() => null), getSiteSwitches()]);
  return siteStatus(url, active?.guide, agent);
}

/** Calls `cb` with the site's status now and after every change of the guide or the agent's switches. */
function watchStatus(url: string, signal: AbortSignal, cb: (s: SiteStatus) => void): void {
  if (signal.aborted) return;
  // Storage events carry the new value of one key only; re-reading both keeps one code path.
  const refresh = () => void currentStatus(url).then((s) => signal.aborted || cb(s), () => undefined);
  const stops = [watchActiveGuide(refresh), watchSiteSwitches(refresh)];
  signal.addEventListener('abort', () => stops.forEach((stop) => stop()), { once: true });
  refresh();
}

/**
 * The adapter for this page once Rapport is on here: at once when it is, later when the agent
 * (or a new guide) turns the site on, so a page loaded while off needs no reload. Null when
 * nothing supports the page at load time, or the content script is invalidated first.
 */
export function waitForActiveAdapter(url: string, signal: AbortSignal): Promise<HostAdapter | null> {
  return new Promise((resolve) => {
    const inner = new AbortController();
    const done = (a: HostAdapter | null) => {
      inner.abort();
      resolve(a);
    };
    signal.addEventListener('abort', () => done(null), { once: true });
    let first = true;
    watchStatus(url, AbortSignal.any([signal, inner.signal]), (s) => {
      if (s.enabled) done(s.match!.adapter);
      else if (first && !s.match) done(null);
      first = false;
    });
  });
}

/**
 * Reports whether Rapport should be on for this page: once with the current state, then on
 * every change (popup switch, guide). The sidebar block in the content script mounts or
 * removes its UI accordingly.
 */
export function watchSiteEnabled(url: string, signal: AbortSignal, onChange: (enabled: boolean) => void): void {
  let last: boolean | undefined;
  watchStatus(url, signal, (s) => {
    if (s.enabled !== last) onChange((last = s.enabled));
  });
}
