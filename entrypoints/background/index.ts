import { browser, defineBackground } from '#imports';
import { AppDB } from '@/lib/db/app-db';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging/server';
import { getSettings } from '@/lib/settings';
import { reinjectContentScripts } from '@/lib/background/reinject';
import { syncInHouseContentScripts } from '@/lib/background/content-scripts';
import { getSiteSwitches } from '@/lib/settings';
import { siteStatus } from '@/lib/content/activation';
import { REMINDER_ALARM, runReminders, scheduleNextReminder, type ReminderDeps } from '@/lib/background/reminders';
import { GUIDE_REFRESH_ALARM, GUIDE_REFRESH_MINUTES, getActiveGuide, refreshGuides, watchActiveGuide } from '@/lib/settings/guide';

const RETENTION_ALARM = 'rapport-retention';

export default defineBackground(() => {
  // A connection handle, not state: every answer is read from IndexedDB, because Chrome
  // stops this worker after 30 s idle.
  const db = new AppDB();
  const reminders: ReminderDeps = {
    db,
    now: Date.now,
    leadMinutes: async () => (await getSettings()).reminderLeadMinutes,
    customerName: async (id) => (await db.customers.get(id))?.name,
    apis: {
      alarms: browser.alarms,
      notify: (id, n) => browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), priority: 2, requireInteraction: true, ...n }),
    },
  };
  const handlers = createHandlers({
    db,
    settings: getSettings,
    now: Date.now,
    onPromisesChanged: () => void scheduleNextReminder(reminders).catch((e) => console.warn('[Rapport] reminders:', e)),
  });
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    if (!(raw && typeof raw === 'object' && 'rapport' in raw && (raw as { rapport: unknown }).rapport === 1)) return false;
    void dispatch(handlers, raw, sender, extensionOrigin).then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void handlers.applyRetention({}, {});
    if (alarm.name === REMINDER_ALARM) void runReminders(reminders).catch((e) => console.warn('[Rapport] reminders:', e));
  });
  // Chrome may drop alarms across a browser restart; the due times live in IndexedDB, so re-aim.
  browser.runtime.onStartup.addListener(() => void runReminders(reminders).catch(() => {}));
  // A reminder's click opens the follow-ups list.
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(`${REMINDER_ALARM}:`)) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#follow-ups') });
    void browser.notifications.clear(id);
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
    if (reason === 'update' || reason === 'install') void reinjectContentScripts();
  });

  // Team guide subscription: checked hourly; also on browser start and whenever the managed
  // policy changes, for sources not checked within the hour. get-then-create, because
  // re-creating on every worker start would push the first run back each time.
  void browser.alarms.get(GUIDE_REFRESH_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(GUIDE_REFRESH_ALARM, { periodInMinutes: GUIDE_REFRESH_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === GUIDE_REFRESH_ALARM) void refreshGuides({ now: Date.now });
  });
  const refreshStaleGuides = () => void refreshGuides({ now: Date.now }, { staleAfterMs: GUIDE_REFRESH_MINUTES * 60_000 });
  browser.runtime.onStartup.addListener(refreshStaleGuides);
  browser.runtime.onInstalled.addListener(refreshStaleGuides); // a force-installed copy may arrive with a managed URL
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshGuides({ now: Date.now }, { staleAfterMs: 0 });
  });

  // In-house tools from the team guide: their content script is registered per granted origin.
  const syncInHouse = (opts?: { injectOpenTabs?: boolean }) => void syncInHouseContentScripts(opts).catch((e) => console.warn('[Rapport] in-house sites:', e));
  browser.permissions.onAdded.addListener(() => syncInHouse());
  browser.permissions.onRemoved.addListener(() => syncInHouse());
  browser.runtime.onStartup.addListener(() => syncInHouse());
  browser.runtime.onInstalled.addListener(() => syncInHouse({ injectOpenTabs: true }));
  watchActiveGuide(() => syncInHouse());

  // Alt+Shift+R. The toolbar button opens the popup (entrypoints/popup), which sends the same
  // toggle itself; a site switched off has no sidebar to toggle, so the page is left alone.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar' || tab?.id === undefined) return;
    const tabId = tab.id;
    void Promise.all([getActiveGuide().catch(() => null), getSiteSwitches()]).then(([active, agent]) => {
      if (tab.url && !siteStatus(tab.url, active?.guide, agent).enabled) return;
      browser.tabs.sendMessage(tabId, { rapport: 'toggle-sidebar' }).catch(() => {
        // No Rapport content script in that tab (not a supported site): nothing to toggle.
      });
    });
  });
});
