import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateGuideKeys, signGuide, type GuideFetch } from '@/lib/guide';
import {
  getActiveGuide,
  getGuideResolution,
  readGuideInputs,
  refreshGuides,
  saveLocalGuideText,
  setPinnedGuideKey,
  subscribeGuide,
  syncManagedPolicy,
  unsubscribeGuide,
  watchActiveGuide,
  type ActiveGuide,
  type GuideDeps,
} from '@/lib/settings/guide';

const TEAM_URL = 'https://guides.example.com/team.json';
const IT_URL = 'https://it.example.com/guide.json';
const guide = (name: string, extra: Record<string, unknown> = {}) => ({ schemaVersion: 2, name, avoid: [], prefer: [], ...extra });

/** A tiny web server: path → current body; records requests. */
function web(files: Record<string, unknown>) {
  const requests: string[] = [];
  const fetchFn: GuideFetch = async (url) => {
    requests.push(url);
    if (!(url in files)) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(JSON.stringify(files[url]), { headers: { 'content-type': 'application/json' } });
  };
  return { files, requests, fetchFn };
}

function deps(fetchFn: GuideFetch, over: Partial<GuideDeps> = {}): GuideDeps {
  let t = Date.UTC(2026, 0, 10);
  return { now: () => (t += 1000), fetch: fetchFn, hasPermission: async () => true, readManaged: async () => ({}), ...over };
}

describe('guide subscription storage', () => {
  it('subscribes, applies the subscribed guide over the local one, and unsubscribes back to local', async () => {
    await saveLocalGuideText(JSON.stringify(guide('Local')));
    const site = web({ [TEAM_URL]: guide('Team') });
    const s = await subscribeGuide(TEAM_URL, deps(site.fetchFn));
    expect(s.lastError).toBeNull();
    expect(await getActiveGuide()).toMatchObject({ source: 'subscribed', guide: { name: 'Team' } });
    await unsubscribeGuide(deps(site.fetchFn));
    expect(await getActiveGuide()).toMatchObject({ source: 'local', guide: { name: 'Local' } });
  });

  it('refuses http before any request is made', async () => {
    const site = web({});
    await expect(subscribeGuide('http://guides.example.com/team.json', deps(site.fetchFn))).rejects.toThrow(/Only https:\/\//);
    expect(site.requests).toEqual([]);
    expect((await readGuideInputs()).subscribed).toBeNull();
  });

  it('records a missing host permission as the error, without fetching', async () => {
    const site = web({ [TEAM_URL]: guide('Team') });
    const s = await subscribeGuide(TEAM_URL, deps(site.fetchFn, { hasPermission: async () => false }));
    expect(s.lastError?.message).toMatch(/not allowed to read from guides\.example\.com.*Grant access/);
    expect(site.requests).toEqual([]);
  });

  it('the hourly refresh picks up a new version and tells open tabs, once', async () => {
    const site = web({ [TEAM_URL]: guide('Team v1') });
    await subscribeGuide(TEAM_URL, deps(site.fetchFn));
    const seen: (ActiveGuide | null)[] = [];
    const unwatch = watchActiveGuide((g) => seen.push(g));
    site.files[TEAM_URL] = guide('Team v2');
    await refreshGuides(deps(site.fetchFn));
    await expect.poll(() => seen.map((g) => g?.guide.name)).toEqual(['Team v2']);
    // A check that changes nothing moves "last checked" but does not re-deliver the guide.
    await refreshGuides(deps(site.fetchFn));
    expect((await readGuideInputs()).subscribed?.lastChanges).toEqual(['Name changed: "Team v1" → "Team v2"']);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.map((g) => g?.guide.name)).toEqual(['Team v2']);
    unwatch();
  });

  it('an unsubscribe during a fetch is not undone when the fetch finishes', async () => {
    let release!: () => void;
    const slow: GuideFetch = () =>
      new Promise((resolve) => {
        release = () => resolve(new Response(JSON.stringify(guide('Late')), { headers: { 'content-type': 'application/json' } }));
      });
    const site = web({ [TEAM_URL]: guide('Team') });
    await subscribeGuide(TEAM_URL, deps(site.fetchFn));
    const refreshing = refreshGuides(deps(slow));
    await expect.poll(() => typeof release).toBe('function');
    // Unsubscribing goes around refreshGuides' lock here (no Web Locks in Node), as a second
    // service-worker event could in a browser without them.
    await fakeBrowser.storage.local.set({ 'guide.subscription': null });
    release();
    await refreshing;
    expect((await readGuideInputs()).subscribed).toBeNull();
  });
});

