// @vitest-environment happy-dom
/**
 * The offset → DOM range mapper behind the highlights: findings carry UTF-16 offsets into the
 * draft (the editor's innerText, trimmed), and these must land on the same words in the DOM.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analysis';
import { flatten, indexDom, offsetsInText, rangeOfSpan } from '@/lib/content/highlights/text-map';

/** An editor built with DOM APIs, like the hosts' editors. */
function editor(...paragraphs: Array<string | Array<string | Node>>): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('contenteditable', 'true');
  for (const p of paragraphs) {
    const para = document.createElement('p');
    if (typeof p === 'string') para.append(p);
    else para.append(...p);
    el.append(para);
  }
  document.body.replaceChildren(el);
  return el;
}

const spanOf = (draft: string, text: string, from = 0) => {
  const start = draft.indexOf(text, from);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + text.length };
};

describe('rangeOfSpan', () => {
  it('finds a finding of the real analyzer in the second paragraph of a multi-paragraph editor', () => {
    const ed = editor('Hi Jane,', 'We apologize for any inconvenience this may have caused.', 'Sam');
    // What innerText gives for three <p>s: block boundaries become newlines.
    const draft = 'Hi Jane,\n\nWe apologize for any inconvenience this may have caused.\n\nSam';
    const f = analyze(draft).findings.find((x) => x.rule === 'stock-apology');
    expect(f).toBeDefined();
    const r = rangeOfSpan(ed, draft, f!.start, f!.end)!;
    expect(r).not.toBeNull();
    expect(r.toString()).toBe(draft.slice(f!.start, f!.end));
    expect(r.startContainer).toBe(ed.children[1]!.firstChild);
    expect(r.startOffset).toBe(0);
  });

  it('marks the occurrence the finding points at when the flagged text appears twice', () => {
    const ed = editor('We apologize for any inconvenience.', 'Your refund left today.', 'Again, we apologize for any inconvenience.');
    const draft = 'We apologize for any inconvenience.\n\nYour refund left today.\n\nAgain, we apologize for any inconvenience.';
    const second = spanOf(draft, 'apologize for any inconvenience', 10);
    const r = rangeOfSpan(ed, draft, second.start, second.end)!;
    expect(r.toString()).toBe('apologize for any inconvenience');
    expect(r.startContainer).toBe(ed.children[2]!.firstChild);
    expect(r.startOffset).toBe('Again, we '.length);
    const first = spanOf(draft, 'apologize for any inconvenience');
    expect(rangeOfSpan(ed, draft, first.start, first.end)!.startContainer).toBe(ed.children[0]!.firstChild);
  });

  it('counts UTF-16 code units: emoji, skin tones and combining accents before the span', () => {
    const text = '👍🏽 Café\u0301 naïve 👨‍👩‍👧 — we apologize for any inconvenience.';
    const ed = editor(text);
    const draft = text;
    const s = spanOf(draft, 'we apologize');
    const r = rangeOfSpan(ed, draft, s.start, s.end)!;
    expect(r.toString()).toBe('we apologize');
    // The DOM offset is the same UTF-16 offset as in the draft: no code-point counting anywhere.
    expect(r.startOffset).toBe(text.indexOf('we apologize'));
    // A span that is itself an emoji keeps both halves of each surrogate pair.
    const e = spanOf(draft, '👨‍👩‍👧');
    expect(rangeOfSpan(ed, draft, e.start, e.end)!.toString()).toBe('👨‍👩‍👧');
  });

  it('maps right-to-left text and mixed-direction lines', () => {
    const ed = editor('שלום דנה,', 'אנו מתנצלים על אי הנוחות. Order 1042 ships today.');
    ed.setAttribute('dir', 'rtl');
    const draft = 'שלום דנה,\n\nאנו מתנצלים על אי הנוחות. Order 1042 ships today.';
    const he = spanOf(draft, 'מתנצלים על אי הנוחות');
    const r = rangeOfSpan(ed, draft, he.start, he.end)!;
    expect(r.toString()).toBe('מתנצלים על אי הנוחות');
    expect(r.startContainer).toBe(ed.children[1]!.firstChild);
    const en = spanOf(draft, 'Order 1042');
    expect(rangeOfSpan(ed, draft, en.start, en.end)!.toString()).toBe('Order 1042');
  });

  it('gives no range when the flagged words changed since the analysis', () => {
    const draft = 'Hi Luis,\n\nWe apologize for any inconvenience.';
    const s = spanOf(draft, 'We apologize for any inconvenience');
    // The agent rewrote the apology; the draft (debounced) has not caught up yet.
    const ed = editor('Hi Luis,', 'Sorry the refund was late.');
    expect(rangeOfSpan(ed, draft, s.start, s.end)).toBeNull();
    // One letter changed is a change too.
    const ed2 = editor('Hi Luis,', 'We apologize for any inconvenienc.');
    expect(rangeOfSpan(ed2, draft, s.start, s.end)).toBeNull();
    // The phrase deleted once of two: the second occurrence is gone.
    const twice = 'We apologize for any inconvenience. We apologize for any inconvenience.';
    const s2 = spanOf(twice, 'We apologize for any inconvenience', 5);
    const ed3 = editor('We apologize for any inconvenience.');
    expect(rangeOfSpan(ed3, twice, s2.start, s2.end)).toBeNull();
  });

  it('still finds unchanged words when text was added before them', () => {
    const draft = 'We apologize for any inconvenience.';
    const ed = editor('Hi Luis, the refund left today.', 'We apologize for any inconvenience.');
    const r = rangeOfSpan(ed, draft, 0, 'We apologize for any inconvenience'.length)!;
    expect(r.toString()).toBe('We apologize for any inconvenience');
    expect(r.startContainer).toBe(ed.children[1]!.firstChild);
  });

  it('spans text nodes and inline markup, with \\u00a0, collapsed spaces and editor fillers in the DOM', () => {
    const b = document.createElement('b');
    b.append('apologize');
    const i = document.createElement('i');
    i.append('incon', 'venience');
    // CKEditor's inline filler and a non-breaking space the editor keeps for a double space.
    const ed = editor(['\u2060\u2060We\u00a0\u00a0', b, ' for   any ', i, '.']);
    const draft = 'We  apologize for any inconvenience.';
    const s = spanOf(draft, 'We  apologize for any inconvenience');
    const r = rangeOfSpan(ed, draft, s.start, s.end)!;
    expect(r.startContainer).toBe(ed.firstChild!.firstChild);
    expect(r.startOffset).toBe(2);
    expect(r.endContainer).toBe(i.lastChild);
    expect(r.endOffset).toBe('venience'.length);
  });

  it('ignores text the page never shows (scripts, styles, hidden elements)', () => {
    const style = document.createElement('style');
    style.textContent = 'we apologize for any inconvenience';
    const hidden = document.createElement('span');
    hidden.hidden = true;
    hidden.append('we apologize for any inconvenience');
    const ed = editor([style, hidden, 'Thanks, we apologize for any inconvenience.']);
    const draft = 'Thanks, we apologize for any inconvenience.';
    const s = spanOf(draft, 'we apologize for any inconvenience');
    const r = rangeOfSpan(ed, draft, s.start, s.end)!;
    expect(r.startContainer).toBe(ed.firstChild!.lastChild);
    expect(indexDom(ed).flat).toBe('Thanks,weapologizeforanyinconvenience.');
  });

  it('returns null for empty, whitespace-only and out-of-range spans', () => {
    const ed = editor('Hello there');
    const draft = 'Hello there';
    expect(rangeOfSpan(ed, draft, 3, 3)).toBeNull();
    expect(rangeOfSpan(ed, draft, 5, 6)).toBeNull();
    expect(rangeOfSpan(ed, draft, 0, 99)).toBeNull();
    expect(rangeOfSpan(ed, flatten(draft), -1, 2)).toBeNull();
  });
});

describe('offsetsInText (textarea values)', () => {
  it('maps offsets 1:1 when the value is the draft, and by occurrence when it moved', () => {
    const value = 'Hi Omar,\n\nWe apologize for any inconvenience.\nWe apologize for any inconvenience.';
    const s = spanOf(value, 'We apologize for any inconvenience', 20);
    expect(offsetsInText(value, value, s.start, s.end)).toEqual(s);
    // Typed before the span since the analysis: the same (second) occurrence, shifted.
    const now = `Dear team, ${value}`;
    expect(offsetsInText(now, value, s.start, s.end)).toEqual({ start: s.start + 11, end: s.end + 11 });
    expect(offsetsInText('Hi Omar, sorry the charge doubled.', value, s.start, s.end)).toBeNull();
  });
});
