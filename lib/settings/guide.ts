/**
 * The team guide this browser applies, and where it comes from. Everything lives in
 * chrome.storage.local (a guide is settings, not customer data), so content scripts read it
 * without a round trip and react to changes:
 *
 * - `guide.local`: the JSON text the lead wrote on the options page (kept as written).
 * - `guide.subscription`: the agent's subscribed URL and its fetch state (last good version…).
 * - `guide.managedSubscription`: the same for the URL set by enterprise policy.
 * - `guide.pinnedKey`: the public key the agent pinned.
 * - `guide.policy`: a copy of chrome.storage.managed, refreshed by the background, so every
 *   reader resolves from one storage area and one change event.
 *
 * Writes to the subscription states and the policy copy happen only in the background (these
 * functions are called from its message handlers and alarm); the service worker keeps nothing
 * in memory. Precedence and its explanation: lib/guide/active.ts.
 */
import { browser, storage } from '#imports';
import {
  checkGuideUrl,
  guideOriginPattern,
  importPinnedKey,
  newSubscription,
  parseGuideText,
  readManagedPolicy,
  readSubscriptionState,
  refreshSubscription,
  resolveActiveGuide,
  type Guide,
  type GuideFetch,
  type GuideInputs,
  type GuideResolution,
  type GuideSource,
  type ManagedPolicy,
  type SubscriptionState,
} from '@/lib/guide';

const localGuideItem = storage.defineItem<string>('local:guide.local', { fallback: '' });
const subscriptionItem = storage.defineItem<unknown>('local:guide.subscription', { fallback: null });
const managedSubscriptionItem = storage.defineItem<unknown>('local:guide.managedSubscription', { fallback: null });
const pinnedKeyItem = storage.defineItem<string>('local:guide.pinnedKey', { fallback: '' });
const policyItem = storage.defineItem<unknown>('local:guide.policy', { fallback: {} });

/** Hourly, as the issue asks; the alarm is registered in entrypoints/background. */
export const GUIDE_REFRESH_ALARM = 'guide-refresh';
export const GUIDE_REFRESH_MINUTES = 60;

export interface ActiveGuide {
  guide: Guide;
  source: GuideSource;
}

export async function getLocalGuideText(): Promise<string> {
  return (await localGuideItem.getValue()) ?? '';
}

/** Saves only a guide that parses; returns the parser's errors otherwise (nothing is lost). */
export async function saveLocalGuideText(text: string): Promise<{ ok: true; warnings: string[] } | { ok: false; errors: string[] }> {
  if ((await getGuidePolicy()).lockGuide) return { ok: false, errors: ['Your administrator allows only the managed guide; a local guide would not apply.'] };
  if (!text.trim()) {
    await localGuideItem.setValue('');
    return { ok: true, warnings: [] };
  }
  const parsed = parseGuideText(text);
  if (!parsed.ok) return parsed;
  await localGuideItem.setValue(text);
  return { ok: true, warnings: parsed.warnings };
}

/** The policy copy the background last wrote (see syncManagedPolicy). */
export async function getGuidePolicy(): Promise<ManagedPolicy> {
  return readManagedPolicy(await policyItem.getValue());
}

export async function readGuideInputs(): Promise<GuideInputs> {
  const [policy, managed, subscribed, pinnedKey, localText] = await Promise.all([
    policyItem.getValue(),
    managedSubscriptionItem.getValue(),
    subscriptionItem.getValue(),
    pinnedKeyItem.getValue(),
    localGuideItem.getValue(),
  ]);
  return {
    policy: readManagedPolicy(policy),
    managed: readSubscriptionState(managed),
    subscribed: readSubscriptionState(subscribed),
    pinnedKey: typeof pinnedKey === 'string' ? pinnedKey : '',
    localText: typeof localText === 'string' ? localText : '',
  };
}

export async function getGuideResolution(): Promise<GuideResolution> {
  return resolveActiveGuide(await readGuideInputs());
}

