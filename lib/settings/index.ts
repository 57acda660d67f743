/**
 * Small preferences in browser.storage.local (extension-private, readable from content
 * scripts without a round trip). Parsed with zod on every read so a corrupted or older
 * value falls back to defaults field by field instead of breaking the sidebar.
 */
import { z } from 'zod';
import { storage } from '#imports';

export const settingsSchema = z.object({
  /** Region for phone numbers written without a country code. */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/).catch('GB'),
  /** Contacts older than this are deleted daily. */
  retentionDays: z.number().int().min(1).max(3650).catch(365),
  /** How to read 03/04/2024 in imported files. */
  dateOrder: z.enum(['DMY', 'MDY']).catch('DMY'),
  /** Shown as the agent on contacts this browser logs. */
  agentName: z.string().max(200).catch(''),
  /** How long before a promised time the "due soon" reminder fires. */
  reminderLeadMinutes: z.number().int().min(0).max(24 * 60).catch(30),
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = settingsSchema.parse({});

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: {} });

export async function getSettings(): Promise<Settings> {
  return settingsSchema.parse((await settingsItem.getValue()) ?? {});
}

export async function setSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(settingsSchema.parse(v ?? {})));
}

/** Sidebar open/closed, remembered per site (hostname). Default: open. */
const sidebarOpenItem = storage.defineItem<Record<string, boolean>>('local:sidebarOpen', { fallback: {} });

export async function isSidebarOpen(site: string): Promise<boolean> {
  const all = z.record(z.string(), z.boolean()).catch({}).parse(await sidebarOpenItem.getValue());
  return all[site] ?? true;
}

export async function setSidebarOpen(site: string, open: boolean): Promise<void> {
  const all = z.record(z.string(), z.boolean()).catch({}).parse(await sidebarOpenItem.getValue());
  await sidebarOpenItem.setValue({ ...all, [site]: open });
}

/**
 * Rapport on/off per site (hostname), switched from the toolbar popup. Default: on. A team
 * guide's `sites` switch can still turn a site off over this (lib/content/activation.ts).
 */
const siteEnabledItem = storage.defineItem<Record<string, boolean>>('local:siteEnabled', { fallback: {} });
const siteSwitchesSchema = z.record(z.string(), z.boolean()).catch({});

export async function getSiteSwitches(): Promise<Record<string, boolean>> {
  return siteSwitchesSchema.parse(await siteEnabledItem.getValue());
}

export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const all = await getSiteSwitches();
  // Only "off" is stored: on is the default, so the map lists exactly the sites turned off.
  const { [site]: _, ...rest } = all;
  await siteEnabledItem.setValue(enabled ? rest : { ...rest, [site]: false });
}

export function watchSiteSwitches(cb: (switches: Record<string, boolean>) => void): () => void {
  return siteEnabledItem.watch((v) => cb(siteSwitchesSchema.parse(v)));
}
