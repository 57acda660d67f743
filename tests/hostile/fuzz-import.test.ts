/**
 * Importers read whatever file an agent picks: a CRM export, a half-downloaded file, a binary
 * someone renamed to .csv. Each must end in rows and row errors, or in one ImportFileError for
 * the file as a whole (which the options page shows); never in any other exception, and never
 * in a hang.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError, guessDateOrder, importFile, mapRow, parseCsv, parseDate, parseJson, previewFile, suggestMapping, type MapOptions } from '@/lib/import';
import { importFieldSchema, importRowSchema, type ColumnMapping, type ImportRow } from '@/lib/schemas/import';
import { PER_INPUT_BOUND_MS, adversarialText, hostileText, timedAsync, timed, warmUp } from './arbitraries';

const OPTS: MapOptions = { defaultRegion: 'GB', dateOrder: 'DMY', now: new Date(Date.UTC(2026, 10, 23)) };

/** A cell as CRMs write them, and as they mangle them. */
const cell = fc.oneof(
  hostileText,
  fc.constantFrom('', ' ', 'n/a', '"', '""', '"a""b"', 'a,b', 'a;b', 'x\ny', '\r\n', '=cmd|\' /C calc\'!A0', '<script>window.__pwned=1</script>', '31/02/2024', '2024-13-45', '+44 20 7946 0958', 'a@b', 'PRIYA@Example.COM', '0'.repeat(400)),
);

/** CSV text: a header and rows of cells, quoted or not, joined with a random delimiter and line end. */
const csvText = fc
  .record({
    delim: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    header: fc.array(fc.oneof(fc.constantFrom('Email', 'Name', 'Phone', 'Created at', 'Subject', 'Channel', 'Id', 'Notes'), adversarialText(3)), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(fc.record({ value: cell, quoted: fc.boolean() }), { maxLength: 9 }), { maxLength: 25 }),
    preamble: fc.constantFrom('', '\ufeff', 'sep=;\n', '\n\n'),
  })
  .map(({ delim, eol, header, rows, preamble }) => {
    const line = (cells: Array<{ value: string; quoted: boolean }>) => cells.map((c) => (c.quoted ? `"${c.value.replace(/"/g, '""')}"` : c.value)).join(delim);
    return preamble + [line(header.map((value) => ({ value, quoted: false }))), ...rows.map(line)].join(eol);
  });

const anyCsv = fc.oneof(csvText, hostileText);

