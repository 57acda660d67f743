/**
 * The architecture's rules, checked on the source: Dexie stays in the background (a content
 * script's IndexedDB belongs to the host page), and customer or guide text never reaches an
 * HTML sink.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(root, p)).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}
const source = [...files('components'), ...files('entrypoints'), ...files('lib')];

describe('boundaries', () => {
  it('finds the source it checks', () => {
    expect(source.length).toBeGreaterThan(50);
  });

  it('keeps Dexie out of content scripts, components and adapters', () => {
    const uiSide = source.filter((f) => /^(components|entrypoints\/[^/]+\.content|lib\/(content|adapters|queries))\//.test(f));
    expect(uiSide.length).toBeGreaterThan(10);
    const offenders = uiSide.filter((f) => /from ['"](dexie|@\/lib\/db[^'"]*)['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('uses no HTML sinks anywhere in the extension', () => {
    const sinks = /\.innerHTML\s*=|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\(|execCommand\(\s*['"]insertHTML/;
    const offenders = source.filter((f) => !f.startsWith('lib/dev/') && sinks.test(readFileSync(join(root, f), 'utf8'))).map((f) => relative(root, join(root, f)));
    expect(offenders).toEqual([]);
  });
});