export async function getActiveGuide(): Promise<ActiveGuide | null> {
  return (await getGuideResolution()).active;
}

const items = [localGuideItem, subscriptionItem, managedSubscriptionItem, pinnedKeyItem, policyItem];

/** Calls `cb` with fresh inputs whenever any guide-related item changes. */
export function watchGuideInputs(cb: (inputs: GuideInputs) => void): () => void {
  let generation = 0;
  const reread = () => {
    // Several items can change in quick succession; only the newest read is delivered.
    const mine = ++generation;
    void readGuideInputs().then((inputs) => {
      if (mine === generation) cb(inputs);
    });
  };
  const unwatch = items.map((item) => item.watch(reread));
  return () => unwatch.forEach((u) => u());
}

/**
 * Open tabs pick up a new guide without a reload, whichever source it comes from. Hourly checks
 * that change nothing (a new "last checked" time) do not re-deliver the same guide.
 */
export function watchActiveGuide(cb: (g: ActiveGuide | null) => void): () => void {
  let last: string | undefined;
  return watchGuideInputs((inputs) => {
    const { active } = resolveActiveGuide(inputs);
    const key = active ? `${active.source}\n${JSON.stringify(active.guide)}` : '';
    if (key === last) return;
    last = key;
    cb(active);
  });
}

// ---------------------------------------------------------------------------------------------
// Background only: fetching and writing subscription state.

export interface GuideDeps {
  now: () => number;
  fetch?: GuideFetch;
  /** Does Rapport hold host permission for this origin pattern? */
  hasPermission?: (originPattern: string) => Promise<boolean>;
  /** chrome.storage.managed contents; absent or failing means "no policy". */
  readManaged?: () => Promise<unknown>;
}