/** JSON-ish text: valid JSON of any shape, arrays of hostile records, JSON Lines, and broken JSON. */
const jsonText = fc.oneof(
  fc.json({ maxDepth: 6 }),
  fc.array(fc.dictionary(fc.oneof(fc.constantFrom('email', 'name', 'phone', 'created_at', 'subject', 'requester'), adversarialText(2)), fc.oneof(cell, fc.jsonValue({ maxDepth: 6 }))), { maxLength: 20 }).map((a) => JSON.stringify(a)),
  fc.array(fc.dictionary(fc.string(), cell), { maxLength: 10 }).map((a) => a.map((o) => JSON.stringify(o)).join('\n')),
  fc.tuple(fc.json(), fc.nat()).map(([j, n]) => j.slice(0, n % (j.length + 1))),
  fc.constantFrom('[', '{', '{"tickets":[', '[{"a":1},]', `${'['.repeat(5000)}${']'.repeat(5000)}`, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`),
  hostileText.map((t) => `{${t}`),
);

/** Either the call finished, or it threw the one error type the page knows how to show. */
function expectOnlyFileErrors(e: unknown) {
  expect(e).toBeInstanceOf(ImportFileError);
  expect((e as Error).message.length).toBeGreaterThan(0);
}

function expectValidRow(row: ImportRow) {
  // The background re-validates with this schema; a row failing it would abort a whole batch.
  expect(importRowSchema.safeParse(row).success).toBe(true);
}

async function drainCsv(text: string) {
  let rows = 0;
  for await (const chunk of parseCsv(text, { chunkBytes: 256 })) {
    rows += chunk.rows.length;
    for (const r of chunk.rows) expect(r.line).toBeGreaterThan(0);
    for (const e of chunk.errors) expect(typeof e.reason).toBe('string');
  }
  return rows;
}

beforeAll(() =>
  warmUp((t) => {
    mapRow({ Email: `a${t}@example.com`, Phone: `+44 20 7946 ${t}`, Date: `03/04/2024 ${t}`, Name: t }, 1, { Email: 'customer.email', Phone: 'customer.phone', Date: 'interaction.at', Name: 'customer.name' }, OPTS);
    parseDate(`2024-03-04 ${t}`, { dateOrder: 'DMY', now: OPTS.now });
  }),
);

describe('CSV parsing on hostile input', { timeout: 60_000 }, () => {
  it('yields rows and row errors, or throws ImportFileError, within the per-input bound', async () => {
    await fc.assert(
      fc.asyncProperty(anyCsv, async (text) => {
        const t = await timedAsync(async () => {
          try {
            await drainCsv(text);
          } catch (e) {
            expectOnlyFileErrors(e);
          }
        });
        expect(t.ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 120 },
    );
  });

  it('previews and imports any CSV with the suggested mapping: every delivered row is schema-valid', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const t = await timedAsync(async () => {
          const preview = await previewFile(text, 5, { format: 'csv' });
          if (preview.problem) return;
          const delivered: ImportRow[] = [];
          try {
            const summary = await importFile(text, preview.mapping, { ...OPTS, format: 'csv', batchSize: 7 }, async (batch) => {
              delivered.push(...batch);
            });
            expect(summary.rowsImported).toBe(delivered.length);
            expect(summary.errorCount).toBeGreaterThanOrEqual(0);
          } catch (e) {
            expectOnlyFileErrors(e);
          }
          delivered.forEach(expectValidRow);
        });
        expect(t.ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 80 },
    );
  });
});

describe('CSV header row of repeated names', { timeout: 120_000 }, () => {
  it('a header row of 5,000 repeated names parses within the per-input bound', async () => {
    // Excel exports repeat header names ("Notes", "-"); numbering each repeat by trying "x (2)",
    // "x (3)"… in turn was quadratic and froze the import preview for seconds.
    const text = `${Array(5000).fill('Notes').join(',')}\n${Array(5000).fill('x').join(',')}`;
    const t = await timedAsync(() => drainCsv(text));
    expect(t.value).toBe(1);
    expect(t.ms).toBeLessThan(PER_INPUT_BOUND_MS);
  });
});

describe('JSON parsing on hostile input', { timeout: 60_000 }, () => {
  it('returns rows and errors, or throws ImportFileError, within the per-input bound', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, hostileText), (text) => {
        const t = timed(() => {
          try {
            const parsed = parseJson(text);
            expect(['json', 'jsonl']).toContain(parsed.format);
            for (const r of parsed.rows) for (const v of Object.values(r.values)) expect(typeof v).toBe('string');
          } catch (e) {
            expectOnlyFileErrors(e);
          }
        });
        expect(t.ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 200 },
    );
  });

  it('imports any JSON with the suggested mapping: every delivered row is schema-valid', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, async (text) => {
        const preview = await previewFile(text, 5, { format: 'json' });
        if (preview.problem) return;
        const delivered: ImportRow[] = [];
        try {
          await importFile(text, preview.mapping, { ...OPTS, format: 'json' }, async (batch) => {
            delivered.push(...batch);
          });
        } catch (e) {
          expectOnlyFileErrors(e);
        }
        delivered.forEach(expectValidRow);
      }),
      { numRuns: 80 },
    );
  });
});

describe('mapping and dates on hostile cells', { timeout: 60_000 }, () => {
  const fields = importFieldSchema.options;
  const mappingArb: fc.Arbitrary<ColumnMapping> = fc.dictionary(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), adversarialText(2)), fc.constantFrom(...fields), { maxKeys: 8 });

  it('mapRow returns a valid row or a row error for any cells and any mapping', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), adversarialText(2)), cell, { maxKeys: 8 }), mappingArb, fc.constantFrom<MapOptions['dateOrder']>('DMY', 'MDY'), (raw, mapping, dateOrder) => {
        const { value, ms } = timed(() => mapRow(raw, 3, mapping, { ...OPTS, dateOrder }));
        if (value.ok) expectValidRow(value.row);
        else {
          expect(value.error.row).toBe(3);
          expect(value.error.reason.length).toBeGreaterThan(0);
        }
        expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
      }),
      { numRuns: 300 },
    );
  });

  it('suggestMapping maps any headers to known fields only', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 30 }), (headers) => {
        const { mapping, unknown } = suggestMapping(headers);
        for (const f of Object.values(mapping)) expect(fields).toContain(f);
        expect(Object.keys(mapping).length + unknown.length).toBe(headers.length);
      }),
      { numRuns: 150 },
    );
  });

  it('parseDate returns a real date or null, and guessDateOrder an order or null, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(cell, fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ unit: fc.constantFrom(...'0123456789/-.: TZ+'), maxLength: 40 })), (raw) => {
        for (const dateOrder of ['DMY', 'MDY'] as const) {
          const { value, ms } = timed(() => parseDate(raw, { dateOrder, now: OPTS.now }));
          if (value !== null) expect(value).toBeTypeOf('object');
          expect(ms).toBeLessThan(PER_INPUT_BOUND_MS);
        }
        expect([null, 'DMY', 'MDY']).toContain(guessDateOrder([raw, raw]));
      }),
      { numRuns: 300 },
    );
  });
});
