import { describe, expect, it } from 'vitest';
import { IN_HOUSE_SCRIPT_PREFIX, planRegistrations, wantedRegistrations } from '@/lib/background/content-scripts';
import { sampleConfig } from '@/lib/adapters/generic';
import type { Guide } from '@/lib/guide/schema';

const guide = (extra: Partial<Guide> = {}): Guide => ({
  schemaVersion: 2,
  name: 'Acme',
  avoid: [],
  prefer: [],
  generic: [
    sampleConfig,
    { ...sampleConfig, id: 'globex-desk', urlPattern: 'https://desk.globex-internal.example/*' },
    { ...sampleConfig, id: 'everywhere', urlPattern: 'https://*/*' },
  ],
  ...extra,
});

describe('in-house content-script registrations', () => {
  it('wants one registration per in-house tool with a requestable origin, not the ones the lead switched off', () => {
    const wanted = wantedRegistrations(guide({ sites: { 'globex-desk': { enabled: false } } }));
    expect(wanted.map((w) => w.id)).toEqual([IN_HOUSE_SCRIPT_PREFIX + sampleConfig.id]);
    expect(wanted[0]!.origin).toMatch(/^https:\/\/[^*]+\/\*$/);
    expect(wantedRegistrations(null)).toEqual([]);
  });

  it('plans only the difference: new ones registered, changed patterns updated, gone ones removed', () => {
    const a = { id: `${IN_HOUSE_SCRIPT_PREFIX}a`, matches: ['https://a.example/*'] };
    const b = { id: `${IN_HOUSE_SCRIPT_PREFIX}b`, matches: ['https://b.example/*'] };
    const c = { id: `${IN_HOUSE_SCRIPT_PREFIX}c`, matches: ['https://c.example/*'] };
    const plan = planRegistrations([a, { ...b, matches: ['https://b.example/desk/*'] }], [b, c]);
    expect(plan.register).toEqual([a]);
    expect(plan.update.map((u) => u.matches)).toEqual([['https://b.example/desk/*']]);
    expect(plan.unregister).toEqual([c.id]);
    expect(planRegistrations([a], [a])).toEqual({ register: [], update: [], unregister: [] });
  });
});
