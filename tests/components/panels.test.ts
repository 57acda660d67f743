import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { panels } from '@/components/panels';

describe('panel registry', () => {
  it('lists every panel file once, id = file name', () => {
    const files = readdirSync(join(__dirname, '../../components/panels'))
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => f.replace(/\.tsx$/, ''));
    expect(panels.map((p) => p.id).sort()).toEqual(files.sort());
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
  });
});
