import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, resolveAdapter } from '@/lib/adapters';
import { hosts } from '@/lib/adapters/hosts';

const dir = join(__dirname, '../../../lib/adapters');
const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());

describe('adapter registry', () => {
  it('has exactly one adapter per host, in a folder named by its id', () => {
    expect(adapters.map((a) => a.meta.id).sort()).toEqual(hosts.map((h) => h.id).sort());
    expect(folders.sort()).toEqual(hosts.map((h) => h.id).sort());
  });

  it.each(hosts.flatMap((h) => h.examples.match.map((url) => [h.id, url] as const)))('%s handles %s', (id, url) => {
    expect(resolveAdapter(url)?.meta.id).toBe(id);
  });

  it('handles nothing else', () => {
    for (const h of hosts) for (const url of h.examples.noMatch) expect(resolveAdapter(url)?.meta.id).not.toBe(h.id);
    expect(resolveAdapter('https://example.com/')).toBeNull();
  });
});
