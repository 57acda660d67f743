import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fileFingerprint,
  ImportFileError,
  importFile,
  naturalKey,
  previewFile,
  type BatchInfo,
  type ImportOptions,
  type ImportProgress,
} from '@/lib/import';
import type { ColumnMapping, ImportRow } from '@/lib/schemas/import';

const fixture = (name: string) => new File([readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url))], name, { lastModified: 1_700_000_000_000 });
const OPTS: ImportOptions = { defaultRegion: 'GB', dateOrder: 'DMY', now: new Date(2024, 0, 1) };
const local = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();

function recorder(failOnCall?: number) {
  const calls: Array<{ rows: ImportRow[]; info: BatchInfo }> = [];
  const sink = async (rows: ImportRow[], info: BatchInfo) => {
    if (calls.length + 1 === failOnCall) throw new Error('service worker went away');
    calls.push({ rows, info });
  };
  return { calls, sink, rows: () => calls.flatMap((c) => c.rows), errors: () => calls.flatMap((c) => c.info.errors) };
}

/** A CSV of `n` contacts where every 7th row has a bad date and every 11th no identity. */
function sampleCsv(n: number): { text: string; good: number } {
  const lines = ['Email,Name,Date,Subject'];
  let good = 0;
  for (let i = 1; i <= n; i++) {
    const bad = i % 7 === 0 || i % 11 === 0;
    if (!bad) good++;
    lines.push(`${i % 11 === 0 ? '' : `c${i}@example.com`},${i % 11 === 0 ? '' : `Customer ${i}`},${i % 7 === 0 ? 'soon' : '2019-02-19'},Call ${i}`);
  }
  return { text: lines.join('\r\n'), good };
}
const SAMPLE_MAPPING: ColumnMapping = { Email: 'customer.email', Name: 'customer.name', Date: 'interaction.at', Subject: 'interaction.subject' };

describe('previewFile', () => {
  it('shows headers, first rows, separator, suggested mapping and unknown columns', async () => {
    const p = await previewFile(fixture('zendesk-tickets.csv'), 2);
    expect(p.format).toBe('csv');
    expect(p.delimiter).toBe(',');
    expect(p.headers).toHaveLength(12);
    expect(p.rows.map((r) => [r.line, r.values.Id])).toEqual([
      [2, '1042'],
      [3, '1043'],
    ]);
    expect(p.mapping).toMatchObject({ 'Requester email': 'customer.email', Via: 'interaction.channel', 'Created at': 'interaction.at' });
    expect(p.unknown).toEqual(['Group', 'Updated at', 'Tags']);
    expect(p.mappingProblems).toEqual([]);
    expect(p.dateOrder).toBe('DMY');
    expect(p.problem).toBeUndefined();
  });

  it('detects a semicolon file and its day-first dates', async () => {
    const p = await previewFile(fixture('hubspot-contacts.csv'));
    expect(p.delimiter).toBe(';');
    expect(p.rows).toHaveLength(3);
    expect(p.mapping).toMatchObject({ 'First Name': 'customer.name', 'Last Name': 'customer.name', 'Create Date': 'customer.since' });
    expect(p.unknown).toEqual(['Lifecycle Stage', 'Email opt-out']);
    expect(p.dateOrder).toBe('DMY');
  });

  it('explains a file whose columns cannot be told apart instead of failing', async () => {
    const p = await previewFile(new File(['name:email\nJane:jane@example.com\n'], 'x.csv'));
    expect(p.problem).toMatch(/could not be told apart/);
    expect(p.headers).toEqual([]);
  });

  it('lets the user choose the separator', async () => {
    const file = new File(['a;b\n1;2\n'], 'x.csv');
    expect((await previewFile(file, 20, { delimiter: ',' })).problem).toMatch(/semicolon/);
    expect((await previewFile(file, 20, { delimiter: ';' })).headers).toEqual(['a', 'b']);
  });

  it('previews JSON and JSON Lines', async () => {
    const json = await previewFile(fixture('salesforce-cases.json'));
    expect(json.format).toBe('json');
    expect(json.mapping).toMatchObject({ 'Contact.Email': 'customer.email', 'Case Origin': 'interaction.channel' });
    const jsonl = await previewFile(fixture('helpscout.jsonl'));
    expect(jsonl.format).toBe('jsonl');
    expect(jsonl.rows.map((r) => r.line)).toEqual([1, 2, 5]);
    expect(jsonl.errors.map((e) => e.row)).toEqual([3, 4]);
  });
});

