import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  GUIDE_FETCH_TIMEOUT_MS,
  acceptableContentType,
  checkGuideUrl,
  generateGuideKeys,
  newSubscription,
  readSubscriptionState,
  refreshSubscription,
  signGuide,
  subscribedGuide,
  type GuideFetch,
  type SubscriptionState,
} from '@/lib/guide';
import { minimalGuide } from './helpers';

const URL_ = 'https://guides.example.com/team.json';
const T0 = Date.UTC(2026, 0, 10, 9, 0);
const HOUR = 3_600_000;

interface Served {
  status?: number;
  body?: string | null;
  headers?: Record<string, string>;
  /** response.url after redirects */
  finalUrl?: string;
}

/** A fetch that serves one scripted answer per call and records what it was asked. */
function server(...answers: (Served | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn: GuideFetch = async (url, init) => {
    calls.push({ url, init });
    const a = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    if (a instanceof Error) throw a;
    const status = a.status ?? 200;
    const res = new Response(status === 304 ? null : (a.body ?? ''), { status, headers: { 'content-type': 'application/json', ...a.headers } });
    Object.defineProperty(res, 'url', { value: a.finalUrl ?? url });
    return res;
  };
  return { fetchFn, calls, header: (i: number, name: string) => new Headers(calls[i]?.init.headers).get(name) };
}

const v1 = minimalGuide({ name: 'Team v1' });
const v2 = minimalGuide({ name: 'Team v2', avoid: [{ phrase: 'calm down', why: 'Dismissive.' }, { phrase: 'valued customer', why: 'Form letter.' }] });
const json = (g: unknown) => JSON.stringify(g, null, 2);

async function subscribedTo(guide: unknown, etag = '"v1"', pinnedKey: string | null = null): Promise<SubscriptionState> {
  const { fetchFn } = server({ body: json(guide), headers: { etag } });
  const s = await refreshSubscription(newSubscription(URL_), fetchFn, T0, { pinnedKey });
  expect(s.lastError).toBeNull();
  return s;
}

describe('checkGuideUrl', () => {
  it('accepts https and drops the fragment', () => {
    expect(checkGuideUrl(' https://guides.example.com/team.json#top ')).toEqual({ ok: true, url: URL_ });
  });

  it('refuses http with a reason, and other schemes, credentials and non-URLs', () => {
    const http = checkGuideUrl('http://guides.example.com/team.json');
    expect(http).toEqual({ ok: false, error: expect.stringContaining('Only https://') });
    expect(checkGuideUrl('file:///etc/passwd').ok).toBe(false);
    expect(checkGuideUrl('https://lead:secret@guides.example.com/g.json')).toEqual({ ok: false, error: expect.stringContaining('user name or password') });
    expect(checkGuideUrl('guides.example.com/team.json').ok).toBe(false);
    expect(checkGuideUrl('').ok).toBe(false);
  });
});

describe('acceptableContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'text/plain;charset=UTF-8', 'application/vnd.rapport.guide+json', 'Application/JSON'])('accepts %s', (t) => {
    expect(acceptableContentType(t).ok).toBe(true);
  });

  it.each([['text/html; charset=utf-8', 'a web page'], ['application/octet-stream', 'application/octet-stream'], [null, 'no content type']])('refuses %s', (t, says) => {
    const r = acceptableContentType(t);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(says);
  });
});

