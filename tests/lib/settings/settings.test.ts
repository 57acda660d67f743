import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, isSidebarOpen, setSettings, setSidebarOpen, defaultSettings } from '@/lib/settings';

describe('settings', () => {
  it('defaults to GB numbers, 365-day retention and day-first dates', async () => {
    expect(await getSettings()).toEqual({ defaultRegion: 'GB', retentionDays: 365, dateOrder: 'DMY', agentName: '', reminderLeadMinutes: 30 });
    expect(defaultSettings.retentionDays).toBe(365);
  });

  it('keeps good fields and repairs bad ones field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { defaultRegion: 'US', retentionDays: -4, dateOrder: 'YMD', agentName: 'Sam' } });
    expect(await getSettings()).toEqual({ defaultRegion: 'US', retentionDays: 365, dateOrder: 'DMY', agentName: 'Sam', reminderLeadMinutes: 30 });
  });

  it('saves a patch', async () => {
    await setSettings({ retentionDays: 90 });
    expect((await getSettings()).retentionDays).toBe(90);
  });
});

describe('sidebar open state', () => {
  it('is open by default and remembered per site', async () => {
    expect(await isSidebarOpen('mail.google.com')).toBe(true);
    await setSidebarOpen('mail.google.com', false);
    expect(await isSidebarOpen('mail.google.com')).toBe(false);
    expect(await isSidebarOpen('acme.zendesk.com')).toBe(true);
  });
});
