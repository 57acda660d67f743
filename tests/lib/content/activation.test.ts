import { describe, expect, it } from 'vitest';
import { effectiveUrl, matchSite, resolveActiveAdapter, siteStatus, waitForActiveAdapter, watchSiteEnabled } from '@/lib/content/activation';
import { sampleConfig } from '@/lib/adapters/generic';
import type { Guide } from '@/lib/guide/schema';
import { setSiteEnabled } from '@/lib/settings';
import { saveLocalGuideText } from '@/lib/settings/guide';

const guide = (extra: Partial<Guide> = {}): Guide => ({
  schemaVersion: 2,
  name: 'Acme guide',
  avoid: [],
  prefer: [],
  generic: [sampleConfig, { ...sampleConfig, id: 'globex-desk', label: 'Globex Desk', urlPattern: 'https://desk.globex-internal.example/*', editor: 'textarea' }],
  ...extra,
});

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/t1';
const ACME = 'https://support.acme-internal.example/tickets/1042';
const GLOBEX = 'https://desk.globex-internal.example/t/7';

describe('matchSite', () => {
  it('finds built-in hosts without a guide', () => {
    expect(matchSite(GMAIL, null)).toMatchObject({ kind: 'built-in', id: 'gmail', label: 'Gmail' });
    expect(matchSite(ACME, null)).toBeNull();
  });

  it('finds in-house tools through the guide, each with its own configuration', () => {
    expect(matchSite(ACME, guide())).toMatchObject({ kind: 'in-house', id: 'acme-support', label: 'Acme Support' });
    const globex = matchSite(GLOBEX, guide());
    expect(globex).toMatchObject({ kind: 'in-house', id: 'globex-desk' });
    expect(globex?.kind === 'in-house' && globex.adapter.config.editor).toBe('textarea');
    expect(matchSite('https://example.com/', guide())).toBeNull();
  });

  it('lets a built-in host win over a guide pattern that also covers it', () => {
    const g = guide({ generic: [{ ...sampleConfig, urlPattern: 'https://mail.google.com/*' }] });
    expect(matchSite(GMAIL, g)?.kind).toBe('built-in');
  });
});

