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
  if (isTextField(el)) return el.value;
  return (el.innerText || el.textContent || '').replace(/\u00a0/g, ' ').trim();
}

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[a-z]{2,}/i;
export const findEmail = (s: string | null | undefined): string | undefined => s?.match(EMAIL)?.[0];

/** Drop empty fields so identities compare and serialise cleanly. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * Buttons under `root` whose accessible name (aria-label, else visible text) is one of `names`,
 * case-insensitive. For hosts with no stable hook on Send, only a name: pass every UI language's word.
 */
export function buttonsNamed(root: ParentNode, names: readonly string[]): HTMLElement[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return [...root.querySelectorAll<HTMLElement>('button, [role="button"]')].filter((b) =>
    wanted.has((b.getAttribute('aria-label') || text(b)).trim().toLowerCase()),
  );
}

/*
 * Cross-frame type checks. A node from a same-origin iframe (Salesforce's CKEditor 4) is an
 * instance of THAT frame's Node/Element, so `instanceof Node` in the top frame says false.
 */
export const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && typeof (x as Node).nodeType === 'number';
export const isElement = (x: unknown): x is Element => isNode(x) && x.nodeType === 1;
export const isTextField = (x: unknown): x is HTMLTextAreaElement | HTMLInputElement =>
  isElement(x) && (x.localName === 'textarea' || x.localName === 'input');

