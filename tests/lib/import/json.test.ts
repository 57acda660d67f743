import { describe, expect, it } from 'vitest';
import { ImportFileError, parseJson } from '@/lib/import';

const plain = (rows: Array<{ line: number; values: Record<string, string> }>) => rows.map((r) => ({ line: r.line, ...r.values }));

describe('parseJson', () => {
  it('reads an array of objects, numbering rows by position', () => {
    const r = parseJson('\uFEFF[{"email": "a@example.com", "n": 1}, 5, {"email": "b@example.com", "vip": true, "x": null}]');
    expect(r.format).toBe('json');
    expect(r.headers).toEqual(['email', 'n', 'vip', 'x']);
    expect(plain(r.rows)).toEqual([
      { line: 1, email: 'a@example.com', n: '1' },
      { line: 3, email: 'b@example.com', vip: 'true', x: '' },
    ]);
    expect(r.errors).toEqual([{ row: 2, reason: 'item 2 is a number, not an object with fields' }]);
  });

  it('flattens nested objects to dotted keys and joins lists of plain values', () => {
    const r = parseJson('[{"contact": {"name": "Jane", "emails": ["a@example.com", "b@example.com"]}, "tags": [{"id": 1}]}]');
    expect(plain(r.rows)).toEqual([{ line: 1, 'contact.name': 'Jane', 'contact.emails': 'a@example.com; b@example.com', tags: '[{"id":1}]' }]);
  });

  it('unwraps an API export that holds the list in one property', () => {
    const r = parseJson('{"tickets": [{"id": 1}, {"id": 2}], "count": 2, "next_page": null}');
    expect(plain(r.rows)).toEqual([
      { line: 1, id: '1' },
      { line: 2, id: '2' },
    ]);
  });

  it('reads JSON Lines, reporting bad lines by line number and keeping the rest', () => {
    const text = '{"id": 1}\r\n\r\n{"id": 2, "note": "<script>x</script>"}\nnot json\n[1]\n{"id": 3}\n';
    const r = parseJson(text);
    expect(r.format).toBe('jsonl');
    expect(plain(r.rows)).toEqual([
      { line: 1, id: '1' },
      { line: 3, id: '2', note: '<script>x</script>' },
      { line: 6, id: '3' },
    ]);
    expect(r.errors).toEqual([
      { row: 4, reason: expect.stringMatching(/^not valid JSON/) },
      { row: 5, reason: 'this line is a list, not an object with fields' },
    ]);
  });

  it('reads one pretty-printed object as one row', () => {
    expect(plain(parseJson('{\n  "email": "a@example.com"\n}\n').rows)).toEqual([{ line: 1, email: 'a@example.com' }]);
  });

  it('rejects a broken array, an empty file and non-JSON as a whole', () => {
    expect(() => parseJson('[{"a": 1},\n{"b": }]')).toThrow(ImportFileError);
    expect(() => parseJson('[{"a": 1},\n{"b": }]')).toThrow(/not valid JSON/);
    expect(() => parseJson('  \n')).toThrow(/empty/);
    expect(() => parseJson('name,email\nJane,j@example.com')).toThrow(/does not look like JSON/);
  });

  it('keeps a __proto__ key as data', () => {
    const r = parseJson('[{"__proto__": "x", "email": "a@example.com"}]');
    const values = r.rows[0]!.values;
    expect(Object.keys(values)).toEqual(['__proto__', 'email']);
    expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});
