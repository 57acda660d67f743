/** Assertions that hostile text stayed text in a rendered tree. */
import { expect } from 'vitest';
import { PAYLOAD_ELEMENTS } from './payloads';

/** Everything under `root` that would mean a payload became markup or can run. */
export function markupFindings(root: ParentNode, allowedElements: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const name of PAYLOAD_ELEMENTS) {
    if (allowedElements.includes(name)) continue;
    const n = root.querySelectorAll(name).length;
    if (n) found.push(`${n} <${name}> element(s)`);
  }
  for (const el of root.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`<${el.localName} ${name}="${attr.value}">`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) && /^\s*javascript:/i.test(attr.value)) {
        found.push(`<${el.localName} ${name}="${attr.value}">`);
      }
      if (name === 'style' && /expression\(|javascript:|url\(/i.test(attr.value)) found.push(`<${el.localName} style="${attr.value}">`);
    }
  }
  return found;
}

/** The standard check: no payload markup, nothing ran, and each expected text shows verbatim. */
export function expectInert(root: ParentNode & Node, expectedTexts: readonly string[], allowedElements: readonly string[] = []) {
  expect(markupFindings(root, allowedElements)).toEqual([]);
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  const text = root.textContent ?? '';
  const values = Array.from((root as ParentNode).querySelectorAll('input, textarea')).map((e) => (e as HTMLInputElement).value);
  const missing = expectedTexts.filter((t) => !text.includes(t) && !values.some((v) => v.includes(t)));
  expect(missing).toEqual([]);
}
