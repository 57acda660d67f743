/**
 * Every adapter is in the e2e conformance suite: an adapter without a fixture entry would ship
 * untested in a real browser (tests/e2e/support/conformance.ts explains the contract).
 */
import { describe, expect, it } from 'vitest';
import { adapters, configuredHosts, resolveAdapter } from '@/lib/adapters';
import { conformanceHosts } from '../../e2e/support/conformance-hosts';

describe('conformance registry', () => {
  it('has at least one fixture entry per adapter, built-in or configured by a guide', () => {
    const covered = new Set(conformanceHosts.map((h) => h.adapter));
    const ids = [...adapters.map((a) => a.meta.id), ...configuredHosts.map((h) => h.id)];
    expect(ids.length).toBeGreaterThanOrEqual(9);
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
    // And nothing in the suite claims an adapter that does not exist.
    expect([...covered].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('opens every built-in entry at a URL the production patterns give to that adapter', () => {
    for (const h of conformanceHosts) {
      if (!adapters.some((x) => x.meta.id === h.adapter)) continue;
      expect(resolveAdapter(h.url)?.meta.id, h.url).toBe(h.adapter);
    }
  });
});