describe('importFile', () => {
  it('imports a helpdesk export, reporting each bad row with its line and reason', async () => {
    const file = fixture('zendesk-tickets.csv');
    const { mapping } = await previewFile(file);
    const rec = recorder();
    const summary = await importFile(file, mapping, OPTS, rec.sink);
    expect(summary).toMatchObject({ format: 'csv', delimiter: ',', rowsRead: 5, rowsImported: 3, errorCount: 2, lastRow: 6, missingColumns: [] });
    const [jane, priya, siobhan] = rec.rows();
    expect(jane).toMatchObject({
      row: 2,
      customer: { name: 'Jane Doe', emails: ['jane@gmail.com'], accountId: 'AC-1042' },
      interaction: { ticketId: '1042', channel: 'phone', at: local(2019, 2, 19, 14, 30), outcome: 'solved', agent: 'Aisha' },
    });
    expect(priya?.interaction).toMatchObject({ channel: 'ticket', subject: 'Router keeps dropping, again' });
    expect(siobhan?.customer.name).toBe("O'Brien, Siobhán");
    expect(siobhan?.interaction).toMatchObject({ subject: 'Bill shows <b>£0</b> <script>alert(1)</script>', at: local(2019, 2, 20, 17, 5), channel: 'email' });
    expect(summary.errors).toEqual([
      { row: 5, reason: expect.stringMatching(/^column "Created at": "yesterday" is not a date/) },
      { row: 6, reason: expect.stringMatching(/^no way to tell which customer this is/) },
    ]);
    expect(rec.errors()).toEqual(summary.errors);
  });

  it('imports JSON and JSON Lines with per-row errors', async () => {
    const cases = await previewFile(fixture('salesforce-cases.json'));
    const rec = recorder();
    const s = await importFile(fixture('salesforce-cases.json'), cases.mapping, OPTS, rec.sink);
    expect(s).toMatchObject({ format: 'json', rowsImported: 2, errorCount: 0, lastRow: 2 });
    expect(rec.rows()[0]).toMatchObject({
      customer: { name: 'Fatima Zahra', emails: ['fatima.zahra@example.ma'], phones: ['+212612345678'] },
      interaction: { ticketId: '00001026', channel: 'phone', at: Date.UTC(2019, 1, 19, 14, 30), summary: 'Engineer arrived two hours late.\nCustomer asked for a call back.' },
    });

    const hs = await previewFile(fixture('helpscout.jsonl'));
    const rec2 = recorder();
    const s2 = await importFile(fixture('helpscout.jsonl'), hs.mapping, OPTS, rec2.sink);
    expect(s2).toMatchObject({ format: 'jsonl', rowsImported: 3, errorCount: 2, lastRow: 5 });
    expect(rec2.rows().map((r) => r.interaction?.sourceId)).toEqual(['hs-1', 'hs-2', 'hs-3']);
    expect(rec2.errors().map((e) => e.row)).toEqual([3, 4]);
  });

  it('delivers batches in file order, each with the last row it covers and its own errors', async () => {
    const { text, good } = sampleCsv(50);
    const rec = recorder();
    await importFile(new Blob([text]), SAMPLE_MAPPING, { ...OPTS, batchSize: 4 }, rec.sink);
    let previous = 0;
    for (const { rows, info } of rec.calls) {
      expect(rows.length + info.errors.length).toBeLessThanOrEqual(4);
      expect(info.lastRow).toBeGreaterThan(previous);
      for (const r of [...rows.map((x) => x.row), ...info.errors.map((e) => e.row)]) {
        expect(r).toBeGreaterThan(previous);
        expect(r).toBeLessThanOrEqual(info.lastRow);
      }
      previous = info.lastRow;
    }
    expect(previous).toBe(51);
    expect(rec.rows()).toHaveLength(good);
    expect(rec.errors()).toHaveLength(50 - good);
  });

  it('starts with a small batch and doubles up to batchSize, losing and repeating nothing', async () => {
    const { text } = sampleCsv(120);
    const steady = recorder();
    await importFile(new Blob([text]), SAMPLE_MAPPING, { ...OPTS, batchSize: 16 }, steady.sink);
    const ramp = recorder();
    await importFile(new Blob([text]), SAMPLE_MAPPING, { ...OPTS, batchSize: 16, firstBatchSize: 2 }, ramp.sink);
    const sizes = ramp.calls.map(({ rows, info }) => rows.length + info.errors.length);
    expect(sizes.slice(0, 5)).toEqual([2, 4, 8, 16, 16]);
    expect(Math.max(...sizes)).toBe(16);
    expect(ramp.rows()).toEqual(steady.rows());
    expect(ramp.errors()).toEqual(steady.errors());
    expect(ramp.calls.at(-1)!.info.lastRow).toBe(steady.calls.at(-1)!.info.lastRow);
  });

  it('resumes after an interruption without losing or repeating rows', async () => {
    const { text } = sampleCsv(120);
    const file = new File([text], 'contacts.csv');
    const full = recorder();
    await importFile(file, SAMPLE_MAPPING, { ...OPTS, batchSize: 10 }, full.sink);

    const first = recorder(4);
    await expect(importFile(file, SAMPLE_MAPPING, { ...OPTS, batchSize: 10 }, first.sink)).rejects.toThrow(/went away/);
    const committed = first.calls.at(-1)!.info.lastRow;
    expect(committed).toBeGreaterThan(1);

    const rest = recorder();
    await importFile(file, SAMPLE_MAPPING, { ...OPTS, batchSize: 10, startAtRow: committed + 1 }, rest.sink);
    expect([...first.rows(), ...rest.rows()]).toEqual(full.rows());
    expect([...first.errors(), ...rest.errors()]).toEqual(full.errors());
  });

  it('reports progress up to the whole file', async () => {
    const { text } = sampleCsv(3000);
    const seen: ImportProgress[] = [];
    const s = await importFile(new Blob([text]), SAMPLE_MAPPING, OPTS, recorder().sink, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    expect(seen.at(-1)).toMatchObject({ done: text.length, total: text.length, unit: 'bytes', rowsRead: 3000, rowsImported: s.rowsImported, errorCount: s.errorCount, lastRow: 3001 });
  });

  it('gives duplicate rows the same natural key', async () => {
    const text = 'Email,Date,Channel,Subject\njane@example.com,2019-02-19 14:30,voice,Broken\nbob@example.com,2019-02-19 14:30,voice,Broken\nJane@Example.com,19/02/2019 14:30,Phone call,Broken\n';
    const rec = recorder();
    await importFile(text, { Email: 'customer.email', Date: 'interaction.at', Channel: 'interaction.channel', Subject: 'interaction.subject' }, OPTS, rec.sink);
    const [a, b, c] = rec.rows().map(naturalKey);
    expect(a).toBe(c);
    expect(a).not.toBe(b);
  });

  it('refuses a file that has none of the mapped columns', async () => {
    await expect(importFile('x,y\n1,2\n', SAMPLE_MAPPING, OPTS, recorder().sink)).rejects.toThrow(ImportFileError);
  });

  it('lists mapped columns the file lacks and ignores unmapped ones', async () => {
    const s = await importFile('Email,Favourite colour\na@example.com,blue\n', { Email: 'customer.email', Phone: 'customer.phone' }, OPTS, recorder().sink);
    expect(s.missingColumns).toEqual(['Phone']);
    expect(s.rowsImported).toBe(1);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importFile(sampleCsv(10).text, SAMPLE_MAPPING, { ...OPTS, signal: controller.signal }, recorder().sink)).rejects.toThrow(/abort/i);
  });
});

describe('fileFingerprint', () => {
  it('combines name, size and modification time', () => {
    expect(fileFingerprint(new File(['abc'], 'a.csv', { lastModified: 5 }))).toBe('a.csv|3|5');
  });
});
