// @vitest-environment happy-dom
/**
 * The highlight layer: boxes drawn from the findings' ranges into Rapport's own shadow root,
 * clipped to the editor, never touching the editor, never throwing into the page.
 * happy-dom has no layout, so geometry is stubbed: each Range reports one rect per text it
 * covers at a position derived from its start offset.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '@/lib/analysis';
import { createStore } from '@/lib/content/store';
import { watchHighlights } from '@/lib/content/highlights';

const CHAR = 8;
const LINE = 20;
const EDITOR_BOX = new DOMRect(100, 200, 600, 3 * LINE);

function setup(paragraphs: string[]) {
  const ed = document.createElement('div');
  ed.setAttribute('contenteditable', 'true');
  for (const p of paragraphs) {
    const el = document.createElement('p');
    el.append(p);
    ed.append(el);
  }
  document.body.replaceChildren(ed);
  const draft = paragraphs.join('\n\n');
  const store = createStore({ snapshot: null, open: true, guide: null });
  store.set({ draft, analysis: analyze(draft) });
  return { ed, draft, store };
}

/** Paragraph index → line; offset → x. Enough geometry to tell which words a box covers. */
function fakeRects(this: Range): DOMRect[] {
  const p = this.startContainer.parentElement!;
  const line = [...p.parentElement!.children].indexOf(p);
  const len = this.toString().length;
  return [new DOMRect(EDITOR_BOX.left + this.startOffset * CHAR, EDITOR_BOX.top + line * LINE, len * CHAR, LINE)];
}

let ctrl: AbortController;
beforeEach(() => {
  ctrl = new AbortController();
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return fakeRects.call(this) as unknown as DOMRectList;
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return this.getAttribute('contenteditable') ? EDITOR_BOX : new DOMRect(0, 0, 1280, 800);
  });
});
afterEach(() => {
  ctrl.abort();
  vi.restoreAllMocks();
});

const layer = () => document.querySelector('[data-rapport-ui="highlights"]')?.shadowRoot;
const boxes = () => [...(layer()?.querySelectorAll<HTMLElement>('.hl') ?? [])];

describe('watchHighlights', () => {
  it('draws the stock apology over its words, in its own shadow root, leaving the editor untouched', () => {
    const { ed, store } = setup(['Hi Jane,', 'Thanks for waiting. We apologize for any inconvenience.']);
    const before = ed.outerHTML;
    const onError = vi.fn();
    const h = watchHighlights({ store, doc: document, signal: ctrl.signal, editor: () => ed, onError });
    h.layout();
    const hl = boxes().filter((b) => b.dataset.rule === 'stock-apology');
    expect(hl).toHaveLength(1);
    // Second paragraph, starting where "We apologize" starts.
    expect(hl[0]!.style.top).toBe(`${EDITOR_BOX.top + LINE}px`);
    expect(hl[0]!.style.left).toBe(`${EDITOR_BOX.left + 'Thanks for waiting. '.length * CHAR}px`);
    expect(hl[0]!.className).toContain('warning');
    expect(ed.outerHTML).toBe(before);
    expect(ed.querySelector('[data-rapport-ui], [data-rule]')).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('hides a box whose words changed, and removes it when the analysis no longer flags them', () => {
    const { ed, store } = setup(['Hi Jane,', 'We apologize for any inconvenience.']);
    const h = watchHighlights({ store, doc: document, signal: ctrl.signal, editor: () => ed, onError: vi.fn() });
    h.layout();
    expect(boxes().some((b) => b.dataset.rule === 'stock-apology')).toBe(true);
    // Edited in the DOM, draft not yet updated (debounce): a redraw must not put the box over other words.
    ed.children[1]!.firstChild!.textContent = 'Sorry the courier never came.';
    h.layout();
    expect(boxes().some((b) => b.dataset.rule === 'stock-apology')).toBe(false);
    const draft = 'Hi Jane,\n\nSorry the courier never came.';
    store.set({ draft, analysis: analyze(draft) });
    h.layout();
    expect(boxes().some((b) => b.dataset.rule === 'stock-apology')).toBe(false);
  });

  it('clips boxes to the visible part of the editor', () => {
    const lines = ['Hi Jane,', 'Line two.', 'Line three.', 'Line four.', 'We apologize for any inconvenience.'];
    const { ed, store } = setup(lines);
    const h = watchHighlights({ store, doc: document, signal: ctrl.signal, editor: () => ed, onError: vi.fn() });
    h.layout();
    // The apology is on line 5, below the editor's 3-line visible box (scrolled out of view).
    expect(boxes().filter((b) => b.dataset.rule === 'stock-apology')).toHaveLength(0);
  });

  it('dims boxes while the agent types and redraws them on the next analysis', () => {
    const { ed, store } = setup(['We apologize for any inconvenience.']);
    const h = watchHighlights({ store, doc: document, signal: ctrl.signal, editor: () => ed, onError: vi.fn() });
    h.layout();
    const l = layer()!.querySelector('.layer')!;
    ed.firstChild!.dispatchEvent(new Event('beforeinput', { bubbles: true }));
    expect(l.hasAttribute('data-stale')).toBe(true);
    h.layout();
    expect(l.hasAttribute('data-stale')).toBe(false);
  });

  it('reports errors instead of throwing into the page, and removes its layer on abort', () => {
    const { store } = setup(['We apologize for any inconvenience.']);
    const onError = vi.fn();
    const h = watchHighlights({ store, doc: document, signal: ctrl.signal, editor: () => { throw new Error('adapter broke'); }, onError });
    expect(() => h.layout()).not.toThrow();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'adapter broke' }));
    ctrl.abort();
    expect(document.querySelector('[data-rapport-ui="highlights"]')).toBeNull();
  });

  it('publishes how many reply editors the page watcher recognised', () => {
    const { ed, store } = setup(['Hello']);
    watchHighlights({ store, doc: document, signal: ctrl.signal, editor: () => ed, onError: vi.fn() });
    const host = () => document.querySelector('[data-rapport-ui="highlights"]')!;
    store.set({ snapshot: { identity: {}, composerCount: 1, missing: [], url: location.href } });
    expect(host().getAttribute('data-editors')).toBe('1');
    store.set({ snapshot: { identity: {}, composerCount: 0, missing: ['a reply editor'], url: location.href } });
    expect(host().getAttribute('data-editors')).toBe('0');
  });
});
