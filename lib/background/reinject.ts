import { browser } from '#imports';

/**
 * Chrome does not inject content scripts into tabs that were open before an install or
 * update, and the old ones are orphaned. Inject the current ones so agents need no reload.
 */
export async function reinjectContentScripts(): Promise<void> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  for (const cs of scripts) {
    if (!cs.js?.length || !cs.matches?.length) continue;
    const tabs = await browser.tabs.query({ url: cs.matches });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await browser.scripting
        // Manifest paths are built files, which WXT's typed PublicPath cannot list statically.
        .executeScript({ target: { tabId: tab.id, allFrames: !!cs.all_frames }, files: cs.js as never[] })
        .catch(() => {
          // Tab closed or not scriptable (e.g. a Chrome error page): nothing to do.
        });
    }
  }
}
