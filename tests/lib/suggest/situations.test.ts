import { beforeAll, describe, expect, it } from 'vitest';
import { categories, moods } from '@/lib/suggest';
import { loadSituations, type SituationsReport, situationsReport } from './situations-report';

let report: SituationsReport;

beforeAll(async () => {
  report = await situationsReport();
  console.log(
    `situations: ${report.rows} rows, category accuracy ${report.categoryAccuracy.toFixed(3)}, mood accuracy ${report.moodAccuracy.toFixed(3)}` +
      (report.misclassified.length ? `\n  misclassified: ${report.misclassified.map((m) => `${m.id} (${m.expected} → ${m.got})`).join(', ')}` : ''),
  );
});

describe('situations corpus', () => {
  it('has at least 60 rows covering every category and every mood', async () => {
    const rows = await loadSituations();
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(categories));
    expect(new Set(rows.map((r) => r.mood))).toEqual(new Set(moods));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('classifies category with accuracy ≥ 0.85', () => {
    expect(report.categoryAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('classifies mood with accuracy ≥ 0.85', () => {
    expect(report.moodAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps every rule on every row', () => {
    // Listed, not just counted, so a failure says which row broke which rule.
    expect(report.ruleFailures).toEqual([]);
  });

  it('exercises each rule on at least one row', () => {
    const rows = report.results.map((r) => r.row);
    expect(rows.some((r) => r.promise_missed)).toBe(true);
    expect(rows.some((r) => (r.contact_count ?? 0) >= 3)).toBe(true);
    expect(rows.some((r) => r.customer_since && r.customer_since < '2021-01-01')).toBe(true);
    expect(report.results.some((r) => r.output.situation.language === 'other')).toBe(true);
  });
});
