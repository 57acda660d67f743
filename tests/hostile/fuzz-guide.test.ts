/**
 * The guide parser is the gate every guide passes (pasted in the options page, downloaded from a
 * subscription URL, set by managed policy): for any text or JSON value it must answer with a
 * guide or with errors, never throw, and never stall the options page.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGuideFile, parseGuide, parseGuideText, type ParseResult } from '@/lib/guide';
import { PER_INPUT_BOUND_MS, adversarialText, hostileText, timed, warmUp } from './arbitraries';

function expectResult(r: ParseResult) {
  if (r.ok) {
    expect(r.guide).toBeTypeOf('object');
    expect(Array.isArray(r.warnings)).toBe(true);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(typeof e).toBe('string');
  }
}

const text = fc.oneof(adversarialText(3), fc.string({ maxLength: 30 }));

/** Objects shaped roughly like a guide: right keys, wrong or hostile values, plus noise. */
const guideLike = fc.record(
  {
    schemaVersion: fc.oneof(fc.constantFrom(1, 2, 3, 0, -1, 1.5, 1e308, '2'), fc.anything()),
    name: fc.oneof(text, fc.anything()),
    avoid: fc.oneof(
      fc.array(
        fc.record(
          { phrase: fc.oneof(text, fc.anything()), pattern: fc.oneof(text, fc.constantFrom('(a+)+$', '(', '\\')), flags: fc.oneof(fc.constantFrom('i', 'gimsuyvd', 'zz'), text), why: text, instead: text },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      fc.anything(),
    ),
    prefer: fc.oneof(fc.array(fc.record({ category: text, mood: text, kind: text, text, mode: text }, { requiredKeys: [] }), { maxLength: 4 }), fc.anything()),
    boilerplate: fc.oneof(fc.array(text, { maxLength: 4 }), fc.anything()),
    required: fc.oneof(fc.array(fc.oneof(fc.constantFrom('next-step-time', 'customer-name'), text), { maxLength: 3 }), fc.anything()),
    thresholds: fc.oneof(fc.record({ canned: fc.anything(), hold: fc.anything() }, { requiredKeys: [] }), fc.anything()),
    sites: fc.oneof(fc.dictionary(text, fc.anything(), { maxKeys: 3 }), fc.anything()),
    generic: fc.oneof(fc.array(fc.record({ id: fc.oneof(fc.constantFrom('gmail', 'zendesk'), text), urlPattern: fc.oneof(fc.constantFrom('<all_urls>', '*://*/*', 'https://intranet.example/*'), text) }, { requiredKeys: [] }), { maxLength: 3 }), fc.anything()),
    escalations: fc.anything(),
    __proto__: fc.anything(),
    constructor: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('guide parser on hostile input', { timeout: 60_000 }, () => {
  beforeAll(() => warmUp((t) => parseGuide({ schemaVersion: 2, name: t, avoid: [{ phrase: t, why: t }, { pattern: `${t}x`, why: t }], prefer: [] })));

  it('parseGuideText answers any text with a guide or errors, within the per-input bound', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.json({ maxDepth: 8 }), guideLike.map((g) => JSON.stringify(g) ?? '')), (input) => {
        const { value, ms } = timed(() => parseGuideText(input));
        expectResult(value);
        expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 200 },
    );
  });

  it('parseGuide answers any JSON value or guide-shaped object with a guide or errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true }), guideLike), (json) => {
        const { value, ms } = timed(() => parseGuide(json));
        expectResult(value);
        expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects deeply nested and oversized text with errors instead of a stack overflow', () => {
    for (const input of [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, 'x'.repeat(2 * 1024 * 1024)]) {
      const r = parseGuideText(input);
      expect(r.ok).toBe(false);
    }
  });

  it('does not let a guide pollute Object.prototype', () => {
    parseGuideText('{"schemaVersion":2,"name":"x","avoid":[],"prefer":[],"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('loadGuideFile answers hostile file contents and unreadable paths with a result, never a throw', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-hostile-guide-'));
    const samples = fc.sample(fc.oneof(hostileText, guideLike.map((g) => JSON.stringify(g) ?? '')), { numRuns: 25, seed: 9 });
    for (const [i, content] of samples.entries()) {
      const path = join(dir, `g${i}.json`);
      await writeFile(path, content);
      expectResult(await loadGuideFile(path));
    }
    expectResult(await loadGuideFile(join(dir, 'missing.json')));
    expectResult(await loadGuideFile(dir));
    expectResult(await loadGuideFile('\u0000bad'));
  });
});
