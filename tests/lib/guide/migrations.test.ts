/**
 * The guide format's history. One generated test per migration step (fixture vN → fixture vN+1),
 * a fixture per version, and a registry that matches the files on disk; plus a property test
 * that no step loses a field.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_GUIDE_SCHEMA_VERSION, categorySchema, moodSchema, parseGuide, phraseKindSchema } from '@/lib/guide';
import { guideMigrations } from '@/lib/guide/migrations';
import { guideV1Schema, V1_AVOID_REASON, type GuideV1 } from '@/lib/guide/migrations/v1-to-v2';
import { FIXTURES, readFixture } from './helpers';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../lib/guide/migrations/', import.meta.url));

describe('migration registry', () => {
  it('registers every step file, in order, covering 1 … current', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .map((f) => /^v(\d+)-to-v(\d+)\.ts$/.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ from: Number(m[1]), to: Number(m[2]) }))
      .sort((a, b) => a.from - b.from);
    expect(guideMigrations.map(({ from, to }) => ({ from, to }))).toEqual(files);
    expect(files.length).toBe(CURRENT_GUIDE_SCHEMA_VERSION - 1);
    files.forEach((step, i) => expect(step).toEqual({ from: i + 1, to: i + 2 }));
  });

  it('has a fixture for every version', () => {
    for (let v = 1; v <= CURRENT_GUIDE_SCHEMA_VERSION; v++) {
      expect(existsSync(`${FIXTURES}v${v}.json`), `tests/fixtures/guides/v${v}.json`).toBe(true);
    }
  });
});

describe.each(guideMigrations.map((m) => [`v${m.from} → v${m.to}`, m] as const))('migration %s', (_name, step) => {
  it(`turns fixture v${step.from} into fixture v${step.to}`, () => {
    const result = step.run(readFixture(`v${step.from}.json`));
    expect(result).toEqual({ ok: true, value: readFixture(`v${step.to}.json`) });
  });

  it('rejects input that is not a valid earlier-version guide', () => {
    const result = step.run({ schemaVersion: step.from });
    expect(result.ok).toBe(false);
  });

  it(`reads fixture v${step.from} as the same guide as fixture v${step.to}`, () => {
    const older = parseGuide(readFixture(`v${step.from}.json`));
    const newer = parseGuide(readFixture(`v${step.to}.json`));
    expect(older.ok && newer.ok).toBe(true);
    if (older.ok && newer.ok) expect(older.guide).toEqual(newer.guide);
  });
});

describe('parseGuide on a v1 guide', () => {
  it('migrates and says so in a warning', () => {
    const r = parseGuide(readFixture('v1.json'));
    expect(r).toMatchObject({ ok: true, warnings: ['schemaVersion: file uses version 1; read as version 2'] });
  });

  it('reports v1 errors against the v1 field names', () => {
    expect(parseGuide({ schemaVersion: 1, name: 'x', avoid: ['ok', 3], prefer: [] })).toEqual({
      ok: false,
      errors: ['avoid[1]: expected string', 'threshold: expected number (missing)'],
    });
  });

  it('keeps unknown fields through the migration so they are reported, not silently lost', () => {
    const r = parseGuide({ schemaVersion: 1, name: 'x', avoid: [], threshold: 10, prefer: [], owner: 'Priya' });
    expect(r.ok && r.warnings).toContain('owner: unknown field, ignored');
  });
});

// --- property: a v1 guide loses nothing on its way to v2 -------------------------------------

const text = (max = 40) =>
  fc
    .string({ minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const v1GuideArb: fc.Arbitrary<GuideV1> = fc.record(
  {
    schemaVersion: fc.constant(1 as const),
    name: text(),
    description: text(200),
    updatedAt: isoDate,
    avoid: fc.array(text(), { maxLength: 6 }),
    threshold: fc.double({ min: 0, max: 100, noNaN: true }),
    prefer: fc.array(
      fc.record(
        {
          category: fc.constantFrom(...categorySchema.options),
          mood: fc.constantFrom(...moodSchema.options),
          kind: fc.constantFrom(...phraseKindSchema.options),
          text: text(),
        },
        { requiredKeys: ['kind', 'text'] },
      ),
      { maxLength: 5 },
    ),
    boilerplate: fc.array(text(), { maxLength: 4 }),
  },
  { requiredKeys: ['schemaVersion', 'name', 'avoid', 'threshold', 'prefer'] },
);

/**
 * Where each v1 field lives in v2. Adding a field to the v1 schema without adding it here fails
 * the coverage test below, so the property test cannot silently stop covering a field.
 */
const V1_FIELD_IN_V2: Record<Exclude<keyof GuideV1, 'schemaVersion'>, (v1: GuideV1, v2: Record<string, unknown>) => void> = {
  name: (a, b) => expect(b.name).toBe(a.name),
  description: (a, b) => expect(b.description).toBe(a.description),
  updatedAt: (a, b) => expect(b.updatedAt).toBe(a.updatedAt),
  avoid: (a, b) => expect(b.avoid).toEqual(a.avoid.map((phrase) => ({ phrase, why: V1_AVOID_REASON }))),
  threshold: (a, b) => expect(b.thresholds).toEqual({ canned: a.threshold }),
  prefer: (a, b) => expect(b.prefer).toEqual(a.prefer),
  boilerplate: (a, b) => expect(b.boilerplate).toEqual(a.boilerplate),
};

describe('property: migration v1 → v2 never loses a field', { timeout: 60_000 }, () => {
  it('maps every v1 field', () => {
    expect(Object.keys(V1_FIELD_IN_V2).sort()).toEqual(Object.keys(guideV1Schema.shape).filter((k) => k !== 'schemaVersion').sort());
  });

  it('carries every v1 value into the parsed v2 guide', () => {
    fc.assert(
      fc.property(v1GuideArb, (v1) => {
        const r = parseGuide(v1);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const [field, check] of Object.entries(V1_FIELD_IN_V2)) {
          if (field in v1) check(v1, r.guide as unknown as Record<string, unknown>);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('passes fields it does not know through to the next version', () => {
    const step = guideMigrations.find((m) => m.from === 1)!;
    fc.assert(
      fc.property(v1GuideArb, fc.dictionary(fc.constantFrom('owner', 'notes', 'x-editor', 'team'), fc.jsonValue()), (v1, extra) => {
        const result = step.run({ ...extra, ...v1 });
        expect(result.ok).toBe(true);
        if (result.ok) for (const [k, v] of Object.entries(extra)) expect(result.value[k]).toEqual(v);
      }),
      { numRuns: 100 },
    );
  });
});
