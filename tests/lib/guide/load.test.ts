import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGuideFile } from '@/lib/guide';
import { FIXTURES, minimalGuide } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-guide-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadGuideFile', () => {
  it('loads and parses the sample guide', async () => {
    const r = await loadGuideFile(`${FIXTURES}sample-team-guide.json`);
    expect(r).toMatchObject({ ok: true, warnings: [] });
    expect(r.ok && r.guide.name).toBe('Northwind Mobile – Tier 1 Support');
  });

  it('migrates older files', async () => {
    const r = await loadGuideFile(`${FIXTURES}v1.json`);
    expect(r.ok && r.guide.thresholds).toEqual({ canned: 65 });
  });

  it('turns unreadable paths into errors instead of throwing', async () => {
    const missing = join(dir, 'missing.json');
    expect(await loadGuideFile(missing)).toEqual({ ok: false, errors: [`(root): cannot read ${missing}: no such file`] });
    expect(await loadGuideFile(dir)).toEqual({ ok: false, errors: [`(root): cannot read ${dir}: it is a directory`] });
  });

  it('reports JSON and schema errors from the file', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{\n  "schemaVersion": 2,\n  "name": "x"\n  "avoid": []\n}');
    expect(await loadGuideFile(bad)).toEqual({
      ok: false,
      errors: ['(root): invalid JSON at line 4, column 3: unexpected """; expected "," or "}"'],
    });
    const invalid = join(dir, 'invalid.json');
    await writeFile(invalid, JSON.stringify(minimalGuide({ avoid: [{ phrase: 1, why: 'x' }] })));
    expect(await loadGuideFile(invalid)).toEqual({ ok: false, errors: ['avoid[0].phrase: expected string'] });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = join(dir, 'big.json');
    await writeFile(big, JSON.stringify(minimalGuide({ description: 'x'.repeat(2000) })));
    const r = await loadGuideFile(big, { maxBytes: 1000 });
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/^\(root\): file is too large \(2\.\d KB\); a guide may be at most 1000 bytes$/)] });
  });
});