describe('refreshSubscription', () => {
  it('takes the first version, remembers its ETag and when it was fetched', async () => {
    const { fetchFn, calls, header } = server({ body: json(v1), headers: { etag: '"v1"' } });
    const s = await refreshSubscription(newSubscription(URL_), fetchFn, T0, { pinnedKey: null });
    expect(s).toMatchObject({ url: URL_, etag: '"v1"', lastCheckedAt: T0, lastUpdatedAt: T0, lastError: null, lastChanges: [] });
    expect(subscribedGuide(s, null)).toMatchObject({ guide: { name: 'Team v1' } });
    // No cookies, no HTTP cache (so a 304 is really the server's), and nothing to revalidate yet.
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
    expect(header(0, 'if-none-match')).toBeNull();
    expect(readSubscriptionState(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('sends If-None-Match and keeps everything on 304, only moving "last checked"', async () => {
    const before = await subscribedTo(v1);
    const { fetchFn, header } = server({ status: 304 });
    const after = await refreshSubscription(before, fetchFn, T0 + HOUR, { pinnedKey: null });
    expect(header(0, 'if-none-match')).toBe('"v1"');
    expect(after).toEqual({ ...before, lastCheckedAt: T0 + HOUR });
  });

  it('applies a new version and says what changed', async () => {
    const before = await subscribedTo(v1);
    const { fetchFn } = server({ body: json(v2), headers: { etag: '"v2"' } });
    const after = await refreshSubscription(before, fetchFn, T0 + HOUR, { pinnedKey: null });
    expect(after).toMatchObject({ etag: '"v2"', lastUpdatedAt: T0 + HOUR, lastError: null });
    expect(after.lastChanges).toEqual(expect.arrayContaining(['Name changed: "Team v1" → "Team v2"', 'Now avoided: "valued customer" (Form letter.)']));
    expect(subscribedGuide(after, null)).toMatchObject({ guide: { name: 'Team v2' } });
  });

  it('does not count a re-served identical guide (reformatted, no ETag) as an update', async () => {
    const before = await subscribedTo(v1);
    const { fetchFn } = server({ body: JSON.stringify(v1) });
    const after = await refreshSubscription(before, fetchFn, T0 + HOUR, { pinnedKey: null });
    expect(after.lastUpdatedAt).toBe(T0);
    expect(after.lastCheckedAt).toBe(T0 + HOUR);
    expect(after.etag).toBeNull();
  });

  it('reports unknown fields as warnings and still applies the guide', async () => {
    const { fetchFn } = server({ body: json({ ...v1, colour: 'blue' }) });
    const s = await refreshSubscription(newSubscription(URL_), fetchFn, T0, { pinnedKey: null });
    expect(s.lastError).toBeNull();
    expect(s.warnings).toEqual(['colour: unknown field, ignored']);
    expect(subscribedGuide(s, null).guide).not.toBeNull();
  });

  const failures: [string, Served | Error, RegExp][] = [
    ['HTTP 500', { status: 500, body: 'oops' }, /HTTP 500/],
    ['HTTP 404', { status: 404, body: 'nope' }, /HTTP 404/],
    ['a network error', new TypeError('Failed to fetch'), /could not reach guides\.example\.com/],
    ['invalid JSON', { body: '{"schemaVersion": 2, "name": ' }, /not a valid guide: \(root\): invalid JSON at line 1/],
    ['wrong types', { body: json({ ...v1, avoid: [{ phrase: 42, why: 'x' }] }) }, /avoid\[0\]\.phrase: expected string/],
    ['a catastrophically slow pattern', { body: json({ ...v1, avoid: [{ pattern: '(a+)+$', why: 'x' }] }) }, /avoid\[0\]\.pattern/],
    ['an HTML page', { body: '<html></html>', headers: { 'content-type': 'text/html' } }, /text\/html \(a web page/],
    ['a redirect to another origin', { body: json(v2), finalUrl: 'https://evil.example.net/team.json' }, /redirected to evil\.example\.net/],
    ['a declared size over the limit', { body: json(v2), headers: { 'content-length': String(5 * 1024 * 1024) } }, /5\.0 MB; a guide may be at most 1\.0 MB/],
    ['a body over the limit without Content-Length', { body: `${json(v2)}${' '.repeat(1024 * 1024)}` }, /larger than 1\.0 MB/],
    ['an expired version', { body: json({ ...v2, expiresAt: '2026-01-09' }) }, /expired on 2026-01-09/],
    ['a 304 with nothing to compare', { status: 304 }, /not modified/],
  ];

  it.each(failures)('keeps the last good guide on %s and records the error with its time', async (_label, answer, message) => {
    const before = await subscribedTo(v1);
    // A 304 is only meaningful with an ETag; drop it for that case so nothing is revalidated.
    const start = _label.startsWith('a 304') ? { ...before, etag: null } : before;
    const { fetchFn } = server(answer);
    const after = await refreshSubscription(start, fetchFn, T0 + HOUR, { pinnedKey: null });
    expect(after.lastError).toEqual({ message: expect.stringMatching(message), at: T0 + HOUR });
    expect(after.lastGood).toEqual(before.lastGood);
    expect(after.lastUpdatedAt).toBe(T0);
    expect(after.lastCheckedAt).toBe(T0 + HOUR);
    expect(subscribedGuide(after, null)).toMatchObject({ guide: { name: 'Team v1' } });
  });

  it('accepts a same-origin redirect (a moved file)', async () => {
    const { fetchFn } = server({ body: json(v1), finalUrl: 'https://guides.example.com/v1/team.json' });
    const s = await refreshSubscription(newSubscription(URL_), fetchFn, T0, { pinnedKey: null });
    expect(s.lastError).toBeNull();
  });

  it('accepts a version whose expiry is still ahead (a date means through that day)', async () => {
    const { fetchFn } = server({ body: json({ ...v1, expiresAt: '2026-01-10' }) });
    const s = await refreshSubscription(newSubscription(URL_), fetchFn, T0, { pinnedKey: null });
    expect(s.lastError).toBeNull();
  });

  it('gives up on a server that never answers after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const hang: GuideFetch = (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      const pending = refreshSubscription(newSubscription(URL_), hang, T0, { pinnedKey: null });
      await vi.advanceTimersByTimeAsync(GUIDE_FETCH_TIMEOUT_MS);
      const s = await pending;
      expect(s.lastError?.message).toBe('guides.example.com did not answer within 30 s');
      expect(s.lastGood).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('refreshSubscription with a pinned key', () => {
  let keys: { publicKey: string; privateKeyPem: string };
  let other: { publicKey: string; privateKeyPem: string };
  beforeAll(async () => {
    keys = await generateGuideKeys();
    other = await generateGuideKeys();
  });

  it('accepts a guide signed with the pinned key and records which key verified it', async () => {
    const signed = await signGuide(v1, keys.privateKeyPem);
    const s = await subscribedTo(signed, '"s1"', keys.publicKey);
    expect(s.lastGood?.verifiedKey).toBe(keys.publicKey);
    expect(subscribedGuide(s, keys.publicKey).guide).not.toBeNull();
  });

  it.each([
    ['unsigned', async () => v2, /not signed/],
    ['signed with another key', async () => signGuide(v2, other.privateKeyPem), /does not match the pinned key/],
    ['changed after signing', async () => ({ ...(await signGuide(v2, keys.privateKeyPem)), name: 'Tampered' }), /does not match the pinned key/],
  ])('refuses a guide %s and keeps the last good one', async (_label, make, message) => {
    const before = await subscribedTo(await signGuide(v1, keys.privateKeyPem), '"s1"', keys.publicKey);
    const { fetchFn } = server({ body: json(await make()), headers: { etag: '"x"' } });
    const after = await refreshSubscription(before, fetchFn, T0 + HOUR, { pinnedKey: keys.publicKey });
    expect(after.lastError?.message).toMatch(message);
    expect(after.lastGood).toEqual(before.lastGood);
    expect(after.etag).toBe('"s1"');
    expect(subscribedGuide(after, keys.publicKey)).toMatchObject({ guide: { name: 'Team v1' } });
  });

  it('reports a pinned key that is not a key', async () => {
    const { fetchFn } = server({ body: json(await signGuide(v1, keys.privateKeyPem)) });
    const s = await refreshSubscription(newSubscription(URL_), fetchFn, T0, { pinnedKey: 'bm90IGEga2V5' });
    expect(s.lastError?.message).toMatch(/not a valid ECDSA P-256 key/);
  });

  it('does not apply a version accepted before a key was pinned, and re-fetches it in full', async () => {
    const unsigned = await subscribedTo(v1, '"v1"', null);
    expect(subscribedGuide(unsigned, keys.publicKey)).toEqual({ guide: null, why: expect.stringContaining('not been verified') });
    const { fetchFn, header } = server({ body: json(v1), headers: { etag: '"v1"' } });
    const after = await refreshSubscription(unsigned, fetchFn, T0 + HOUR, { pinnedKey: keys.publicKey });
    // If-None-Match would let the server answer 304 for a version the key never approved.
    expect(header(0, 'if-none-match')).toBeNull();
    expect(after.lastError?.message).toMatch(/not signed/);
    expect(subscribedGuide(after, keys.publicKey).guide).toBeNull();
  });
});

describe('readSubscriptionState', () => {
  it('treats unreadable stored state as no subscription and repairs bad optional fields', () => {
    expect(readSubscriptionState(null)).toBeNull();
    expect(readSubscriptionState({ nope: 1 })).toBeNull();
    expect(readSubscriptionState({ url: URL_, etag: 5, lastGood: 'x', lastChanges: 'y' })).toEqual(newSubscription(URL_));
  });
});
