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

  // Wider than the check above, and over lib/dev too (tests/hostile owns this list): anything
  // that parses a string as HTML or as code. Matches code, not prose: comments such as "never
  // innerHTML" have no property access. An entry in ALLOWED needs a comment saying why the text
  // reaching that sink can never come from a customer, a page or a guide.
  it('parses no string as HTML or code outside the allow-list', () => {
    const sinks: Array<[string, RegExp]> = [
      ['innerHTML/outerHTML', /\.(?:inner|outer)HTML\b/],
      ['insertAdjacentHTML', /insertAdjacentHTML/],
      ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
      ['document.write', /document\.write(?:ln)?\s*\(/],
      ['createContextualFragment', /createContextualFragment/],
      ['DOMParser', /parseFromString\s*\(/],
      ['srcdoc', /\bsrcdoc\b/],
      ['execCommand insertHTML', /execCommand\(\s*['"]insertHTML/],
      ['eval', /(?<![\w.])eval\s*\(/],
      ['new Function', /\bnew\s+Function\s*\(/],
      ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
    ];
    /** `file: sink name` pairs allowed, each with the reason it is safe. None today. */
    const ALLOWED: ReadonlySet<string> = new Set<string>([]);
    const offenders = source.flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      return sinks.filter(([, re]) => re.test(text)).map(([name]) => `${f}: ${name}`);
    });
    expect(offenders.filter((o) => !ALLOWED.has(o))).toEqual([]);
    // The patterns themselves must catch what they are for (a check that matches nothing is no check).
    const probe = ['el.innerHTML = x', 'el.outerHTML', 'insertAdjacentHTML(', '<div dangerouslySetInnerHTML={x} />', 'document.write(x)', 'eval(code)', 'new Function("x")', "setTimeout('x()', 1)", 'p.parseFromString(s, "text/html")'];
    for (const line of probe) expect(sinks.some(([, re]) => re.test(line)), line).toBe(true);
    expect(sinks.some(([, re]) => re.test('// textContent, never innerHTML: Trusted Types pages reject HTML sinks.'))).toBe(false);
  });
});
