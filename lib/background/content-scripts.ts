/**
 * In-house tools (the team guide's `generic` entries) are not in the manifest: the agent grants
 * each origin at runtime (options page → permissions.request), and this module registers the
 * same built sidebar script there with scripting.registerContentScripts. It keeps no state:
 * every sync compares what the guide and the granted permissions ask for with what Chrome has
 * registered, and fixes the difference. Called on install/startup, when permissions change and
 * when the guide changes.
 */
import { browser } from '#imports';
import { permissionOrigin } from '@/lib/adapters/generic';
import type { Guide } from '@/lib/guide/schema';
import { getActiveGuide } from '@/lib/settings/guide';

/** Registered script ids are `<prefix><generic id>`, so ours are told apart from anyone else's. */
export const IN_HOUSE_SCRIPT_PREFIX = 'rapport-in-house:';
/** The content script's built file (entrypoints/sidebar.content), as listed in the manifest. */
export const SIDEBAR_SCRIPT = 'content-scripts/sidebar.js';

export interface Registration {
  id: string;
  matches: string[];
}

/** Entries the active guide wants running: not switched off by the lead, origin requestable. */
export function wantedRegistrations(guide: Guide | null | undefined): (Registration & { origin: string })[] {
  return (guide?.generic ?? []).flatMap((g) => {
    const origin = permissionOrigin(g.urlPattern);
    if (!origin || guide?.sites?.[g.id]?.enabled === false) return [];
    return [{ id: IN_HOUSE_SCRIPT_PREFIX + g.id, matches: [g.urlPattern], origin }];
  });
}

/** What to change so that `registered` (ours only) becomes `wanted`. */
export function planRegistrations(wanted: readonly Registration[], registered: readonly Registration[]) {
  const now = new Map(registered.map((r) => [r.id, r]));
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    register: wanted.filter((w) => !now.has(w.id)),
    update: wanted.filter((w) => now.has(w.id) && !same(now.get(w.id)!.matches, w.matches)),
    unregister: registered.filter((r) => !wanted.some((w) => w.id === r.id)).map((r) => r.id),
  };
}

export interface SyncResult {
  registered: string[];
  unregistered: string[];
}

/**
 * Brings Chrome's registered in-house scripts in line with the guide and the granted origins.
 * `injectOpenTabs`: also run the script in tabs already open on every wanted site (after an
 * install or update orphaned the old one); newly registered sites always get it.
 */
export async function syncInHouseContentScripts(opts: { injectOpenTabs?: boolean } = {}): Promise<SyncResult> {
  // A Web Lock, not a flag in memory: permission and guide events can arrive together, and two
  // overlapping syncs would both try to register the same id.
  return navigator.locks.request('rapport-in-house-content-scripts', async () => {
    const guide = (await getActiveGuide().catch(() => null))?.guide;
    const wanted: Registration[] = [];
    for (const w of wantedRegistrations(guide)) {
      if (await browser.permissions.contains({ origins: [w.origin] })) wanted.push({ id: w.id, matches: w.matches });
    }
    const registered = (await browser.scripting.getRegisteredContentScripts())
      .filter((s) => s.id.startsWith(IN_HOUSE_SCRIPT_PREFIX))
      .map((s) => ({ id: s.id, matches: s.matches ?? [] }));
    const plan = planRegistrations(wanted, registered);

    // Same files, timing and frames as the manifest's sidebar script, so both paths run one build.
    const cs = browser.runtime.getManifest().content_scripts?.find((c) => c.js?.includes(SIDEBAR_SCRIPT));
    const script = (r: Registration) => ({
      id: r.id,
      matches: r.matches,
      js: cs?.js ?? [SIDEBAR_SCRIPT],
      ...(cs?.css?.length ? { css: cs.css } : {}),
      runAt: (cs?.run_at ?? 'document_idle') as 'document_idle',
      allFrames: cs?.all_frames ?? false,
      persistAcrossSessions: true,
    });
    if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
    if (plan.update.length) await browser.scripting.updateContentScripts(plan.update.map(script));
    if (plan.register.length) await browser.scripting.registerContentScripts(plan.register.map(script));

    const inject = opts.injectOpenTabs ? wanted : plan.register;
    for (const r of inject) {
      const tabs = await browser.tabs.query({ url: r.matches }).catch(() => []);
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        await browser.scripting
          .executeScript({ target: { tabId: tab.id, allFrames: script(r).allFrames }, files: script(r).js as never[] })
          .catch(() => {
            // Tab closed or not scriptable: it gets the script on its next load.
          });
      }
    }
    return { registered: plan.register.map((r) => r.id), unregistered: plan.unregister };
  });
}
