// @vitest-environment happy-dom
/**
 * The render tests are only as good as their checker: markup built from each payload (as an
 * HTML sink would build it) must be caught, and the same payload as text must pass.
 */
import { describe, expect, it } from 'vitest';
import { expectInert, markupFindings } from './dom-safety';
import { PAYLOADS } from './payloads';

/** Payloads that are plain text even when parsed as HTML (no tag, or a tag-like text only). */
const TEXT_ONLY = new Set(['javascript:window.__pwned=1', 'JaVaScRiPt:window.__pwned=1//', 'x{background:url(javascript:window.__pwned=1)}', 'width: expression(window.__pwned=1)', "{{constructor.constructor('window.__pwned=1')()}}", '${window.__pwned=1}', '#{window.__pwned=1}', '[click me](javascript:window.__pwned=1)', '&lt;script&gt;window.__pwned=1&lt;/script&gt;', '<!--<img src=x onerror=window.__pwned=1>-->']);

/** A <body> tag inside an element is dropped by the HTML parser, so it is inert even in an HTML sink. */
const DROPPED_BY_PARSER = new Set(["'><body onload=window.__pwned=1>"]);

describe('the hostile-text checker', () => {
  it('flags every markup payload parsed as HTML', () => {
    for (const p of PAYLOADS.filter((x) => !TEXT_ONLY.has(x) && !DROPPED_BY_PARSER.has(x))) {
      const doc = new DOMParser().parseFromString(`<div id="root">${p}</div>`, 'text/html');
      expect(markupFindings(doc.getElementById('root')!), p).not.toEqual([]);
    }
  });

  it('flags javascript: links and inline handlers however they got there', () => {
    const root = document.createElement('div');
    const a = document.createElement('a');
    a.setAttribute('href', ' JavaScript:alert(1)');
    const b = document.createElement('button');
    b.setAttribute('onclick', 'x()');
    root.append(a, b);
    expect(markupFindings(root)).toHaveLength(2);
  });

  it('passes every payload set as text, and finds it verbatim', () => {
    const root = document.createElement('div');
    for (const p of PAYLOADS) {
      const li = document.createElement('li');
      li.textContent = p;
      root.append(li);
    }
    expectInert(root, PAYLOADS);
  });
});
