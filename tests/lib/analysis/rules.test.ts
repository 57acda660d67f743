import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules, runRule, type ExampleContext, type Rule } from '@/lib/analysis';

const rulesDir = fileURLToPath(new URL('../../../lib/analysis/rules/', import.meta.url));
const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

function unpack(example: string | { text: string; span?: string; ctx?: ExampleContext }) {
  return typeof example === 'string' ? { text: example, span: undefined, ctx: {} } : { span: undefined, ctx: {}, ...example };
}

describe('rule registry', () => {
  it('registers every rule file exactly once, under its file name', () => {
    expect([...rules.map((r) => r.id)].sort()).toEqual([...ruleFiles].sort());
  });

  it('has unique, kebab-case ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('exports each rule as the default of the file named after its id', async () => {
    for (const file of ruleFiles) {
      const mod = (await import(`@/lib/analysis/rules/${file}.ts`)) as { default: Rule };
      expect(mod.default.id).toBe(file);
      expect(rules).toContain(mod.default);
    }
  });

  it('gives every rule a description, a weight in (0, 1) and examples on both sides', () => {
    for (const rule of rules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      expect(rule.weight, rule.id).toBeGreaterThan(0);
      expect(rule.weight, rule.id).toBeLessThan(1);
      expect(rule.maxCount, rule.id).toBeGreaterThanOrEqual(1);
      expect(rule.examples.flag.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.allow.length, rule.id).toBeGreaterThan(0);
    }
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it.each(rule.examples.flag.map((e) => [unpack(e).text, e] as const))('flags %j', (_t, example) => {
    const { text, span, ctx } = unpack(example);
    const findings = runRule(rule, text, ctx);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.rule).toBe(rule.id);
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.message.length).toBeGreaterThan(0);
    }
    if (span !== undefined) expect(findings.map((f) => text.slice(f.start, f.end))).toContain(span);
  });

  it.each(rule.examples.allow.map((e) => [unpack(e).text, e] as const))('allows %j', (_t, example) => {
    const { text, ctx } = unpack(example);
    expect(runRule(rule, text, ctx).map((f) => text.slice(f.start, f.end))).toEqual([]);
  });
});
