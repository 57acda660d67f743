// @vitest-environment happy-dom
/**
 * Every adapter on a page whose DOM is not what it expects (a host redesign, a page Rapport
 * does not know): no throw, no composer, and a `missing` list the sidebar can show.
 */
import { describe, expect, it } from 'vitest';
import { adapters } from '@/lib/adapters';

const pages: Record<string, () => void> = {
  'an empty page': () => document.body.replaceChildren(),
  'a page of unrelated markup': () => {
    const main = document.createElement('main');
    main.setAttribute('role', 'main');
    const p = document.createElement('p');
    p.textContent = 'Welcome back! <img src=x onerror=alert(1)> jane@example.com';
    main.append(p, document.createElement('textarea'));
    document.body.replaceChildren(main);
  },
};

describe.each(adapters.map((a) => [a.meta.id, a] as const))('%s adapter when the page changed', (_id, adapter) => {
  it.each(Object.keys(pages))('%s: reads without throwing and says what it could not find', (name) => {
    pages[name]!();
    const ctx = adapter.read(document);
    expect(ctx.composers).toEqual([]);
    expect(ctx.missing.length).toBeGreaterThan(0);
    expect(ctx.missing.every((m) => typeof m === 'string' && m.length > 3)).toBe(true);
  });
});
