import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapters, configuredHosts, createGenericAdapter, resolveAdapter } from '@/lib/adapters';
import { sampleConfig } from '@/lib/adapters/generic';
import { hosts } from '@/lib/adapters/hosts';

const dir = join(__dirname, '../../../lib/adapters');
const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());

describe('adapter registry', () => {
  it('has exactly one adapter per host, in a folder named by its id', () => {
    expect(adapters.map((a) => a.meta.id).sort()).toEqual(hosts.map((h) => h.id).sort());
    // Runtime-configured adapters (the generic one) have a folder but no manifest host.
    expect(folders.sort()).toEqual([...hosts, ...configuredHosts].map((h) => h.id).sort());
  });

  it('keeps runtime-configured adapters out of the manifest and out of resolveAdapter', () => {
    expect(configuredHosts.map((h) => h.id)).toEqual(['generic']);
    for (const h of configuredHosts) {
      expect(h.matches).toEqual([]);
      expect(hosts.map((x) => x.id)).not.toContain(h.id);
      for (const url of h.examples.match) expect(resolveAdapter(url)).toBeNull();
    }
  });

  it.each(configuredHosts.flatMap((h) => h.examples.match.map((url) => [h.id, url] as const)))('%s (sample config) handles %s', (_id, url) => {
    expect(createGenericAdapter(sampleConfig).matchesUrl(url)).toBe(true);
  });

  it.each(configuredHosts.flatMap((h) => h.examples.noMatch.map((url) => [h.id, url] as const)))('%s (sample config) does not handle %s', (_id, url) => {
    expect(createGenericAdapter(sampleConfig).matchesUrl(url)).toBe(false);
  });

  it.each(hosts.flatMap((h) => h.examples.match.map((url) => [h.id, url] as const)))('%s handles %s', (id, url) => {
    expect(resolveAdapter(url)?.meta.id).toBe(id);
  });

  it('handles nothing else', () => {
    for (const h of hosts) for (const url of h.examples.noMatch) expect(resolveAdapter(url)?.meta.id).not.toBe(h.id);
    expect(resolveAdapter('https://example.com/')).toBeNull();
  });
});
