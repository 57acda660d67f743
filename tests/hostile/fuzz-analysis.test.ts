/**
 * The analyzer runs on every keystroke inside someone else's web app: whatever the agent (or a
 * pasted customer message, or a team guide) contains, it must return an Analysis, never throw,
 * and never stall the page.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalyzerGuide, type Analysis } from '@/lib/analysis';
import { parseGuide, toAnalyzerGuide } from '@/lib/guide';
import { ADVERSARIAL_PIECES, PER_INPUT_BOUND_MS, adversarialText, hostileText, timed, warmUp } from './arbitraries';

function expectWellFormed(draft: string, a: Analysis) {
  expect(a.score).toBeGreaterThanOrEqual(0);
  expect(a.score).toBeLessThanOrEqual(100);
  expect(['ok', 'canned']).toContain(a.verdict);
  for (const f of a.findings) {
    // Offsets must stay inside the draft: the sidebar slices the draft and draws highlights with them.
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(draft.length);
    expect(typeof f.message).toBe('string');
  }
}

// Guides reach the analyzer only through the guide parser (lib/guide/parse.ts), whose regex-safety
// check rejects the exponential shapes; so hostile guides are generated as JSON and parsed first,
// as the options page and the subscription do. The list mixes shapes the parser must reject with
// benign ones it accepts.
const regexish = fc.oneof(
  fc.constantFrom('((((a+)+)+)+$', '(a|aa)+$', '([a-z]+)*!', '(?:x+x+)+y', '^(a+)+$', '(\\w+\\s?)+$', '[', '(', '\\', '*', '\\bsorry\\b', '(?<=a)b', 'refund(?:ed)?', '\\d{3}-\\d{4}'),
  adversarialText(4),
);

/** Mostly plausible guide text with hostile pieces mixed in, so that a fair share of guides parse. */
const guideText = fc.oneof(
  { arbitrary: fc.constantFrom('no worries', 'as per our policy', 'calm down', '<script>window.__pwned=1</script>', 'Dear Customer', "we're sorry", 'ASAP!!!', 'مرحبا', '😀 thanks'), weight: 3 },
  { arbitrary: adversarialText(4), weight: 1 },
);

const guideJson = fc.record(
  {
    schemaVersion: fc.constantFrom(1, 2, 2, 2),
    name: guideText,
    avoid: fc.array(
      fc.oneof(
        { arbitrary: fc.record({ phrase: guideText, why: guideText, instead: guideText }, { requiredKeys: ['phrase', 'why'] }), weight: 3 },
        { arbitrary: fc.record({ pattern: regexish, flags: fc.constantFrom('i', 'g', 'iu', 'y', 'zz', ''), why: guideText }, { requiredKeys: ['pattern', 'why'] }), weight: 1 },
      ),
      { maxLength: 4 },
    ),
    prefer: fc.constant([]),
    boilerplate: fc.array(guideText, { maxLength: 4 }),
    thresholds: fc.record({ canned: fc.integer({ min: -5, max: 120 }), hold: fc.integer({ min: -5, max: 120 }) }, { requiredKeys: [] }),
    required: fc.array(fc.constantFrom('next-step-time', 'customer-name', 'customer-name', 'bogus'), { maxLength: 1 }),
  },
  { requiredKeys: ['schemaVersion', 'name', 'avoid', 'prefer'] },
);

/** Guides as the analyzer receives them: parsed and mapped, or none when the parser refuses the file. */
const parsedGuide: fc.Arbitrary<AnalyzerGuide | undefined> = guideJson.map((json) => {
  const parsed = parseGuide(json);
  return parsed.ok ? toAnalyzerGuide(parsed.guide) : undefined;
});

