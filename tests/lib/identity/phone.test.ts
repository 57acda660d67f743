import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizePhone } from '@/lib/identity';

describe('normalizePhone', () => {
  it('reads national numbers with the default region', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
  });

  it('keeps the country of numbers that state one, whatever the default region', () => {
    expect(normalizePhone('+1 415 555 2671', 'GB')).toBe('+14155552671');
    expect(normalizePhone('0044 20 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('+44 (0)20 7946 0958', 'US')).toBe('+442079460958');
  });

  it('reads the same number the same way in every common spelling', () => {
    const spellings = ['07700 900123', '07700900123', '+44 7700 900123', '+447700900123', 'tel:+44-7700-900-123', '+44 7700 900123 ext. 12'];
    for (const s of spellings) expect(normalizePhone(s, 'GB')).toBe('+447700900123');
  });

  it.each(['', 'n/a', 'none', '123', '0', '+44', '0000000000', '1-800-FLOWERS', 'call me', '2019-02-19'])('rejects %j', (raw) => {
    expect(normalizePhone(raw, 'GB')).toBeNull();
  });

  it('is idempotent: an E.164 result reads back as itself in any region', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0[1-9][0-9]{8,9}$/), fc.constantFrom('GB', 'US', 'DE', 'AU'), (digits, other) => {
        const once = normalizePhone(digits, 'GB');
        if (once === null) return;
        expect(once).toMatch(/^\+44\d+$/);
        expect(normalizePhone(once, other)).toBe(once);
      }),
    );
  });
});
