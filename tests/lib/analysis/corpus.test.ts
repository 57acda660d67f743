import { describe, expect, it } from 'vitest';
import { corpusReport, loadCorpus } from './corpus-report';

describe('labelled corpus', () => {
  it('is large, balanced and well-formed', () => {
    const rows = loadCorpus();
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const canned = rows.filter((r) => r.label === 'canned').length;
    expect(canned).toBe(rows.length - canned);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.industry)).size).toBeGreaterThanOrEqual(6);
    for (const r of rows) {
      expect(['canned', 'personal']).toContain(r.label);
      expect(r.reply.trim().length).toBeGreaterThan(0);
    }
  });

  it('reaches precision and recall of at least 0.9 and beats the generic linters', async () => {
    const report = await corpusReport();
    const line = (name: string, f: { precision: number; recall: number; f1: number }, extra = '') =>
      `${name.padEnd(12)} precision ${f.precision.toFixed(3)}  recall ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}${extra}`;
    console.log(
      [
        `corpus: ${report.total} replies (${report.canned} canned, ${report.personal} personal); Rapport threshold ${report.threshold}`,
        line('Rapport', report.rapport),
        line('write-good', report.writeGood, `  (canned if ≥ ${report.writeGood.minFlags} flags; best N=${report.writeGood.bestMinFlags} gives F1 ${report.writeGood.bestF1})`),
        line('no-cliches', report.noCliches, `  (canned if ≥ ${report.noCliches.minFlags} flags; best N=${report.noCliches.bestMinFlags} gives F1 ${report.noCliches.bestF1})`),
      ].join('\n'),
    );
    expect(report.rapport.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.rapport.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.rapport.f1).toBeGreaterThan(report.writeGood.bestF1);
    expect(report.rapport.f1).toBeGreaterThan(report.noCliches.bestF1);
  }, 60_000);
});
