/**
 * The guide CLI as a lead runs it: the real script through tsx, in a temporary directory.
 * Spawning is slow, hence the per-file timeout; the assertions are on output and exit codes only.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'lib/cli/guide.ts');
const SAMPLE = join(ROOT, 'tests/fixtures/guides/sample-team-guide.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs from the project root, as `npm run guide` does (tsx reads the `@/` alias from tsconfig.json there). */
function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-guide-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeJson(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(value, null, 2));
  return path;
}

const minimal = { schemaVersion: 2, name: 'CLI team', avoid: [{ phrase: 'calm down', why: 'Dismissive.' }], prefer: [] };

describe('guide CLI', { timeout: 60_000 }, () => {
  it('schema prints the JSON Schema', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('Rapport team phrasing guide');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['avoid', 'prefer', 'escalations', 'generic', 'signature']));
  });

  it('validate accepts the sample guide', async () => {
    const r = await runCli(['validate', SAMPLE]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(lines(r.stdout)).toEqual([`valid: ${SAMPLE} ("Northwind Mobile – Tier 1 Support", 0 warnings)`]);
  });

  it('validate prints warnings and still succeeds', async () => {
    const file = await writeJson('warn.json', { ...minimal, owner: 'Priya' });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(['warning: owner: unknown field, ignored', `valid: ${file} ("CLI team", 1 warning)`]);
  });

  it('validate prints one error per line on stderr and exits 2', async () => {
    const file = await writeJson('invalid.json', {
      ...minimal,
      avoid: [{ phrase: 42, why: 'x' }, { pattern: '(a+)+', why: 'y' }],
      thresholds: { canned: 101 },
    });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'avoid[0].phrase: expected string',
      expect.stringMatching(/^avoid\[1\]\.pattern: nested quantifier in "\(a\+\)\+" can take exponential time/),
      'thresholds.canned: must be at most 100',
    ]);
  });

  it('validate reports unreadable files and broken JSON', async () => {
    const missing = join(dir, 'nope.json');
    const r1 = await runCli(['validate', missing]);
    expect(r1.code).toBe(2);
    expect(lines(r1.stderr)).toEqual([`(root): cannot read ${missing}: no such file`]);

    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{\n  "name": "x",\n}\n');
    const r2 = await runCli(['validate', broken]);
    expect(r2.code).toBe(2);
    expect(lines(r2.stderr)).toEqual(['(root): invalid JSON at line 3, column 1: trailing comma before "}"']);
  });

  it('rejects bad flags, missing arguments and unknown commands with exit 2', async () => {
    const cases = [
      { args: ['validate', '--strict', SAMPLE], message: /^validate: Unknown option '--strict'/ },
      { args: ['validate'], message: /^validate: expected 1 file argument, got 0/ },
      { args: ['sign', SAMPLE], message: /^sign: --key is required/ },
      { args: ['verify', SAMPLE], message: /^verify: --pub is required/ },
      { args: ['frobnicate'], message: /^unknown command "frobnicate"/ },
      { args: [], message: /^Usage: npm run guide/ },
    ];
    const runs = await Promise.all(cases.map((c) => runCli(c.args)));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]!.args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(cases[i]!.message);
    });
  });

  describe('keys and signatures', () => {
    let keyDir: string;
    let publicKey: string;

    beforeAll(async () => {
      keyDir = join(dir, 'keys');
      const r = await runCli(['keygen', '--out', keyDir]);
      expect(r.code).toBe(0);
      publicKey = r.stdout.trim();
    }, 60_000);

    it('keygen writes both files and prints the public key', async () => {
      expect(publicKey).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect((await readFile(join(keyDir, 'rapport-guide.pub'), 'utf8')).trim()).toBe(publicKey);
      const key = await readFile(join(keyDir, 'rapport-guide.key'), 'utf8');
      expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      // The private key is readable by its owner only.
      expect((await stat(join(keyDir, 'rapport-guide.key'))).mode & 0o077).toBe(0);
    });

    it('keygen refuses to overwrite an existing key', async () => {
      const before = await readFile(join(keyDir, 'rapport-guide.key'), 'utf8');
      const r = await runCli(['keygen', '--out', keyDir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^refusing to overwrite .*rapport-guide\.key/);
      expect(r.stdout).toBe('');
      expect(await readFile(join(keyDir, 'rapport-guide.key'), 'utf8')).toBe(before);
    });

    it('sign writes in place by default; verify accepts the key file or the key itself', async () => {
      const file = join(dir, 'inplace.json');
      await copyFile(SAMPLE, file);
      const signed = await runCli(['sign', file, '--key', join(keyDir, 'rapport-guide.key')]);
      expect(signed.code).toBe(0);
      expect(lines(signed.stdout)).toEqual([`signed: ${file}`]);
      const json = JSON.parse(await readFile(file, 'utf8')) as { signature?: string; name: string };
      expect(json.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(json.name).toBe('Northwind Mobile – Tier 1 Support');

      const byFile = await runCli(['verify', file, '--pub', join(keyDir, 'rapport-guide.pub')]);
      expect(byFile).toMatchObject({ code: 0, stderr: '' });
      expect(lines(byFile.stdout)).toEqual([`signature ok: ${file}`]);
      const byValue = await runCli(['verify', file, '--pub', publicKey]);
      expect(byValue.code).toBe(0);
    });

    it('sign --out leaves the original untouched', async () => {
      const out = join(dir, 'signed-copy.json');
      const original = await readFile(SAMPLE, 'utf8');
      const r = await runCli(['sign', SAMPLE, '--key', join(keyDir, 'rapport-guide.key'), '--out', out]);
      expect(r.code).toBe(0);
      expect(await readFile(SAMPLE, 'utf8')).toBe(original);
      expect(JSON.parse(await readFile(out, 'utf8'))).toHaveProperty('signature');
    });

    it('verify fails with the reason for edited, unsigned or wrongly keyed guides', async () => {
      const file = await writeJson('tamper.json', minimal);
      expect((await runCli(['sign', file, '--key', join(keyDir, 'rapport-guide.key')])).code).toBe(0);
      const signed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeJson('tamper.json', { ...signed, name: 'Someone else' });
      const unsigned = await writeJson('unsigned.json', minimal);

      const [edited, noSig, badKey] = await Promise.all([
        runCli(['verify', file, '--pub', publicKey]),
        runCli(['verify', unsigned, '--pub', publicKey]),
        runCli(['verify', file, '--pub', 'bm90LWEta2V5']),
      ]);
      expect(edited.code).toBe(2);
      expect(edited.stderr).toMatch(/^bad-signature: /);
      expect(noSig.code).toBe(2);
      expect(noSig.stderr).toMatch(/^missing-signature: /);
      expect(badKey.code).toBe(2);
      expect(badKey.stderr).toMatch(/^bad-key: /);
    });

    it('sign refuses invalid guides and unusable keys', async () => {
      const invalid = await writeJson('invalid-to-sign.json', { ...minimal, avoid: [{ why: 'no phrase' }] });
      const before = await readFile(invalid, 'utf8');
      const r1 = await runCli(['sign', invalid, '--key', join(keyDir, 'rapport-guide.key')]);
      expect(r1.code).toBe(2);
      expect(lines(r1.stderr)).toEqual([`not signing ${invalid}: it is not a valid guide`, 'avoid[0]: needs a phrase or a pattern']);
      expect(await readFile(invalid, 'utf8')).toBe(before);

      const valid = await writeJson('valid-to-sign.json', minimal);
      const [wrongKey, noKey] = await Promise.all([
        runCli(['sign', valid, '--key', join(keyDir, 'rapport-guide.pub')]),
        runCli(['sign', valid, '--key', join(dir, 'missing.key')]),
      ]);
      expect(wrongKey.code).toBe(2);
      expect(wrongKey.stderr).toMatch(/^cannot sign with .*: not an ECDSA P-256 private key/);
      expect(noKey.code).toBe(2);
      expect(noKey.stderr).toMatch(/^cannot read key file .*missing\.key: no such file/);
    });
  });
});
