// @vitest-environment happy-dom
/**
 * The audit's HTML report is mailed around and opened from disk, so a reply, customer, agent or
 * id that is a payload must come out as text. By design the report has no script at all (see
 * lib/audit/report.ts): no <script>, no event handlers, no javascript: URLs, one inline <style>
 * (ours) and inline SVG charts (ours) only.
 */
import { describe, expect, it } from 'vitest';
import { auditRows, buildReport } from '@/lib/audit';
import type { AuditRow } from '@/lib/audit/rows';
import { markupFindings } from './dom-safety';
import { PAYLOADS, tagged } from './payloads';

const base = Date.UTC(2026, 10, 2, 9);
/** Elements a whole report legitimately has (its <body>, two <meta>, one <style>, SVG charts); each is checked separately. */
const DOCUMENT_ELEMENTS = ['body', 'meta', 'style', 'svg'];

function hostileRows(): AuditRow[] {
  return PAYLOADS.map((p, i) => ({
    id: tagged('id', i, 100),
    // Canned enough to land in "Most canned replies", with a promise so the promises table has rows.
    reply: `Dear Customer, we apologise for any inconvenience caused. ${p} Your request has been forwarded to the relevant department. I'll call you back by 8pm tomorrow.`,
    customerName: tagged('customer', i + 1),
    customerMessage: tagged('message', i + 2),
    agent: tagged('agent', i % 4),
    sentAt: new Date(base + i * 3_600_000).toISOString(),
    source: 'replies.csv',
    line: i + 2,
  }));
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('audit HTML report with hostile rows', { timeout: 30_000 }, () => {
  const rows = hostileRows();
  const html = buildReport(auditRows(rows, { now: base }), { title: tagged('title', 0), generatedAt: new Date(base) });
  const doc = parse(html);

  it('contains no script, handler or javascript: URL, and only our own style and charts', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelector('style')!.parentElement?.localName).toBe('head');
    for (const svg of doc.querySelectorAll('svg')) expect(svg.getAttribute('class')).toBe('chart');
    for (const el of doc.querySelectorAll('svg *')) expect(['rect', 'text']).toContain(el.localName);
    expect(markupFindings(doc, DOCUMENT_ELEMENTS)).toEqual([]);
    // The only <meta> elements are the charset and viewport the template writes.
    expect([...doc.querySelectorAll('meta')].map((m) => m.getAttribute('charset') ?? m.getAttribute('name'))).toEqual(['utf-8', 'viewport']);
  });

  it('shows ids, agents, the title and the replies verbatim as text', () => {
    const text = doc.body.textContent ?? '';
    expect(doc.title).toBe(tagged('title', 0));
    for (let i = 0; i < 4; i++) expect(text).toContain(tagged('agent', i));
    // The worst replies are listed by id; the repeated-replies cluster lists up to 12 ids.
    const ids = rows.map((r) => r.id).filter((id) => text.includes(id));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    // Each payload inside a reply appears as text in at least one excerpt (blockquote or promise cell).
    const quoted = [...doc.querySelectorAll('blockquote, td')].map((e) => e.textContent ?? '').join('\n');
    expect(PAYLOADS.filter((p) => quoted.includes(p.replace(/\s+/g, ' ').trim())).length).toBeGreaterThanOrEqual(5);
  });

  it('escapes every character that could open markup or break out of an attribute', () => {
    // Nothing from the payloads survives as a raw tag in the source.
    for (const p of PAYLOADS) {
      if (!/[<>"']/.test(p)) continue;
      expect(html.includes(p), p).toBe(false);
    }
  });

  it('stays inert when the reply text is nothing but payloads', () => {
    const onlyPayloads = PAYLOADS.map((p, i): AuditRow => ({ id: p.slice(0, 100), reply: p, agent: p.slice(0, 200), source: 'x', line: i + 1 }));
    const d = parse(buildReport(auditRows(onlyPayloads, { now: base }), { title: PAYLOADS[0] }));
    expect(d.querySelectorAll('script')).toHaveLength(0);
    expect(markupFindings(d, DOCUMENT_ELEMENTS)).toEqual([]);
    expect(d.querySelectorAll('meta')).toHaveLength(2);
    expect(d.body.textContent).toContain(PAYLOADS[1]);
  });
});