const defaultFetch: GuideFetch = (url, init) => fetch(url, init);
const defaultHasPermission = async (origin: string) => {
  try {
    return await browser.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
};
async function defaultReadManaged(): Promise<unknown> {
  try {
    // Unmanaged browsers, Firefox without a policy, or a schema Chrome could not load: all
    // simply mean "no policy".
    return (await browser.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

/**
 * One writer at a time: the alarm, a "Check now" click and a subscribe can overlap, and each
 * reads, fetches, then writes. Web Locks exist in the service worker; tests run without them.
 */
async function exclusively<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request('rapport-guide-subscription', fn) : fn();
}

/** Copy chrome.storage.managed into storage.local; a changed managed URL starts a fresh state. */
export async function syncManagedPolicy(deps: GuideDeps): Promise<ManagedPolicy> {
  const policy = readManagedPolicy(await (deps.readManaged ?? defaultReadManaged)().catch(() => ({})));
  const current = readManagedPolicy(await policyItem.getValue());
  if (JSON.stringify(current) !== JSON.stringify(policy)) await policyItem.setValue(policy);
  const managed = readSubscriptionState(await managedSubscriptionItem.getValue());
  const url = policy.guideUrl ? checkGuideUrl(policy.guideUrl) : null;
  if (!policy.guideUrl) {
    if (managed) await managedSubscriptionItem.setValue(null);
  } else if (managed?.url !== policy.guideUrl) {
    // An invalid managed URL still gets a state, so the options page can show the error.
    await managedSubscriptionItem.setValue({
      ...newSubscription(policy.guideUrl),
      ...(url && !url.ok ? { lastError: { message: url.error, at: deps.now() } } : {}),
    });
  }
  return policy;
}

type Slot = 'managed' | 'subscribed';
const slotItem = (slot: Slot) => (slot === 'managed' ? managedSubscriptionItem : subscriptionItem);

async function refreshSlot(slot: Slot, deps: GuideDeps, pinnedKey: string | null): Promise<SubscriptionState | null> {
  const item = slotItem(slot);
  const state = readSubscriptionState(await item.getValue());
  if (!state) return null;
  const now = deps.now();
  let next: SubscriptionState;
  const checked = checkGuideUrl(state.url);
  if (checked.ok && !(await (deps.hasPermission ?? defaultHasPermission)(guideOriginPattern(checked.url)))) {
    // Without host permission the fetch would be a CORS request that most file hosts refuse,
    // so say what to do instead of reporting an obscure network error.
    next = {
      ...state,
      lastCheckedAt: now,
      lastError: { message: `Rapport is not allowed to read from ${new URL(checked.url).host} yet: click "Grant access" on the options page`, at: now },
    };
  } else {
    next = await refreshSubscription(state, deps.fetch ?? defaultFetch, now, { pinnedKey });
  }
  // The agent may have unsubscribed (or the policy changed) while the fetch ran: never
  // resurrect a subscription that is gone.
  const latest = readSubscriptionState(await item.getValue());
  if (latest?.url !== state.url) return latest;
  await item.setValue(next);
  return next;
}

export interface RefreshGuidesOptions {
  /** Only sources not checked for this long (startup, policy change); the alarm refreshes all. */
  staleAfterMs?: number;
}

/** The hourly check: sync policy, then fetch the managed and subscribed URLs. */
export async function refreshGuides(deps: GuideDeps, opts: RefreshGuidesOptions = {}): Promise<void> {
  await exclusively(async () => {
    const policy = await syncManagedPolicy(deps);
    const pinned = policy.guidePublicKey ?? ((await pinnedKeyItem.getValue()) || '').trim();
    for (const slot of ['managed', 'subscribed'] as const) {
      if (slot === 'subscribed' && policy.lockGuide) continue; // not applied, so not fetched either
      if (opts.staleAfterMs !== undefined) {
        const state = readSubscriptionState(await slotItem(slot).getValue());
        if (state?.lastCheckedAt != null && deps.now() - state.lastCheckedAt < opts.staleAfterMs) continue;
      }
      await refreshSlot(slot, deps, pinned || null);
    }
  });
}

/** Subscribe to a URL (replacing any previous one) and fetch it at once. */
export async function subscribeGuide(url: string, deps: GuideDeps): Promise<SubscriptionState> {
  return exclusively(async () => {
    const policy = await syncManagedPolicy(deps);
    if (policy.lockGuide) throw new Error('Your administrator has locked the guide settings.');
    const checked = checkGuideUrl(url);
    if (!checked.ok) throw new Error(checked.error);
    const existing = readSubscriptionState(await subscriptionItem.getValue());
    // Re-subscribing to the same URL keeps its last good version (and counts as "check now").
    if (existing?.url !== checked.url) await subscriptionItem.setValue(newSubscription(checked.url));
    const pinned = policy.guidePublicKey ?? ((await pinnedKeyItem.getValue()) || '').trim();
    return (await refreshSlot('subscribed', deps, pinned || null)) ?? newSubscription(checked.url);
  });
}

export async function unsubscribeGuide(deps: GuideDeps): Promise<void> {
  await exclusively(async () => {
    const policy = await syncManagedPolicy(deps);
    if (policy.lockGuide) throw new Error('Your administrator has locked the guide settings.');
    await subscriptionItem.setValue(null);
  });
}

/**
 * Pin (or, with an empty string, unpin) the lead's public key, then re-check the subscriptions:
 * a version accepted under another key only applies again once it verifies under this one.
 */
export async function setPinnedGuideKey(key: string, deps: GuideDeps): Promise<void> {
  const policy = await exclusively(() => syncManagedPolicy(deps));
  if (policy.guidePublicKey || policy.lockGuide) throw new Error('Your administrator sets the guide key; it cannot be changed here.');
  const trimmed = key.trim();
  if (trimmed && !(await importPinnedKey(trimmed))) {
    throw new Error('That is not an ECDSA P-256 public key (paste the base64 line from rapport-guide.pub).');
  }
  await pinnedKeyItem.setValue(trimmed);
  await refreshGuides(deps);
}
