/**
 * A subscription to a guide published at an HTTPS URL: one fetch → validate → keep-or-refuse
 * step, pure except for the `fetch` it is given, so every failure mode is unit-tested without a
 * browser. The background stores the returned state in chrome.storage.local (lib/settings/guide.ts)
 * and keeps nothing in memory.
 *
 * The rule that shapes everything here: a failed or refused fetch never costs the agent the
 * last good guide. Each outcome only adds `lastError` (what and when) to the previous state;
 * `lastGood` changes only when a new version passes every check.
 */
import { z } from 'zod';
import { jsonEqual } from './canonical';
import { diffGuides } from './diff';
import { DEFAULT_MAX_GUIDE_BYTES, formatBytes, parseGuide, parseGuideText, parseJsonText } from './parse';
import type { Guide } from './schema';
import { verifyGuide, type VerifyResult } from './signing';

/** A hung server must not hold the background (and the next hourly check) forever. */
export const GUIDE_FETCH_TIMEOUT_MS = 30_000;
/** Longest error or warning list kept in the status: enough to fix the file, bounded storage. */
const MAX_MESSAGES = 20;
const MAX_URL_LENGTH = 2048;

const message = z.string().max(2000);

export const subscriptionStateSchema = z.object({
  url: z.string().max(MAX_URL_LENGTH),
  /** The ETag of `lastGood`, sent back as If-None-Match; null if the server sent none. */
  etag: z.string().max(1024).nullable().catch(null),
  lastGood: z
    .object({
      /** The file exactly as served: parsed again on every read (the same zod boundary as a local guide). */
      text: z.string().max(DEFAULT_MAX_GUIDE_BYTES),
      /**
       * The pinned public key this version's signature was checked with (null: no key was pinned).
       * If the agent or policy pins another key later, the version no longer counts as verified.
       */
      verifiedKey: z.string().max(4096).nullable(),
      fetchedAt: z.number(),
    })
    .nullable()
    .catch(null),
  lastCheckedAt: z.number().nullable().catch(null),
  /** When `lastGood` last changed content (not merely re-checked). */
  lastUpdatedAt: z.number().nullable().catch(null),
  lastError: z.object({ message, at: z.number() }).nullable().catch(null),
  /** `diffGuides` summaries of the last update; empty for the first version. */
  lastChanges: z.array(message).max(500).catch([]),
  /** Parser warnings of `lastGood` (unknown fields, duplicates): reported, not fatal. */
  warnings: z.array(message).max(MAX_MESSAGES).catch([]),
});
export type SubscriptionState = z.infer<typeof subscriptionStateSchema>;

/** Parse stored state; anything unreadable counts as "no subscription" rather than an exception. */
export function readSubscriptionState(value: unknown): SubscriptionState | null {
  const parsed = subscriptionStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function newSubscription(url: string): SubscriptionState {
  return { url, etag: null, lastGood: null, lastCheckedAt: null, lastUpdatedAt: null, lastError: null, lastChanges: [], warnings: [] };
}

/** Only HTTPS: a guide decides what agents are told to write, so it must not be swappable in transit. */
export function checkGuideUrl(input: string): { ok: true; url: string } | { ok: false; error: string } {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: 'Enter the address of the guide file.' };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, error: `That address is longer than ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: 'That is not a web address (it should start with https://).' };
  }
  if (url.protocol === 'http:') return { ok: false, error: 'Only https:// addresses are accepted: over plain http anyone on the network could change the guide.' };
  if (url.protocol !== 'https:') return { ok: false, error: `Only https:// addresses are accepted (got ${url.protocol}).` };
  // Credentials in the URL would be stored and shown in the options page in clear text.
  if (url.username || url.password) return { ok: false, error: 'The address must not contain a user name or password.' };
  url.hash = '';
  return { ok: true, url: url.href };
}

/** The host permission to request for a guide URL (optional_host_permissions covers https://*\/*). */
export function guideOriginPattern(url: string): string {
  return `https://${new URL(url).hostname}/*`;
}

/** application/json, text/plain (raw file hosts) and application/<something>+json. */
export function acceptableContentType(header: string | null): { ok: true } | { ok: false; error: string } {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type === 'text/plain' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type)) return { ok: true };
  const shown = type || 'no content type';
  const hint = type === 'text/html' ? ' (a web page, not the guide file: check the address points at the raw .json file)' : '';
  return { ok: false, error: `the server sent ${shown}${hint}; a guide must be served as application/json or text/plain` };
}

export const verifyFailureMessage: Record<Exclude<VerifyResult, { ok: true }>['reason'], string> = {
  'missing-signature': 'the guide is not signed, but a public key is pinned: only a guide signed with that key is accepted',
  'bad-signature': "the signature does not match the pinned key (changed after signing, or signed with another key)",
  'bad-key': 'the pinned public key is not a valid ECDSA P-256 key; check what was pasted',
};

/** The moment a guide's `expiresAt` passes. A date alone means "through that day" (UTC). */
export function expiryTime(expiresAt: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expiresAt) ? Date.parse(`${expiresAt}T00:00:00Z`) + 24 * 60 * 60 * 1000 : Date.parse(expiresAt);
}

export type GuideFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface RefreshOptions {
  /** Base64 SPKI the guide must be signed with, or null to accept unsigned guides. */
  pinnedKey: string | null;
  maxBytes?: number;
  timeoutMs?: number;
}

class Refused extends Error {}

