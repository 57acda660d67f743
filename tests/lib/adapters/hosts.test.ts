import { describe, expect, it } from 'vitest';
import { MatchPattern } from '#imports';
import { hosts } from '@/lib/adapters/hosts';
import { configuredHosts } from '@/lib/adapters';
import { sampleConfig } from '@/lib/adapters/generic';

const matchesAny = (patterns: readonly string[], url: string) =>
  patterns.some((p) => new MatchPattern(p).includes(url));

describe('host registry', () => {
  it('has unique ids', () => {
    const ids = [...hosts, ...configuredHosts].map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // The generic adapter's URLs come from a team guide at runtime; its examples are checked
  // against a sample configuration (tests/lib/adapters/registry.test.ts). Here: no static
  // host may claim them, and they must exist on both sides.
  for (const host of configuredHosts) {
    describe(`${host.id} (configured by a team guide)`, () => {
      it('has examples on both sides and no manifest matches', () => {
        expect(host.matches).toEqual([]);
        expect(host.examples.match.length).toBeGreaterThan(0);
        expect(host.examples.noMatch.length).toBeGreaterThan(0);
      });
      it('its sample pattern is a pattern MatchPattern accepts', () => {
        expect(() => new MatchPattern(sampleConfig.urlPattern)).not.toThrow();
      });
      it.each(host.examples.match)('no built-in host claims %s', (url) => {
        for (const other of hosts) expect(matchesAny(other.matches, url)).toBe(false);
      });
    });
  }

  for (const host of hosts) {
    describe(host.id, () => {
      it('has examples on both sides', () => {
        expect(host.examples.match.length).toBeGreaterThan(0);
        expect(host.examples.noMatch.length).toBeGreaterThan(0);
      });
      it.each(host.examples.match)('claims %s', (url) => {
        expect(matchesAny(host.matches, url)).toBe(true);
      });
      it.each(host.examples.noMatch)('does not claim %s', (url) => {
        expect(matchesAny(host.matches, url)).toBe(false);
      });
      it("claims no other host's examples", () => {
        for (const other of hosts) {
          if (other.id === host.id) continue;
          for (const url of other.examples.match) expect(matchesAny(host.matches, url)).toBe(false);
        }
      });
    });
  }
});
