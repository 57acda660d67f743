/**
 * lib/guide runs in the background, options page and content scripts. A static `node:` import
 * anywhere in it would break those bundles, so only lazy, variable-specifier imports are allowed
 * (see lib/guide/load.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../lib/guide/', import.meta.url));
const sources = (readdirSync(ROOT, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));

describe('lib/guide is browser-safe', () => {
  it('has sources to check', () => {
    expect(sources).toEqual(expect.arrayContaining(['index.ts', 'load.ts', 'signing.ts']));
  });

  it.each(sources)('%s has no static node: or Node-only imports', (file) => {
    const text = readFileSync(`${ROOT}${file}`, 'utf8');
    const staticImports = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    const literalDynamic = [...text.matchAll(/(?<!typeof )import\(\s*(?:\/\*.*?\*\/\s*)?['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    for (const spec of [...staticImports, ...literalDynamic]) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|fs$|path$|os$|child_process$)/);
    }
  });
});
