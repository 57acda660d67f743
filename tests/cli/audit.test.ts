import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, buildReport, parseRows, summarize } from '@/lib/audit';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rapport-audit-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content, 'utf8');
  return path;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// The real CLI, as `npm run audit` runs it.
function audit(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['lib/cli/audit.ts', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') }));
  });
}

const MACRO = (name: string) =>
  `Dear ${name},\n\nThank you for contacting us. We apologize for any inconvenience this may have caused. Your request has been forwarded to the relevant department and they will get back to you shortly.\n\nIf you have any further questions, please do not hesitate to contact us.\n\nKind regards,\nCustomer Support Team`;
const PERSONAL = 'Thanks Priya, done: your refund of 42.10 went out today.';

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

const ROWS = [
  { id: 'a1', reply: MACRO('Customer'), agent: 'ana', sent_at: '2025-05-01T09:00:00Z' },
  { id: 'a2', reply: PERSONAL, customer_name: 'Priya Shah', agent: 'ben' },
  { id: 'a3', reply: MACRO('Sir/Madam'), agent: 'ana' },
  { id: 'a4', reply: 'Hi Sam, <script>alert("x")</script> your parcel & box are fixed today.', agent: '<b>eve</b>' },
];

let jsonRun: Run;
beforeAll(async () => {
  const input = file('replies.jsonl', jsonl(ROWS).replace(/\n$/, '\n{broken json\n{"id":"nr"}\n\n'));
  jsonRun = await audit(input, '--format', 'json');
}, 60_000);

