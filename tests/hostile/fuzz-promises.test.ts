/**
 * The promise finder reads every reply an agent sends (and every row of an audit): whatever the
 * text, clock and offset, it returns a well-formed scan, never throws, and never stalls the send.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPromises, promiseScanSchema, type PromiseScan } from '@/lib/promises';
import { ADVERSARIAL_PIECES, PER_INPUT_BOUND_MS, hostileText, timed, warmUp } from './arbitraries';

/** Fragments that look like commitments and times, so the date parser is exercised, not skipped. */
const PROMISE_PIECES = [
  "I'll call you back by 8pm tomorrow. ",
  'We will refund you within 3 business days. ',
  "I'll email you on 03/04 at 10:30. ",
  'You will hear from us by 31/02/2025. ',
  'by Friday ',
  'soon ',
  'ASAP!! ',
  'in 2 hours ',
  'on the 32nd ',
  'at 25:99 ',
  'next next next Monday ',
  'by 12/31/99999 ',
  'tomorrow tomorrow tomorrow ',
  '明日までに連絡します。',
  'سأتصل بك غدا ',
];

const replyText = fc.oneof(
  hostileText,
  fc.array(fc.oneof(fc.constantFrom(...PROMISE_PIECES), fc.constantFrom(...ADVERSARIAL_PIECES), fc.string({ maxLength: 10 })), { maxLength: 80 }).map((p) => p.join('')),
);

/** Any clock, including the extremes Date supports and a few it does not. */
const sentAt = fc.oneof(
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc.constantFrom(0, -1, 8.64e15, -8.64e15, Number.MAX_SAFE_INTEGER, Number.NaN),
);
const offsetMinutes = fc.oneof(fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.constantFrom(0, 345, -570, 10_000, Number.NaN));

function expectWellFormed(text: string, scan: PromiseScan) {
  expect(promiseScanSchema.safeParse(scan).success).toBe(true);
  for (const f of [...scan.promises, ...scan.nudges]) {
    // Offsets index the sent text: the after-send note quotes text.slice(start, end).
    expect(f.start).toBeLessThanOrEqual(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
  }
}

describe('findPromises() on hostile input', { timeout: 60_000 }, () => {
  beforeAll(() => {
    for (const locale of ['en-US', 'en-GB'] as const) warmUp((t) => findPromises(t, { sentAt: Date.UTC(2026, 0, 5), offsetMinutes: 60, locale }), [PROMISE_PIECES.join(''), ...PROMISE_PIECES]);
  });

  it('returns a well-formed scan for any text, clock, offset and locale, within the per-input bound', () => {
    fc.assert(
      fc.property(replyText, sentAt, offsetMinutes, fc.constantFrom('en-US' as const, 'en-GB' as const, undefined), (text, at, offset, locale) => {
        const { value, ms } = timed(() => findPromises(text, { sentAt: at, offsetMinutes: offset, ...(locale ? { locale } : {}) }));
        expectWellFormed(text, value);
        expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 150 },
    );
  });

  it('handles 20,000 characters of promises and adversarial pieces', () => {
    const clock = { sentAt: Date.UTC(2026, 10, 23, 9), offsetMinutes: 60 };
    for (const piece of [...PROMISE_PIECES, ...ADVERSARIAL_PIECES]) {
      const text = piece.repeat(Math.ceil(20_000 / piece.length)).slice(0, 20_000);
      const { value, ms } = timed(() => findPromises(text, clock));
      expectWellFormed(text, value);
      expect(ms, JSON.stringify(piece.slice(0, 20))).toBeLessThan(PER_INPUT_BOUND_MS);
    }
  }, 60_000);

  it('still finds a real promise amid hostile noise (the fuzzing reaches the parser)', () => {
    const text = `\u202e<script>window.__pwned=1</script>\u0000${'!'.repeat(500)} I'll call you back by 8pm tomorrow.`;
    const scan = findPromises(text, { sentAt: Date.UTC(2026, 10, 23, 9), offsetMinutes: 0 });
    expect(scan.promises.length).toBe(1);
    expect(scan.promises[0]!.dueAt).toBe(Date.UTC(2026, 10, 24, 20));
  });
});
