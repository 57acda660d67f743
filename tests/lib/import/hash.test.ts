import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stableHash } from '@/lib/import';

/** Straightforward BigInt FNV-1a 64 over TextEncoder bytes: slow, but obviously right. */
function reference(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(s)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('stableHash (FNV-1a 64)', () => {
  it('matches the published test vectors', () => {
    expect(stableHash('')).toBe('cbf29ce484222325');
    expect(stableHash('a')).toBe('af63dc4c8601ec8c');
    expect(stableHash('foobar')).toBe('85944171f73967e8');
  });

  it('matches a BigInt implementation on any text, including astral and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        expect(stableHash(s)).toBe(reference(s));
      }),
    );
  });

  it('tells apart strings that differ in one character', () => {
    expect(stableHash('jane@example.com')).not.toBe(stableHash('jane@example.con'));
  });
});