// Generous timeouts: a busy 2-core machine runs these several times slower than a laptop.
describe('analyze() on hostile input', { timeout: 60_000 }, () => {
  beforeAll(() => warmUp((t) => analyze(`Dear Customer, we apologise for any inconvenience. ${t} I will call you by 5pm tomorrow.`, { customerName: 'Priya Shah', customerMessage: t, now: new Date() })));

  it('returns a well-formed analysis for any draft, within the per-input bound', () => {
    fc.assert(
      fc.property(hostileText, (draft) => {
        const { value, ms } = timed(() => analyze(draft));
        expectWellFormed(draft, value);
        expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 150 },
    );
  });

  it('survives hostile context: customer name, customer message, past replies and a clock', () => {
    fc.assert(
      fc.property(
        hostileText,
        adversarialText(),
        adversarialText(),
        fc.array(fc.record({ id: fc.string(), text: hostileText }), { maxLength: 4 }),
        fc.date({ noInvalidDate: false }),
        (draft, customerName, customerMessage, pastReplies, now) => {
          const { value, ms } = timed(() => analyze(draft, { customerName, customerMessage, pastReplies, now }));
          expectWellFormed(draft, value);
          expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('survives any guide the parser accepts (catastrophic regexes are rejected before they run)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(hostileText, parsedGuide, (draft, guide) => {
        if (guide) accepted++;
        const { value, ms } = timed(() => analyze(draft, { guide }));
        expectWellFormed(draft, value);
        expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 80 },
    );
    // Otherwise this property would only ever test analysis without a guide (about a third parse).
    expect(accepted).toBeGreaterThanOrEqual(8);
  });

  it('survives an AnalyzerGuide handed over without the parser: broken entries become guideErrors', () => {
    const guide = {
      avoid: [null, 7, { pattern: '(', why: 'x' }, { pattern: 'a', flags: 'zz', why: 'x' }, { pattern: '', why: 'x' }, { phrase: '<script>', why: 1 }],
      boilerplate: ['', '((((', '\u0000'],
      thresholds: { canned: Number.NaN },
      required: ['bogus'],
    } as unknown as AnalyzerGuide;
    const draft = 'Dear Customer, we apologise for any inconvenience. <script> ((((';
    const value = analyze(draft, { guide });
    expectWellFormed(draft, value);
    expect(value.guideErrors.length).toBeGreaterThanOrEqual(3);
  });

  it('never lets a polynomially backtracking guide pattern reach the analyzer', () => {
    // \w+\w+\w+! on one 230-letter token (a URL, a tracking id) backtracks for seconds inside the
    // helpdesk tab, and JavaScript cannot interrupt a running exec: the guide parser refuses it.
    for (const pattern of ['\\w+\\w+\\w+!', '.*\\s*.*x', '\\d+\\w*z']) {
      const parsed = parseGuide({ schemaVersion: 2, name: 'poly', avoid: [{ pattern, why: 'shouting' }], prefer: [] });
      expect(parsed.ok, pattern).toBe(false);
    }
    // A separated version of the same idea is accepted, runs fast and still flags.
    const parsed = parseGuide({ schemaVersion: 2, name: 'ok', avoid: [{ pattern: '\\w+\\s+\\w+!', why: 'shouting' }], prefer: [] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const draft = `See https://example.com/t/${'a'.repeat(230)} for details. Call me now!`;
    const { value, ms } = timed(() => analyze(draft, { guide: toAnalyzerGuide(parsed.guide) }));
    expectWellFormed(draft, value);
    expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
    expect(value.findings.some((f) => f.rule === 'guide-avoid' && draft.slice(f.start, f.end) === 'me now!')).toBe(true);
  }, 120_000);

  it('handles every adversarial piece repeated to 20,000 characters', () => {
    for (const piece of ADVERSARIAL_PIECES) {
      const draft = piece.repeat(Math.ceil(20_000 / piece.length)).slice(0, 20_000);
      const { value, ms } = timed(() => analyze(draft, { customerName: piece, customerMessage: draft }));
      expectWellFormed(draft, value);
      expect(ms, JSON.stringify(piece.slice(0, 20))).toBeLessThan(PER_INPUT_BOUND_MS);
    }
  }, 60_000);

  it('treats non-string drafts from a confused caller as empty rather than throwing', () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      expect(analyze(bad as unknown as string).score).toBe(0);
    }
  });
});
