/**
 * The template registry and every template's own examples (one generic test, house-style §3).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/suggest/classify';
import { buildFacts } from '@/lib/suggest/facts';
import { findBlanks } from '@/lib/suggest/render';
import { rejectReason } from '@/lib/suggest/safety';
import { templates } from '@/lib/suggest/templates';
import { suggestionKinds } from '@/lib/suggest';

const dir = fileURLToPath(new URL('../../../lib/suggest/templates/', import.meta.url));
const helpers = new Set(['index.ts', 'define-template.ts', 'phrases.ts']);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !helpers.has(f));
const NOW = new Date('2024-06-01T12:00:00Z');

describe('template registry', () => {
  it('registers every template file exactly once, with id = file name', () => {
    expect(templates.map((t) => `${t.id}.ts`).sort()).toEqual([...files].sort());
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });

  it('gives every template a kind, a description, at least three variants and an example', () => {
    for (const t of templates) {
      expect(suggestionKinds).toContain(t.kind);
      expect(t.description.length, t.id).toBeGreaterThan(10);
      expect(t.variants.length, t.id).toBeGreaterThanOrEqual(3);
      expect(t.examples.length, t.id).toBeGreaterThan(0);
    }
  });

  it('keeps apologies out of the templates for praise and questions', () => {
    const praiseOrQuestion = templates.filter((t) => /^(?:answer-|next-step-pass-on-praise|acknowledge-praise|thanks-praise)/.test(t.id));
    expect(praiseOrQuestion.length).toBeGreaterThan(0);
    for (const t of praiseOrQuestion) expect(t.kind).not.toBe('apology');
  });
});

for (const t of templates) {
  describe(`template ${t.id}`, () => {
    t.examples.forEach((ex, i) => {
      it(`example ${i + 1}: ${ex.message.slice(0, 50) || '(empty message)'}`, () => {
        const c = classify(ex.message);
        const f = buildFacts(c, ex.record, NOW, []);
        expect(t.applies(f)).toBe(true);
        const texts = t.variants.map((v) => v(f)).filter((x): x is string => x !== null);
        expect(texts.length).toBeGreaterThan(0);
        // Variants are real alternatives, not copies.
        expect(new Set(texts).size).toBe(texts.length);
        const short = t.short?.(f);
        for (const text of short ? [...texts, short] : texts) {
          expect(text).toMatch(/^[A-Z0-9⟨<]/);
          expect(text).not.toMatch(/\{\w+\}|undefined|null|\s[,.;:]|\s{2}/);
          // Brackets come in pairs and every pair is a listed blank.
          expect((text.match(/\u27e8/g) ?? []).length).toBe((text.match(/\u27e9/g) ?? []).length);
          expect(findBlanks(text).length).toBe((text.match(/\u27e8/g) ?? []).length);
          expect(rejectReason(f, t.kind, text)).toBeNull();
        }
        for (const text of texts) for (const inc of ex.includes ?? []) expect(text.toLowerCase()).toContain(inc.toLowerCase());
        expect(t.talkingPoint(f)).not.toMatch(/[\u27e8\u27e9]/);
      });
    });
  });
}
