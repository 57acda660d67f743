import { useEffect, useState } from 'react';
import { z } from 'zod';
import { browser } from '#imports';
import { permissionOrigin } from '@/lib/adapters/generic';
import { siteStatus, type SiteStatus } from '@/lib/content/activation';
import { getSiteSwitches, setSiteEnabled, watchSiteSwitches } from '@/lib/settings';
import { getActiveGuide, watchActiveGuide } from '@/lib/settings/guide';
import { FollowUps } from '@/components/follow-ups/follow-ups';

/** `popup.html?tab=<id>` names the tab (tests open the popup as a page); else the active tab. */
const tabParam = z.coerce.number().int().nonnegative();

async function currentTab(): Promise<{ id: number; url?: string } | null> {
  const param = tabParam.safeParse(new URLSearchParams(location.search).get('tab') ?? undefined);
  const tab = param.success ? await browser.tabs.get(param.data).catch(() => null) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
}

interface View {
  tabId: number;
  status: SiteStatus;
  /** In-house sites only: has the agent granted the origin yet (options page)? */
  granted: boolean;
}

async function load(): Promise<View | null> {
  const tab = await currentTab();
  if (!tab) return null;
  const [active, agent] = await Promise.all([getActiveGuide().catch(() => null), getSiteSwitches()]);
  // Without host access Chrome hides the tab's URL: then it is not a site Rapport runs on.
  const status = siteStatus(tab.url ?? '', active?.guide, agent);
  let granted = true;
  if (status.match?.kind === 'in-house') {
    const origin = permissionOrigin(status.match.adapter.config.urlPattern);
    granted = !!origin && (await browser.permissions.contains({ origins: [origin] }));
  }
  return { tabId: tab.id, status, granted };
}

/**
 * The toolbar popup: which site this tab is, whether Rapport runs here, the agent's on/off
 * switch for the site (a team guide's "off" wins and locks it), show/hide for the sidebar (the
 * action's click opened this popup, so the toggle lives here) and a way to the options page.
 */
export function PopupApp() {
  const [view, setView] = useState<View | null | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    const refresh = () => void load().then(setView, (e) => setError(String(e)));
    refresh();
    const stops = [watchSiteSwitches(refresh), watchActiveGuide(refresh)];
    return () => stops.forEach((s) => s());
  }, []);
  if (view === undefined) return <main aria-busy="true" />;

  const status = view?.status;
  const match = status?.match;
  const runs = !!status?.enabled && !!view?.granted;
  const line = !match
    ? 'Rapport doesn’t run on this site.'
    : match.kind === 'built-in'
      ? `Built-in: ${match.label}`
      : `In-house tool from your team guide: ${match.label}`;

  const toggleSidebar = () => {
    if (!view) return;
    browser.tabs.sendMessage(view.tabId, { rapport: 'toggle-sidebar' }).catch(() => setError('The sidebar isn’t loaded in this tab yet; reload the page.'));
  };

  return (
    <main aria-label="Rapport for this site">
      <h1>Rapport</h1>
      <p className="site" data-testid="popup-site">{status?.hostname || 'This page'}</p>
      <p className="status" data-testid="popup-status">{line}{match && !runs ? ' (off)' : ''}</p>
      {match && (
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            aria-label="Rapport on this site"
            checked={status!.enabled}
            disabled={status!.offBy === 'guide'}
            onChange={(e) => {
              const on = e.target.checked;
              // Shown at once; the storage watcher confirms (or corrects) it a moment later.
              setView({ ...view!, status: { ...status!, enabled: on, offBy: on ? null : 'agent' } });
              void setSiteEnabled(status!.hostname, on).catch((err) => setError(String(err)));
            }}
          />
          Rapport on this site
        </label>
      )}
      {status?.offBy === 'guide' && <p className="note">Your team guide turns Rapport off here; only your team lead can turn it back on.</p>}
      {match?.kind === 'in-house' && !view?.granted && (
        <p className="note">Not enabled in this browser yet: open the options page and choose “Enable on {permissionOrigin(match.adapter.config.urlPattern) ?? match.adapter.config.urlPattern}”.</p>
      )}
      {match && (
        <button type="button" onClick={toggleSidebar} disabled={!runs}>
          Show/hide sidebar
        </button>
      )}
      {error && <p role="alert" className="note">{error}</p>}
      <section className="popup-follow-ups" aria-label="My follow-ups">
        <h2>My follow-ups</h2>
        <FollowUps limit={5} />
      </section>
      <div className="links">
        <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>
          Options
        </a>
      </div>
    </main>
  );
}
