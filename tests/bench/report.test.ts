/**
 * The reporting layer of `npm run bench` (no timing here: these check how figures are judged and
 * written, with made-up values).
 */
import { describe, expect, it } from 'vitest';
import { buildResults, formatTable, withinBudget } from './report';
import { hostSlug } from './host-slug';
import { conformanceHosts } from '../e2e/support/conformance-hosts';
import type { BenchResult } from './types';

const box = { cpus: 2, model: 'test cpu', memory: 4, node: 'v20.0.0', chromium: null, os: 'test', load: 0 };
const build = (results: BenchResult[], errors: Array<{ bench: string; message: string }> = []) =>
  buildResults(results, { quick: true, at: new Date('2026-01-02T03:04:05Z'), machine: box, errors });

describe('bench results', () => {
  it('judges a figure against its budget, inclusive', () => {
    expect(withinBudget({ name: 'a', value: 2, unit: 'ms', budget: 2 })).toBe(true);
    expect(withinBudget({ name: 'a', value: 2.001, unit: 'ms', budget: 2 })).toBe(false);
    expect(withinBudget({ name: 'a', value: 0, unit: 'tasks', budget: 0 })).toBe(true);
    expect(withinBudget({ name: 'a', value: 1, unit: 'tasks', budget: 0 })).toBe(false);
  });

  it('counts a figure without a budget as ok, and an unmeasured budgeted one as not', () => {
    const r = build([
      { name: 'context', value: 1234, unit: 'ms' },
      { name: 'missing', value: null, unit: 'ms', budget: 50 },
      { name: 'nan', value: Number.NaN, unit: 'tasks', budget: 0 },
    ]);
    expect(r.metrics.context).toEqual({ value: 1234, unit: 'ms', budget: null, ok: true });
    expect(r.metrics.missing).toEqual({ value: null, unit: 'ms', budget: 50, ok: false });
    // NaN cannot be written as JSON: it becomes null, and is never within budget.
    expect(r.metrics.nan).toEqual({ value: null, unit: 'tasks', budget: 0, ok: false });
  });

  it('writes the documented shape: metrics, machine, at, plus ratio and detail when given', () => {
    const r = build([{ name: 'peer-x-250w-p99', value: 9, unit: 'ms', ratio: 4.5, detail: 'why' }], [{ bench: 'typing', message: 'boom' }]);
    expect(r).toEqual({
      metrics: { 'peer-x-250w-p99': { value: 9, unit: 'ms', budget: null, ok: true, ratio: 4.5, detail: 'why' } },
      machine: box,
      at: '2026-01-02T03:04:05.000Z',
      quick: true,
      errors: [{ bench: 'typing', message: 'boom' }],
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('refuses two figures under one name rather than silently keeping one', () => {
    expect(() => build([{ name: 'x', value: 1, unit: 'ms' }, { name: 'x', value: 2, unit: 'ms' }])).toThrow(/two benchmarks report the metric "x"/);
  });

  it('marks over-budget and unmeasured figures in the table', () => {
    const lines = formatTable([
      { name: 'fast', value: 1, unit: 'ms', budget: 2 },
      { name: 'slow', value: 3, unit: 'ms', budget: 2 },
      { name: 'gone', value: null, unit: 'ms', budget: 2 },
    ]).split('\n');
    expect(lines[1]).toMatch(/^fast\s+1 ms\s+≤ 2 ms\s+ok\b/);
    expect(lines[2]).toMatch(/^slow\s+3 ms\s+≤ 2 ms\s+OVER\b/);
    expect(lines[3]).toMatch(/^gone\s+n\/a ms\s+≤ 2 ms\s+OVER\b/);
  });
});

describe('per-host metric names', () => {
  it('gives every conformance host a distinct kebab-case suffix', () => {
    const slugs = conformanceHosts.map((h) => hostSlug(h, conformanceHosts));
    expect(new Set(slugs).size).toBe(conformanceHosts.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses the bare adapter id when the adapter has one entry, and the variant when it has several', () => {
    const one = { adapter: 'zendesk', variant: 'CKEditor 5' } as never;
    const a = { adapter: 'outlook', variant: 'German UI' } as never;
    const b = { adapter: 'outlook', variant: 'Trusted Types, strict CSP' } as never;
    expect(hostSlug(one, [one, a, b])).toBe('zendesk');
    expect(hostSlug(a, [one, a, b])).toBe('outlook-german-ui');
    expect(hostSlug(b, [one, a, b])).toBe('outlook-trusted-types');
  });
});
