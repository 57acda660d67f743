import { describe, expect, it } from 'vitest';
import { MatchPattern } from '#imports';
import { hosts } from '@/lib/adapters/hosts';

const matchesAny = (patterns: readonly string[], url: string) =>
  patterns.some((p) => new MatchPattern(p).includes(url));

describe('host registry', () => {
  it('has unique ids', () => {
    const ids = hosts.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

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