describe('siteStatus: who may switch a site off', () => {
  it('is on by default for supported sites and off (no one to blame) elsewhere', () => {
    expect(siteStatus(GMAIL, null, {})).toMatchObject({ hostname: 'mail.google.com', enabled: true, offBy: null });
    expect(siteStatus('https://example.com/x', guide(), {})).toMatchObject({ hostname: 'example.com', match: null, enabled: false, offBy: null });
  });

  it('the agent switches a site off by hostname', () => {
    expect(siteStatus(GMAIL, null, { 'mail.google.com': false })).toMatchObject({ enabled: false, offBy: 'agent' });
    expect(siteStatus(ACME, guide(), { 'support.acme-internal.example': false })).toMatchObject({ enabled: false, offBy: 'agent' });
    expect(siteStatus(GLOBEX, guide(), { 'support.acme-internal.example': false }).enabled).toBe(true);
  });

  it("the team lead's enabled:false wins, even over an agent's explicit on", () => {
    const g = guide({ sites: { gmail: { enabled: false }, 'acme-support': { enabled: false } } });
    expect(siteStatus(GMAIL, g, { 'mail.google.com': true })).toMatchObject({ enabled: false, offBy: 'guide' });
    expect(siteStatus(ACME, g, {})).toMatchObject({ enabled: false, offBy: 'guide' });
    expect(siteStatus(GLOBEX, g, {}).enabled).toBe(true);
  });

  it("the guide's enabled:true is the default, not a force-on", () => {
    const g = guide({ sites: { gmail: { enabled: true } } });
    expect(siteStatus(GMAIL, g, { 'mail.google.com': false })).toMatchObject({ enabled: false, offBy: 'agent' });
  });

  it('resolveActiveAdapter returns the adapter only when on', () => {
    expect(resolveActiveAdapter(GMAIL, null, {})?.meta.id).toBe('gmail');
    expect(resolveActiveAdapter(ACME, guide(), {})?.meta.label).toBe('Acme Support');
    expect(resolveActiveAdapter(ACME, guide(), { 'support.acme-internal.example': false })).toBeNull();
    expect(resolveActiveAdapter(ACME, null, {})).toBeNull();
  });
});

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('content-script side (extension storage)', () => {
  it('waits while the site is off and resolves when the agent turns it on', async () => {
    await setSiteEnabled('mail.google.com', false);
    let adapter: unknown = 'pending';
    void waitForActiveAdapter(GMAIL, new AbortController().signal).then((a) => (adapter = a));
    await tick();
    expect(adapter).toBe('pending');
    await setSiteEnabled('mail.google.com', true);
    await expect.poll(() => (adapter as { meta?: { id: string } } | null)?.meta?.id).toBe('gmail');
  });

  it('resolves the in-house adapter from the stored guide, and null for unsupported pages', async () => {
    expect(await waitForActiveAdapter(ACME, new AbortController().signal)).toBeNull();
    expect((await saveLocalGuideText(JSON.stringify(guide()))).ok).toBe(true);
    expect((await waitForActiveAdapter(ACME, new AbortController().signal))?.meta.label).toBe('Acme Support');
  });

  it('gives up (null) when the content script is invalidated while waiting', async () => {
    await setSiteEnabled('mail.google.com', false);
    const ac = new AbortController();
    const p = waitForActiveAdapter(GMAIL, ac.signal);
    ac.abort();
    expect(await p).toBeNull();
  });

  it('watchSiteEnabled reports the state, then each change from the popup or the guide, until aborted', async () => {
    const seen: boolean[] = [];
    const ac = new AbortController();
    watchSiteEnabled(GMAIL, ac.signal, (on) => seen.push(on));
    await expect.poll(() => seen).toEqual([true]);
    await setSiteEnabled('mail.google.com', false);
    await expect.poll(() => seen).toEqual([true, false]);
    await setSiteEnabled('mail.google.com', true);
    await expect.poll(() => seen).toEqual([true, false, true]);
    await saveLocalGuideText(JSON.stringify(guide({ sites: { gmail: { enabled: false } } })));
    await expect.poll(() => seen).toEqual([true, false, true, false]);
    ac.abort();
    await saveLocalGuideText('');
    await tick();
    expect(seen).toEqual([true, false, true, false]);
  });
});

describe('effectiveUrl: a script-built pop-out window borrows its opener\'s URL', () => {
  const OWA = 'https://outlook.office.com/mail/inbox/id/AAQkJane1';
  it('uses the opener for a top-level about:blank window', () => {
    expect(effectiveUrl('about:blank', true, () => OWA)).toBe(OWA);
    expect(effectiveUrl('about:blank#compose', true, () => OWA)).toBe(OWA);
    expect(resolveActiveAdapter(effectiveUrl('about:blank', true, () => OWA), null, {})?.meta.id).toBe('outlook');
    expect(siteStatus(effectiveUrl('about:blank', true, () => OWA), null, { 'outlook.office.com': false }).enabled).toBe(false);
  });
  it('never in frames, never for real URLs, and not when the opener is unreadable, gone or blank', () => {
    expect(effectiveUrl('about:blank', false, () => OWA)).toBe('about:blank');
    expect(effectiveUrl(GMAIL, true, () => OWA)).toBe(GMAIL);
    expect(effectiveUrl('about:blankety', true, () => OWA)).toBe('about:blankety');
    expect(effectiveUrl('about:blank', true, () => { throw new DOMException('Blocked a frame', 'SecurityError'); })).toBe('about:blank');
    expect(effectiveUrl('about:blank', true, () => undefined)).toBe('about:blank');
    expect(effectiveUrl('about:blank', true, () => 'about:blank')).toBe('about:blank');
  });
});