describe('audit CLI', () => {
  it('prints one JSON object per row and nothing else on stdout', () => {
    expect(jsonRun.code).toBe(0);
    const lines = jsonRun.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of objects) expect(Object.keys(o)).toEqual(['id', 'verdict', 'score', 'findings', 'similar_to', 'promises']);
    expect(objects.map((o) => o.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(objects.map((o) => o.verdict)).toEqual(['canned', 'ok', 'canned', 'ok']);
    const finding = (objects[0]!.findings as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(finding)).toEqual(['rule', 'message', 'start', 'end']);
  });

  it('compares rows with earlier rows when there is no history', () => {
    const objects = jsonRun.stdout.trim().split('\n').map((l) => JSON.parse(l) as { similar_to: unknown });
    expect(objects[0]!.similar_to).toBeNull();
    expect(objects[2]!.similar_to).toEqual({ id: 'a1', similarity: 1 });
  });

  it('reports bad rows on stderr with their line numbers and keeps going', () => {
    expect(jsonRun.stderr).toMatch(/replies\.jsonl:5: skipped: broken JSON/);
    expect(jsonRun.stderr).toMatch(/replies\.jsonl:6: skipped: missing reply/);
  });

  it('reads CSV, recovers after an unterminated quote and keeps multi-line fields', async () => {
    const csv = [
      'id,reply,agent',
      `c1,"${MACRO('Customer').replace(/"/g, '""')}",ana`,
      'c2,"this quote never closes,ben',
      'c3,"Hi Sam, two lines:\nI fixed the router today.",cy',
      'c4,,dan',
    ].join('\n');
    const run = await audit(file('replies.csv', csv), '--format', 'json');
    expect(run.code).toBe(0);
    const ids = run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(['c1', 'c3']);
    // c1's reply spans several physical lines, so c2 starts after them.
    const c2Line = 3 + (MACRO('Customer').match(/\n/g) ?? []).length;
    expect(run.stderr).toContain(`replies.csv:${c2Line}: skipped: unterminated or malformed quoted field`);
    expect(run.stderr).toContain(`replies.csv:${c2Line + 3}: skipped: missing reply`);
  }, 60_000);

  it('sniffs the format when the extension says nothing', async () => {
    const run = await audit(file('replies.txt', 'id,reply\nt1,"Thanks Sam, your refund went out today."\n'), '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout) as { id: string }).toMatchObject({ id: 't1', verdict: 'ok' });
  }, 60_000);

  it('compares against --history instead of earlier rows', async () => {
    const history = file('history.jsonl', jsonl([{ id: 'old-7', reply: MACRO('Client') }, { id: 'a1', reply: MACRO('Customer') }]));
    const input = file('two.jsonl', jsonl([ROWS[0]!, { id: 'b2', reply: PERSONAL.replace('Priya', 'Tom') }, { id: 'b3', reply: PERSONAL.replace('Priya', 'Tom') }]));
    const run = await audit(input, '--history', history, '--format', 'json');
    expect(run.code).toBe(0);
    const objects = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; similar_to: { id: string } | null });
    // a1 is itself in the history: it must match the other copy, not itself.
    expect(objects[0]!.similar_to?.id).toBe('old-7');
    expect(objects[2]!.similar_to).toBeNull();
  }, 60_000);

  it('prints a table by default and CSV on request', async () => {
    const input = file('t.jsonl', jsonl(ROWS.slice(0, 2)));
    const [table, csv] = await Promise.all([audit(input), audit(input, '--format', 'csv')]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+VERDICT\s+SCORE/);
    expect(table.stdout).toContain('2 replies: 1 canned, 1 ok');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,agent,verdict,score,similar_to,similarity,rules');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^a1,ana,canned,\d+,,,/);
  }, 60_000);

  it('writes a self-contained, escaped HTML report', async () => {
    const out = join(dir, 'report.html');
    const run = await audit(file('r.jsonl', jsonl(ROWS)), '--format', 'json', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(4);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|\bsrc=|https?:\/\//i);
    expect(html).toContain('&lt;b&gt;eve&lt;/b&gt;');
    expect(html).toContain('Agent: ana');
    expect(html).toContain('Most repeated replies');
  }, 60_000);

  it('exits 2 with a clear message for unreadable files and bad flags', async () => {
    const [missing, flag, format, none, noReply] = await Promise.all([
      audit(join(dir, 'nope.jsonl')),
      audit(file('ok.jsonl', jsonl([ROWS[1]!])), '--bogus'),
      audit(file('ok2.jsonl', jsonl([ROWS[1]!])), '--format', 'xml'),
      audit(),
      audit(file('noreply.csv', 'id,text\n1,hello\n')),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl \(ENOENT\)/);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/bogus/);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be one of table, json, csv/);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no input FILE/);
    expect(noReply.code).toBe(2);
    expect(noReply.stderr).toMatch(/no "reply" column/);
  }, 60_000);

  it('applies a --guide file', async () => {
    const guide = file(
      'guide.json',
      JSON.stringify({
        schemaVersion: 2,
        name: 'Test team',
        avoid: [{ phrase: 'no worries', why: 'Too casual for our customers.', instead: 'Happy to help' }],
        prefer: [],
        thresholds: { canned: 15 },
      }),
    );
    const input = file('g.jsonl', jsonl([{ id: 'g1', reply: 'No worries Sam, I moved your booking to Friday at 9am.' }]));
    const run = await audit(input, '--guide', guide, '--format', 'json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { verdict: string; findings: Array<{ rule: string; message: string }> };
    const avoid = result.findings.find((f) => f.rule === 'guide-avoid');
    expect(avoid?.message).toContain('Too casual for our customers.');
    expect(result.verdict).toBe('canned');
  }, 60_000);

  it('lists each reply\'s promises with due times in the offset of its sent_at', async () => {
    const started = Date.now();
    const input = file(
      'promises.jsonl',
      jsonl([
        { id: 'p1', reply: "Hi Sam, sorry about that. I'll call you back by 8pm tomorrow, and the refund will reach you within 3 business days.", sent_at: '2026-11-27T16:40:00-05:00' },
        { id: 'p2', reply: 'Refunds usually take 5-7 days. If you don\'t hear from us by Monday, call us.', sent_at: '2026-11-27T16:40:00+01:00' },
        { id: 'p3', reply: "I'll ring you within 2 hours." },
      ]),
    );
    const run = await audit(input, '--format', 'json');
    expect(run.code).toBe(0);
    const [p1, p2, p3] = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { promises: Array<{ text: string; due: string }> });
    expect(p1!.promises).toEqual([
      { text: "I'll call you back by 8pm tomorrow", due: '2026-11-28T20:00:00-05:00' },
      { text: 'the refund will reach you within 3 business days.', due: '2026-12-02T17:00:00-05:00' },
    ]);
    expect(p2!.promises).toEqual([]);
    // No sent_at: counted from now, in UTC.
    expect(p3!.promises).toHaveLength(1);
    expect(p3!.promises[0]!.due).toMatch(/\+00:00$/);
    expect(Date.parse(p3!.promises[0]!.due) - started).toBeGreaterThanOrEqual(2 * 3_600_000 - 1000);
  }, 60_000);

  it('says in --help how promise due times are computed', async () => {
    const run = await audit('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/promises/);
    expect(run.stdout).toMatch(/without sent_at use the current time and UTC offset 0/);
  }, 60_000);

  it('exits 2 and lists the errors of an invalid --guide', async () => {
    const guide = file('bad-guide.json', JSON.stringify({ schemaVersion: 2, name: 'Bad', avoid: [{ phrase: 42, why: 'x' }], prefer: [] }));
    const run = await audit(file('g2.jsonl', jsonl([ROWS[1]!])), '--guide', guide, '--format', 'json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/avoid\[0\]\.phrase/);
  }, 60_000);
});

describe('lib/audit', () => {
  it('reports JSON-array rows by the line they start on', () => {
    const parsed = parseRows('[\n  {"id": "j1", "reply": "Hi Sam, fixed."},\n  {"id": "j2"},\n  "nope"\n]', 'json', 'a.json');
    expect(parsed.rows.map((r) => r.id)).toEqual(['j1']);
    expect(parsed.errors).toEqual([
      { source: 'a.json', line: 3, message: 'missing reply' },
      { source: 'a.json', line: 4, message: 'expected an object with id and reply' },
    ]);
  });

  it('keeps a row with a malformed sent_at, ignoring the date with a warning', () => {
    const parsed = parseRows(jsonl([{ id: 1, reply: 'Hi', sent_at: 'last Tuesday' }]), 'jsonl', 'w.jsonl');
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ id: '1', sentAt: undefined });
    expect(parsed.warnings[0]?.message).toMatch(/sent_at/);
  });

  it('groups near-duplicates into repeated replies and counts rules per agent', () => {
    const rows = parseRows(jsonl([...ROWS, { id: 'a5', reply: MACRO('Valued Customer'), agent: 'ben' }]), 'jsonl', 'x').rows;
    const summary = summarize(auditRows(rows));
    expect(summary.team.total).toBe(5);
    expect(summary.team.canned).toBe(3);
    expect(summary.repeated[0]).toMatchObject({ count: 3, ids: ['a1', 'a3', 'a5'] });
    expect(summary.agents.map((a) => a.name)).toEqual(['<b>eve</b>', 'ana', 'ben']);
    expect(summary.team.topRules[0]?.replies).toBe(3);
  });

  it('reads promises against each row\'s own clock, and a row without sent_at against now in UTC', () => {
    const rows = parseRows(
      jsonl([
        { id: 'n1', reply: "I'll send the label tonight.", sent_at: '2026-03-05T09:30:00+05:30' },
        { id: 'n2', reply: "I'll send the label tonight.", sent_at: '2026-03-05T09:30' },
        { id: 'n3', reply: "I'll send the label tonight." },
        { id: 'n4', reply: "I'll post it by 03/04.", sent_at: '2026-03-01T09:00:00Z' },
      ]),
      'jsonl',
      'x',
    ).rows;
    const now = Date.parse('2026-06-01T08:00:00Z');
    const due = (results: ReturnType<typeof auditRows>) => results.map((r) => r.promises.map((p) => p.due));
    expect(due(auditRows(rows, { now }))).toEqual([['2026-03-05T20:00:00+05:30'], ['2026-03-05T20:00:00+00:00'], ['2026-06-01T20:00:00+00:00'], ['2026-03-04T17:00:00+00:00']]);
    expect(due(auditRows(rows, { now, dateLocale: 'en-GB' }))[3]).toEqual(['2026-04-03T17:00:00+00:00']);
  });

  it('shows promises in the report as escaped text', () => {
    const rows = parseRows(jsonl([{ id: 'h1', reply: "I'll email <b>you</b> the label by 5pm tomorrow.", sent_at: '2026-11-23T10:00:00Z', agent: 'ana' }]), 'jsonl', 'x').rows;
    const html = buildReport(auditRows(rows), { generatedAt: new Date('2026-11-23T12:00:00Z') });
    expect(html).toContain('<h2>Promises</h2>');
    expect(html).toContain('2026-11-24T17:00:00+00:00');
    expect(html).toContain('I&#39;ll email &lt;b&gt;you&lt;/b&gt; the label by 5pm tomorrow.');
    expect(html).not.toContain('<b>you</b>');
  });

  it('escapes reply text in the report', () => {
    const rows = parseRows(jsonl([{ id: '<i>', reply: '<img src=x onerror=alert(1)>\n' + MACRO('Customer'), agent: 'a"b' }]), 'jsonl', 'x').rows;
    const html = buildReport(auditRows(rows), { generatedAt: new Date('2025-01-01T00:00:00Z') });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a&quot;b');
  });
});
