/**
 * The suggest CLI, run for real (`npx tsx lib/cli/suggest.ts`) on temporary files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_GUIDE_SCHEMA_VERSION } from '@/lib/guide';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rapport-suggest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['lib/cli/suggest.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  // npm may print its own config warnings on stderr; they are not ours.
  const stderr = r.stderr
    .split('\n')
    .filter((l) => !l.startsWith('npm warn'))
    .join('\n');
  return { code: r.status, stdout: r.stdout, stderr };
}

const rows = [
  { id: 'a', customer_message: 'My parcel was supposed to arrive on Friday and it still has not turned up. Order 48213.', name: 'Chloe Evans', customer_since: '2015-03-04', contact_count: 3, promise_missed: 'Deliver the parcel by Friday' },
  { id: 'b', customer_message: 'How do I change my Wi-Fi password?', name: null, customer_since: null, contact_count: 1, promise_missed: null },
  { id: 7, customer_message: 'I want to cancel my mobile contract, please send my PAC code.', name: 'Ola', customer_since: null, contact_count: null, promise_missed: null, category: 'cancellation' },
];
const good = write('good.jsonl', `${rows.map((r) => JSON.stringify(r)).join('\n')}\n\n`);

describe('suggest CLI', () => {
  it('prints one JSON line per row with exactly the agreed fields', () => {
    const r = cli(good, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((p) => p.id)).toEqual(['a', 'b', 7]);
    for (const p of parsed) {
      expect(Object.keys(p)).toEqual(['id', 'situation', 'suggestions']);
      const situation = p.situation as Record<string, unknown>;
      expect(Object.keys(situation)).toEqual(['category', 'mood', 'issue']);
      const suggestions = p.suggestions as Array<Record<string, unknown>>;
      expect(suggestions.length).toBeGreaterThanOrEqual(3);
      for (const s of suggestions) expect(Object.keys(s)).toEqual(['kind', 'text']);
    }
    expect((parsed[1]?.situation as { category: string }).category).toBe('how-to');
    expect(JSON.stringify(parsed[2])).toContain('PAC');
  }, 60_000);

  it('prints a readable table by default', () => {
    const r = cli(good);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('#a  delivery / frustrated');
    expect(r.stdout).toMatch(/ {2}1\. \[apology\] /);
    expect(r.stdout).toContain('say: ');
  }, 60_000);

  it('reports bad rows with their line numbers on stderr and carries on', () => {
    const file = write('bad.jsonl', [JSON.stringify(rows[0]), '{not json', JSON.stringify({ id: 'x', customer_message: 42 }), JSON.stringify({ id: 'y', customer_message: 'ok', contact_count: 2.5 }), JSON.stringify(rows[1])].join('\n'));
    const r = cli(file, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/line 2: invalid JSON/);
    expect(r.stderr).toMatch(/line 3: customer_message: /);
    expect(r.stderr).toMatch(/line 4: contact_count: /);
    expect(r.stderr).toMatch(/3 rows skipped/);
  }, 60_000);

  it('exits 2 on an unreadable file, with nothing on stdout', () => {
    const r = cli(join(dir, 'missing.jsonl'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot read .*missing\.jsonl: no such file/);
  }, 60_000);

  it.each([
    [['--format', 'xml'], /--format must be table or json/],
    [['--colour'], /Unknown option/],
    [[], /missing FILE/],
  ])('exits 2 on bad flags: %j', (extra, message) => {
    const r = cli(...(extra.length ? [good, ...extra] : []));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  }, 60_000);

  it('applies a team guide given with --guide', () => {
    const guide = write(
      'guide.json',
      JSON.stringify({
        schemaVersion: CURRENT_GUIDE_SCHEMA_VERSION,
        name: 'Test team',
        avoid: [],
        prefer: [{ category: 'delivery', kind: 'apology', mode: 'replace', text: '{name}, that delivery is on me: {issue}.' }],
        ban: [{ phrase: 'CAN CHANGE YOUR WI-FI PASSWORD', category: 'how-to' }],
      }),
    );
    const r = cli(good, '--format', 'json', '--guide', guide);
    expect(r.code).toBe(0);
    const first = JSON.parse(r.stdout.trim().split('\n')[0] ?? '{}') as { suggestions: Array<{ kind: string; text: string }> };
    const apologies = first.suggestions.filter((s) => s.kind === 'apology');
    expect(apologies.map((s) => s.text)).toEqual(['Chloe, that delivery is on me: your parcel was supposed to arrive on Friday and it still has not turned up.']);
    // Without the guide the how-to answers say "can change your Wi-Fi password"; the ban takes those out.
    expect(cli(good, '--format', 'json').stdout.toLowerCase()).toContain('can change your wi-fi password');
    expect(r.stdout.toLowerCase()).not.toContain('can change your wi-fi password');
    expect((JSON.parse(r.stdout.trim().split('\n')[1] ?? '{}') as { suggestions: unknown[] }).suggestions.length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('exits 2 with the guide’s errors when the guide is invalid', () => {
    const guide = write('bad-guide.json', JSON.stringify({ schemaVersion: CURRENT_GUIDE_SCHEMA_VERSION, name: 'Broken', avoid: [{ phrase: 5, why: 'x' }], prefer: [] }));
    const r = cli(good, '--guide', guide);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/avoid\[0\]/);
  }, 60_000);
});