describe('managed policy', () => {
  it('fetches the managed URL and applies it over the agent subscription', async () => {
    const site = web({ [TEAM_URL]: guide('Team'), [IT_URL]: guide('IT') });
    await subscribeGuide(TEAM_URL, deps(site.fetchFn));
    await refreshGuides(deps(site.fetchFn, { readManaged: async () => ({ guideUrl: IT_URL }) }));
    const r = await getGuideResolution();
    expect(r.active).toMatchObject({ source: 'managed', guide: { name: 'IT' } });
    expect(r.sources.map((s) => s.state)).toEqual(['active', 'overridden', 'none']);
  });

  it('treats failing or malformed managed storage as no policy', async () => {
    const site = web({ [TEAM_URL]: guide('Team') });
    await subscribeGuide(TEAM_URL, deps(site.fetchFn, { readManaged: () => Promise.reject(new Error('managed storage unavailable')) }));
    expect(await getActiveGuide()).toMatchObject({ source: 'subscribed' });
    expect(await syncManagedPolicy(deps(site.fetchFn, { readManaged: async () => ({ guideUrl: 5, lockGuide: 'x' }) }))).toEqual({});
  });

  it('reads chrome.storage.managed itself when no reader is injected', async () => {
    await fakeBrowser.storage.managed.set({ guideUrl: IT_URL, lockGuide: true });
    const { readManaged: _none, ...rest } = deps(web({ [IT_URL]: guide('IT') }).fetchFn);
    expect(await syncManagedPolicy(rest)).toEqual({ guideUrl: IT_URL, lockGuide: true });
  });

  it('a lock refuses the agent subscription, key and local guide, and drops the managed state when the URL goes', async () => {
    const site = web({ [IT_URL]: guide('IT') });
    const locked = deps(site.fetchFn, { readManaged: async () => ({ guideUrl: IT_URL, lockGuide: true }) });
    await refreshGuides(locked);
    await expect(subscribeGuide(TEAM_URL, locked)).rejects.toThrow(/locked/);
    await expect(setPinnedGuideKey('', locked)).rejects.toThrow(/administrator/);
    expect(await saveLocalGuideText(JSON.stringify(guide('Local')))).toMatchObject({ ok: false });
    expect(await getActiveGuide()).toMatchObject({ source: 'managed' });

    await syncManagedPolicy(deps(site.fetchFn));
    expect((await readGuideInputs()).managed).toBeNull();
    expect(await getActiveGuide()).toBeNull();
  });
});

describe('pinned key', () => {
  it('rejects a paste that is not a key, and re-verifies the subscription when a key is pinned', async () => {
    const keys = await generateGuideKeys();
    const site = web({ [TEAM_URL]: guide('Unsigned') });
    await subscribeGuide(TEAM_URL, deps(site.fetchFn));
    await expect(setPinnedGuideKey('hello', deps(site.fetchFn))).rejects.toThrow(/not an ECDSA P-256 public key/);

    await setPinnedGuideKey(keys.publicKey, deps(site.fetchFn));
    let inputs = await readGuideInputs();
    expect(inputs.subscribed?.lastError?.message).toMatch(/not signed/);
    expect(await getActiveGuide()).toBeNull(); // the unsigned version no longer applies

    site.files[TEAM_URL] = await signGuide(guide('Signed'), keys.privateKeyPem);
    await refreshGuides(deps(site.fetchFn));
    inputs = await readGuideInputs();
    expect(inputs.subscribed?.lastError).toBeNull();
    expect(await getActiveGuide()).toMatchObject({ source: 'subscribed', guide: { name: 'Signed' } });
  });
});
