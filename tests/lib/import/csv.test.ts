import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { ImportFileError, MAX_QUOTED_CHARS, parseCsv, type CsvOptions, type RawRow } from '@/lib/import';
import type { RowError } from '@/lib/schemas/import';

async function readAll(input: string | Blob, opts: CsvOptions = {}) {
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  let meta;
  for await (const chunk of parseCsv(input, opts)) {
    rows.push(...chunk.rows);
    errors.push(...chunk.errors);
    meta = chunk.meta;
  }
  return { rows, errors, meta: meta! };
}

const plain = (rows: RawRow[]) => rows.map((r) => ({ line: r.line, ...r.values }));

async function fileError(input: string | Blob, opts: CsvOptions = {}): Promise<ImportFileError> {
  try {
    await readAll(input, opts);
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}

describe('parseCsv', () => {
  it('strips a BOM and reads Windows line endings', async () => {
    const { rows, meta } = await readAll('\uFEFFName,Email\r\nJane,jane@example.com\r\nBob,bob@example.com\r\n');
    expect(meta.headers).toEqual(['Name', 'Email']);
    expect(plain(rows)).toEqual([
      { line: 2, Name: 'Jane', Email: 'jane@example.com' },
      { line: 3, Name: 'Bob', Email: 'bob@example.com' },
    ]);
  });

  it('strips a UTF-8 BOM from file bytes and keeps CRLF split across reads intact', async () => {
    const bytes = new TextEncoder().encode('\uFEFFa,b\r\n1,2\r\n3,4');
    const { rows, meta } = await readAll(new Blob([bytes]), { chunkBytes: 3 });
    expect(meta.headers).toEqual(['a', 'b']);
    expect(meta.encoding).toBe('utf-8');
    expect(plain(rows)).toEqual([
      { line: 2, a: '1', b: '2' },
      { line: 3, a: '3', b: '4' },
    ]);
  });

  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6'],
    [';', 'a;b;c\n1;2,5;3\n4;5;6'],
    ['\t', 'a\tb\tc\n1\t2\t3\n4\t5\t6'],
    ['|', 'a|b|c\n1|2|3\n4|5|6'],
  ])('detects %j as the separator and reports it', async (delimiter, text) => {
    const { rows, meta } = await readAll(text);
    expect(meta.delimiter).toBe(delimiter);
    expect(meta.headers).toEqual(['a', 'b', 'c']);
    expect(rows).toHaveLength(2);
  });

  it.each([',', ';', '\t', '|'])('detects %j in a two-column file ending in a newline', async (d) => {
    const { rows, meta } = await readAll(`name${d}email\r\nJane${d}jane@example.com\r\n\r\n`);
    expect(meta.delimiter).toBe(d);
    expect(plain(rows)).toEqual([{ line: 2, name: 'Jane', email: 'jane@example.com' }]);
  });

  it("follows Excel's sep= line", async () => {
    const { rows, meta } = await readAll('sep=|\nname|email\nJane|jane@example.com\n');
    expect(meta.delimiter).toBe('|');
    expect(meta.headerLine).toBe(2);
    expect(plain(rows)).toEqual([{ line: 3, name: 'Jane', email: 'jane@example.com' }]);
  });

  it('explains a separator it cannot read', async () => {
    const e = await fileError('a:b:c\n1:2:3\n4:5:6\n');
    expect(e.message).toMatch(/could not be told apart/);
    expect(e.message).toContain('a:b:c');
  });

  it('explains a chosen separator that is wrong', async () => {
    const e = await fileError('a;b;c\n1;2;3\n', { delimiter: ',' });
    expect(e.message).toMatch(/single column/);
    expect(e.message).toMatch(/semicolon/);
  });

  it('explains a header that splits one way and rows another', async () => {
    const e = await fileError('a;b;c\nx\ny,z\n');
    expect(e.message).toMatch(/looks separated by semicolon/);
  });

  it('accepts a genuine one-column file', async () => {
    const { rows, meta } = await readAll('Email\njane@example.com\nbob@example.com\n');
    expect(meta.headers).toEqual(['Email']);
    expect(rows).toHaveLength(2);
  });

  it('rejects an empty file', async () => {
    expect((await fileError('')).message).toMatch(/empty/);
    expect((await fileError('\n\n  \n')).message).toMatch(/empty/);
  });

  it('keeps duplicate and empty headers apart instead of losing columns', async () => {
    const { rows, meta } = await readAll('Email,Email,, Phone ,email\n1,2,3,4,5\n');
    expect(meta.headers).toEqual(['Email', 'Email (2)', 'Column 3', 'Phone', 'email (3)']);
    expect(rows[0]!.values).toEqual({ Email: '1', 'Email (2)': '2', 'Column 3': '3', Phone: '4', 'email (3)': '5' });
  });

  it('numbers records by their physical first line across quoted line breaks and blank lines', async () => {
    const text = 'id,text\n1,"first\nsecond\r\nthird"\n\n2,plain\n3,"a ""quoted"" word"\n';
    const { rows } = await readAll(text);
    expect(plain(rows)).toEqual([
      { line: 2, id: '1', text: 'first\nsecond\nthird' },
      { line: 6, id: '2', text: 'plain' },
      { line: 7, id: '3', text: 'a "quoted" word' },
    ]);
  });

  it('reports an unbalanced quote on its line and imports the rest', async () => {
    const text = 'id,name,email\n1,Jane,jane@example.com\n2,"Bob,bob@example.com\n3,Ann,ann@example.com\n4,Eve,eve@example.com\n';
    const { rows, errors } = await readAll(text);
    expect(rows.map((r) => r.values.id)).toEqual(['1', '3', '4']);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(errors).toEqual([{ row: 3, reason: expect.stringMatching(/unbalanced quotes/) }]);
  });

  it('reads the lines after an unbalanced quote one by one, still catching other bad quotes', async () => {
    const text = 'id,name,note\n1,"Bob,x\n2,Ann,y\n3,"Eve,z\n4,Max,"w"\n5,Al,v\n';
    const { rows, errors } = await readAll(text);
    expect(errors.map((e) => e.row)).toEqual([2, 4]);
    expect(rows.map((r) => [r.line, r.values.id, r.values.note])).toEqual([
      [3, '2', 'y'],
      [5, '4', 'w'],
      [6, '5', 'v'],
    ]);
  });

  it('recovers when a stray quote is closed by an unrelated quote further down', async () => {
    const text = 'id,name,note\n1,"Bob,x\n2,Ann,y\n3,"Eve",z\n4,Max,w\n';
    const { rows, errors } = await readAll(text);
    expect(errors).toEqual([{ row: 2, reason: expect.stringMatching(/unbalanced quotes.*line 4/) }]);
    expect(plain(rows)).toEqual([
      { line: 3, id: '2', name: 'Ann', note: 'y' },
      { line: 4, id: '3', name: 'Eve', note: 'z' },
      { line: 5, id: '4', name: 'Max', note: 'w' },
    ]);
  });

  it('gives up on a quoted value that runs past the limit, without losing the lines after it', async () => {
    const filler = Array.from({ length: Math.ceil((MAX_QUOTED_CHARS * 1.2) / 20) }, (_, i) => `${i + 10},plain row ${i}`);
    const text = ['id,text', '1,ok', '2,"never closed', ...filler].join('\n');
    const { rows, errors } = await readAll(text, { chunkBytes: 64 * 1024 });
    expect(errors).toEqual([{ row: 3, reason: expect.stringMatching(/unbalanced quotes/) }]);
    expect(rows).toHaveLength(1 + filler.length);
    expect(rows.at(-1)).toEqual({ line: 3 + filler.length, values: expect.objectContaining({ id: String(filler.length + 9) }) });
  });

  it('reports rows with the wrong number of values, but allows trailing empty ones', async () => {
    const { rows, errors } = await readAll('a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,,\n');
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(errors).toEqual([
      { row: 3, reason: expect.stringMatching(/has 2 values but the header has 3/) },
      { row: 4, reason: expect.stringMatching(/has 4 values but the header has 3/) },
    ]);
  });

  it('skips records before startAtRow but keeps numbering from the file start', async () => {
    const text = 'id,text\n1,a\n2,"b\nb"\n3,c\n4,"d\n5,e\n';
    const { rows, errors } = await readAll(text, { startAtRow: 5 });
    expect(plain(rows)).toEqual([
      { line: 5, id: '3', text: 'c' },
      { line: 7, id: '5', text: 'e' },
    ]);
    expect(errors.map((e) => e.row)).toEqual([6]);
  });

  it('stops after maxRows', async () => {
    const text = ['n', ...Array.from({ length: 100 }, (_, i) => String(i))].join('\n');
    const { rows } = await readAll(text, { maxRows: 7 });
    expect(rows.map((r) => r.values.n)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('reads Windows-1252 files, as Excel saves them', async () => {
    const bytes = Uint8Array.from([...'name,city\nJos'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x2c, 0x4d, 0xe1, 0x6c, 0x61, 0x67, 0x61]));
    const { rows, meta } = await readAll(new Blob([bytes]));
    expect(meta.encoding).toBe('windows-1252');
    expect(rows[0]!.values).toEqual({ name: 'José', city: 'Málaga' });
  });

  it('reads UTF-16 files with a BOM (Excel "Unicode text")', async () => {
    const text = '\uFEFFname\tcity\r\nZoë\tKöln\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const { rows, meta } = await readAll(new Blob([bytes]), { chunkBytes: 5 });
    expect(meta.delimiter).toBe('\t');
    expect(plain(rows)).toEqual([{ line: 2, name: 'Zoë', city: 'Köln' }]);
  });

  it('keeps markup and script as the exact text', async () => {
    const html = '<b>hi</b> <script>alert("x")</script> &amp; <img src=x onerror=alert(1)>';
    const text = Papa.unparse([['name', 'note'], [html, '<a href="javascript:void(0)">link</a>']]);
    const { rows } = await readAll(text);
    expect(rows[0]!.values).toEqual({ name: html, note: '<a href="javascript:void(0)">link</a>' });
  });

  it('does not let a header named __proto__ change the row object', async () => {
    const { rows } = await readAll('__proto__,constructor\nx,y\n');
    const values = rows[0]!.values;
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it('reads back any table papaparse writes, however the file is sliced', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '|', '😀'), maxLength: 12 });
    const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.tuple(
        fc.constant(width),
        fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), fc.array(cell, { minLength: width - 1, maxLength: width - 1 })), {
          maxLength: 12,
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(table, fc.integer({ min: 1, max: 40 }), async ([width, body], chunkBytes) => {
        const headers = Array.from({ length: width }, (_, i) => `h${i}`);
        const data = body.map(([key, rest]) => [key, ...rest]);
        const text = Papa.unparse([headers, ...data], { newline: '\r\n' });
        const { rows, errors } = await readAll(new Blob([text]), { chunkBytes, delimiter: ',' });
        expect(errors).toEqual([]);
        let line = 2;
        const expected = data.map((fields) => {
          const row = { line, values: Object.fromEntries(headers.map((h, i) => [h, fields[i]!])) };
          line += fields.join('').split('\n').length;
          return row;
        });
        expect(rows.map((r) => ({ line: r.line, values: { ...r.values } }))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  }, 60_000); // 150 generated files through the real streaming reader: a correctness property, not a speed check.
});

describe('uniqueHeaders', () => {
  it('numbers repeated names, case-insensitively, without reusing a name already in the file', async () => {
    const { uniqueHeaders } = await import('@/lib/import/csv');
    expect(uniqueHeaders(['x', 'x', 'x (2)', 'X', '', ' Notes ', 'notes'])).toEqual(['x', 'x (2)', 'x (2) (2)', 'X (3)', 'Column 5', 'Notes', 'notes (2)']);
    const many = uniqueHeaders(Array(3000).fill('Notes'));
    expect(new Set(many.map((h) => h.toLowerCase())).size).toBe(3000);
    expect(many.at(-1)).toBe('Notes (3000)');
  });
});
