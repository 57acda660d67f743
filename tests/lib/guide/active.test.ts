import { describe, expect, it } from 'vitest';
import { newSubscription, readManagedPolicy, resolveActiveGuide, type GuideInputs, type SubscriptionState } from '@/lib/guide';
import { minimalGuide } from './helpers';

const MANAGED_URL = 'https://it.example.com/guide.json';
const TEAM_URL = 'https://guides.example.com/team.json';

function fetched(url: string, name: string, verifiedKey: string | null = null): SubscriptionState {
  return { ...newSubscription(url), lastGood: { text: JSON.stringify(minimalGuide({ name })), verifiedKey, fetchedAt: 1 }, lastCheckedAt: 1, lastUpdatedAt: 1 };
}

const all: GuideInputs = {
  policy: { guideUrl: MANAGED_URL },
  managed: fetched(MANAGED_URL, 'IT policy'),
  subscribed: fetched(TEAM_URL, 'Team lead URL'),
  pinnedKey: '',
  localText: JSON.stringify(minimalGuide({ name: 'My edits' })),
};

const states = (inputs: GuideInputs) => resolveActiveGuide(inputs).sources.map((s) => [s.source, s.state, s.name]);

describe('resolveActiveGuide', () => {
  it('applies managed over subscribed over local and says the others are overridden', () => {
    const r = resolveActiveGuide(all);
    expect(r.active).toMatchObject({ source: 'managed', guide: { name: 'IT policy' } });
    expect(states(all)).toEqual([
      ['managed', 'active', 'IT policy'],
      ['subscribed', 'overridden', 'Team lead URL'],
      ['local', 'overridden', 'My edits'],
    ]);
    expect(r.sources[1]!.detail).toBe('Overridden by the managed guide.');
  });

  it('falls through to the next source, explaining why the higher one does not apply', () => {
    const noManagedYet = { ...all, managed: { ...newSubscription(MANAGED_URL), lastError: { message: 'it.example.com answered HTTP 503', at: 5 } } };
    const r = resolveActiveGuide(noManagedYet);
    expect(r.active).toMatchObject({ source: 'subscribed', guide: { name: 'Team lead URL' } });
    expect(r.sources[0]).toMatchObject({ state: 'unavailable', detail: expect.stringContaining('HTTP 503') });
    expect(r.sources[1]!.detail).toBe('No managed guide applies, so the subscribed guide does.');

    const onlyLocal = { ...all, policy: {}, managed: null, subscribed: null };
    expect(resolveActiveGuide(onlyLocal).active).toMatchObject({ source: 'local', guide: { name: 'My edits' } });
    expect(states(onlyLocal).map((s) => s[1])).toEqual(['none', 'none', 'active']);

    expect(resolveActiveGuide({ ...onlyLocal, localText: '' }).active).toBeNull();
  });

  it('ignores managed state that belongs to a previous policy URL', () => {
    const r = resolveActiveGuide({ ...all, policy: { guideUrl: 'https://it.example.com/new.json' } });
    expect(r.active?.source).toBe('subscribed');
  });

  it('applies only the managed guide when the policy locks it', () => {
    const locked = { ...all, policy: { guideUrl: MANAGED_URL, lockGuide: true } };
    expect(states(locked).map((s) => s[1])).toEqual(['active', 'locked', 'locked']);
    const lockedNoManaged = { ...locked, managed: null };
    expect(resolveActiveGuide(lockedNoManaged).active).toBeNull();
  });

  it('applies a subscribed guide only if verified with the key in force (policy key wins over the agent key)', () => {
    const withAgentKey = { ...all, policy: {}, managed: null, pinnedKey: 'KEY-A', subscribed: fetched(TEAM_URL, 'Team lead URL', 'KEY-A') };
    expect(resolveActiveGuide(withAgentKey)).toMatchObject({ active: { source: 'subscribed' }, pinnedKey: { key: 'KEY-A', from: 'agent' } });

    const policyKey = { ...withAgentKey, policy: { guidePublicKey: 'KEY-B' } };
    const r = resolveActiveGuide(policyKey);
    expect(r.pinnedKey).toEqual({ key: 'KEY-B', from: 'policy' });
    expect(r.active?.source).toBe('local');
    expect(r.sources[1]).toMatchObject({ state: 'unavailable', detail: expect.stringContaining('not been verified with the pinned key') });
  });

  it('reports a local guide that no longer parses instead of applying it', () => {
    const r = resolveActiveGuide({ ...all, policy: {}, managed: null, subscribed: null, localText: '{"schemaVersion": 2' });
    expect(r.active).toBeNull();
    expect(r.sources[2]).toMatchObject({ state: 'unavailable', detail: expect.stringContaining('invalid JSON') });
  });
});

describe('readManagedPolicy', () => {
  it('keeps valid fields and drops malformed ones one by one', () => {
    expect(readManagedPolicy({ guideUrl: MANAGED_URL, guidePublicKey: 42, lockGuide: 'yes', extra: 1 })).toEqual({ guideUrl: MANAGED_URL });
    expect(readManagedPolicy(undefined)).toEqual({});
    expect(readManagedPolicy('nonsense')).toEqual({});
  });
});