/** Read at most `maxBytes` of the body: a server that lies about (or omits) Content-Length cannot fill memory. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new Refused(`the file is larger than ${formatBytes(maxBytes)} (the most a guide may be)`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

function listOf(messages: string[]): string {
  const shown = messages.slice(0, 5).join('; ');
  return messages.length > 5 ? `${shown}; and ${messages.length - 5} more` : shown;
}

function parsedLastGood(state: SubscriptionState): Guide | null {
  if (!state.lastGood) return null;
  const r = parseGuideText(state.lastGood.text);
  return r.ok ? r.guide : null;
}

/**
 * Fetch the subscribed URL once and return the next state. Never throws: every failure is
 * recorded as `lastError` next to the untouched `lastGood`.
 */
export async function refreshSubscription(state: SubscriptionState, fetchFn: GuideFetch, now: number, opts: RefreshOptions): Promise<SubscriptionState> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_GUIDE_BYTES;
  const fail = (why: string): SubscriptionState => ({ ...state, lastCheckedAt: now, lastError: { message: why.slice(0, 2000), at: now } });

  const checked = checkGuideUrl(state.url);
  if (!checked.ok) return fail(checked.error);
  const origin = new URL(checked.url).origin;
  const host = new URL(checked.url).host;

  // Revalidate only what we can fall back on, and only if it still verifies under the current
  // key: otherwise a 304 would keep a version the new key never approved.
  const revalidate = state.etag !== null && state.lastGood !== null && state.lastGood.verifiedKey === opts.pinnedKey;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? GUIDE_FETCH_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetchFn(checked.url, {
        method: 'GET',
        headers: { Accept: 'application/json, text/plain;q=0.9', ...(revalidate ? { 'If-None-Match': state.etag! } : {}) },
        // Rapport's own ETag handling, not the HTTP cache's: with the cache out of the way a 304
        // reaches us as a 304 and "last checked" means the server was actually asked.
        cache: 'no-store',
        // The guide URL learns nothing about the agent: no cookies or HTTP auth are sent.
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
    } catch {
      if (controller.signal.aborted) return fail(`${host} did not answer within ${Math.ceil((opts.timeoutMs ?? GUIDE_FETCH_TIMEOUT_MS) / 1000)} s`);
      return fail(`could not reach ${host} (offline, the address does not exist, or Rapport has no permission to read it)`);
    }

    // Same-origin redirects (a moved file) are fine; another origin was never subscribed to.
    if (response.url && new URL(response.url).origin !== origin) {
      return fail(`${host} redirected to ${new URL(response.url).host}; a guide is only accepted from the address subscribed to`);
    }
    if (response.status === 304) {
      if (!revalidate) return fail(`${host} answered "not modified" to a request that had nothing to compare with`);
      return { ...state, lastCheckedAt: now, lastError: null };
    }
    if (!response.ok) {
      return fail(`${host} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const type = acceptableContentType(response.headers.get('content-type'));
    if (!type.ok) return fail(type.error);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      return fail(`the file is ${formatBytes(declared)}; a guide may be at most ${formatBytes(maxBytes)}`);
    }
    const text = await readCapped(response, maxBytes);

    const json = parseJsonText(text, { maxBytes });
    if (!json.ok) return fail(`the file is not a valid guide: ${listOf(json.errors)}`);
    // Signature first: an unsigned or forged file is refused before its content is considered.
    if (opts.pinnedKey !== null) {
      const verified = await verifyGuide(json.json, opts.pinnedKey);
      if (!verified.ok) return fail(verifyFailureMessage[verified.reason]);
    }
    const parsed = parseGuide(json.json);
    if (!parsed.ok) return fail(`the file is not a valid guide: ${listOf(parsed.errors)}`);
    if (parsed.guide.expiresAt !== undefined && expiryTime(parsed.guide.expiresAt) <= now) {
      return fail(`this version expired on ${parsed.guide.expiresAt}; the lead needs to publish a new one`);
    }

    const etag = response.headers.get('etag');
    const previous = parsedLastGood(state);
    const unchanged = previous !== null && jsonEqual(previous, parsed.guide);
    return {
      ...state,
      etag: etag && etag.length <= 1024 ? etag : null,
      lastGood: { text, verifiedKey: opts.pinnedKey, fetchedAt: now },
      lastCheckedAt: now,
      lastUpdatedAt: unchanged ? state.lastUpdatedAt : now,
      lastError: null,
      lastChanges: unchanged ? state.lastChanges : previous ? diffGuides(previous, parsed.guide).map((c) => c.summary).slice(0, 500) : [],
      warnings: parsed.warnings.slice(0, MAX_MESSAGES),
    };
  } catch (err) {
    if (err instanceof Refused) return fail(err.message);
    if (controller.signal.aborted) return fail(`${host} did not answer in time`);
    return fail(`reading the guide from ${host} failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The guide a subscription contributes, or why it contributes none. A version accepted under a
 * different pinned key (or none) is not applied until a fetch verifies it with the current key.
 */
export function subscribedGuide(state: SubscriptionState | null, pinnedKey: string | null): { guide: Guide; warnings: string[] } | { guide: null; why: string } {
  if (!state) return { guide: null, why: 'not set up' };
  if (!state.lastGood) return { guide: null, why: state.lastError ? `no good version yet (${state.lastError.message})` : 'not fetched yet' };
  if (pinnedKey !== null && state.lastGood.verifiedKey !== pinnedKey) return { guide: null, why: 'the stored version has not been verified with the pinned key yet' };
  const parsed = parseGuideText(state.lastGood.text);
  if (!parsed.ok) return { guide: null, why: `the stored version no longer reads as a guide: ${listOf(parsed.errors)}` };
  return { guide: parsed.guide, warnings: parsed.warnings };
}
