/**
 * DOM helpers shared by adapters. Selector lists are ordered by preference (roles and
 * test ids first, generated class names last); the first that matches wins.
 */
export function first<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const s of selectors) {
    const el = root.querySelector<T>(s);
    if (el) return el;
  }
  return null;
}

export function all<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T[] {
  for (const s of selectors) {
    const els = [...root.querySelectorAll<T>(s)];
    if (els.length) return els;
  }
  return [];
}

/** Visible text of an element, whitespace folded. */
export const text = (el: Element | null | undefined): string =>
  (el instanceof HTMLElement ? el.innerText || el.textContent || '' : el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Text of an editor, keeping line breaks (what will be sent). */
export function editorText(el: HTMLElement): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  return (el.innerText || el.textContent || '').replace(/\u00a0/g, ' ').trim();
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[a-z]{2,}/i;
export const findEmail = (s: string | null | undefined): string | undefined => s?.match(EMAIL)?.[0];

/** Drop empty fields so identities compare and serialise cleanly. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
