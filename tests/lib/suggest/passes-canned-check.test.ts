/**
 * Every suggestion for every situation in the corpus goes through Rapport's own canned-reply check.
 *
 * The analyzer flags an unfilled ⟨blank⟩ on purpose (weight .55, enough on its own for a "canned"
 * verdict), so that an agent cannot send one. Blanks are part of a suggestion, so:
 *  - as suggested, the only findings allowed are the placeholder rule's, each exactly on one of our
 *    declared blanks;
 *  - with the blanks filled in (here: by their own labels), the verdict must be "ok" with no findings.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analysis';
import placeholderRule from '@/lib/analysis/rules/unfilled-placeholder';
import { loadSituations, runRow } from './situations-report';

const rows = await loadSituations();
const fill = (text: string) => text.replace(/\u27e8([^\u27e9]*)\u27e9/g, '$1');

describe('suggestions pass the canned-reply check', () => {
  it('uses the placeholder rule the analyzer registers', () => {
    expect(placeholderRule.id).toBe('unfilled-placeholder');
  });

  for (const row of rows) {
    it(row.id, () => {
      const out = runRow(row);
      expect(out.suggestions.length).toBeGreaterThanOrEqual(3);
      const ctx = { customerName: row.name ?? undefined, customerMessage: row.customer_message };
      for (const s of out.suggestions) {
        const raw = analyze(s.text, ctx);
        const others = raw.findings.filter((f) => f.rule !== placeholderRule.id);
        expect(others.map((f) => `${f.rule}: ${s.text.slice(f.start, f.end)}`), s.text).toEqual([]);
        for (const f of raw.findings) {
          expect(s.blanks.some((b) => b.start === f.start && b.end === f.end), `stray placeholder in: ${s.text}`).toBe(true);
        }
        if (s.blanks.length === 0) expect(raw.verdict, s.text).toBe('ok');

        const filled = analyze(fill(s.text), ctx);
        expect(filled.findings.map((f) => f.rule), fill(s.text)).toEqual([]);
        expect(filled.verdict).toBe('ok');
      }
    });
  }
});
