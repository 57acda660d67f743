import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSiteSwitches, setSiteEnabled, watchSiteSwitches } from '@/lib/settings';

describe('per-site on/off (toolbar popup)', () => {
  it('is on everywhere by default and stores only the sites switched off', async () => {
    expect(await getSiteSwitches()).toEqual({});
    await setSiteEnabled('mail.google.com', false);
    await setSiteEnabled('acme.zendesk.com', true);
    expect(await getSiteSwitches()).toEqual({ 'mail.google.com': false });
    await setSiteEnabled('mail.google.com', true);
    expect(await getSiteSwitches()).toEqual({});
  });

  it('reads a corrupted value as "all on" instead of failing', async () => {
    await fakeBrowser.storage.local.set({ siteEnabled: 'nope' });
    expect(await getSiteSwitches()).toEqual({});
  });

  it('tells watchers about changes', async () => {
    const seen: Record<string, boolean>[] = [];
    const stop = watchSiteSwitches((s) => seen.push(s));
    await setSiteEnabled('mail.google.com', false);
    await expect.poll(() => seen).toEqual([{ 'mail.google.com': false }]);
    stop();
  });
});
