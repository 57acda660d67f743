import { browser, defineBackground } from '#imports';
import { AppDB } from '@/lib/db/app-db';
import { createHandlers } from '@/lib/background/handlers';
import { dispatch } from '@/lib/messaging/server';
import { getSettings } from '@/lib/settings';
import { reinjectContentScripts } from '@/lib/background/reinject';

const RETENTION_ALARM = 'rapport-retention';

export default defineBackground(() => {
  // A connection handle, not state: every answer is read from IndexedDB, because Chrome
  // stops this worker after 30 s idle.
  const db = new AppDB();
  const handlers = createHandlers({ db, settings: getSettings, now: Date.now });
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    if (!(raw && typeof raw === 'object' && 'rapport' in raw && (raw as { rapport: unknown }).rapport === 1)) return false;
    void dispatch(handlers, raw, sender, extensionOrigin).then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void handlers.applyRetention({}, {});
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
    if (reason === 'update' || reason === 'install') void reinjectContentScripts();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar' && tab?.id !== undefined) {
      browser.tabs.sendMessage(tab.id, { rapport: 'toggle-sidebar' }).catch(() => {
        // No Rapport content script in that tab (not a supported site): nothing to toggle.
      });
    }
  });

  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { rapport: 'toggle-sidebar' }).catch(() => browser.runtime.openOptionsPage());
  });
});
