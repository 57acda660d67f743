/** Output formats of the audit CLI. Pure functions of the results so they can be tested without a process. */
import Papa from 'papaparse';
import type { AuditResult } from './run';

/** One line of `--format json`; the shape is a public contract. */
export function toJsonLine({ row, analysis, promises }: AuditResult): string {
  return JSON.stringify({
    id: row.id,
    verdict: analysis.verdict,
    score: analysis.score,
    findings: analysis.findings.map((f) => ({ rule: f.rule, message: f.message, start: f.start, end: f.end })),
    similar_to: analysis.similarTo ? { id: analysis.similarTo.id, similarity: analysis.similarTo.similarity } : null,
    promises: promises.map((p) => ({ text: p.text, due: p.due })),
  });
}

export const CSV_HEADER = ['id', 'agent', 'verdict', 'score', 'similar_to', 'similarity', 'rules'] as const;

export function toCsvLine({ row, analysis }: AuditResult): string {
  const rules = [...new Set(analysis.findings.map((f) => f.rule))].join(';');
  return Papa.unparse([[row.id, row.agent ?? '', analysis.verdict, analysis.score, analysis.similarTo?.id ?? '', analysis.similarTo?.similarity ?? '', rules]], { newline: '' });
}

export function csvHeaderLine(): string {
  return Papa.unparse([[...CSV_HEADER]], { newline: '' });
}

function clip(s: string, width: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Human-readable table: one line per reply, then a summary. */
export function formatTable(results: readonly AuditResult[]): string {
  const idWidth = Math.min(24, Math.max(2, ...results.map((r) => r.row.id.length)));
  const lines = [`${'ID'.padEnd(idWidth)}  VERDICT  SCORE  SIMILAR TO            FINDINGS`];
  for (const { row, analysis } of results) {
    const rules = [...new Set(analysis.findings.filter((f) => f.severity === 'warning').map((f) => f.rule))];
    const similar = analysis.similarTo ? `${clip(analysis.similarTo.id, 14)} ${Math.round(analysis.similarTo.similarity * 100)}%` : '—';
    lines.push(
      `${clip(row.id, idWidth).padEnd(idWidth)}  ${analysis.verdict.padEnd(7)}  ${String(analysis.score).padStart(5)}  ${similar.padEnd(20)}  ${rules.length ? clip(rules.join(', '), 70) : '—'}`,
    );
  }
  const canned = results.filter((r) => r.analysis.verdict === 'canned').length;
  lines.push('', `${results.length} replies: ${canned} canned, ${results.length - canned} ok`);
  return lines.join('\n');
}
