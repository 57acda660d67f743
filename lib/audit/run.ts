import { analyze, NearDuplicateIndex, type Analysis, type AnalyzerGuide, type SimilarReply } from '@/lib/analysis';
import type { AuditRow } from './rows';

export interface AuditResult {
  row: AuditRow;
  analysis: Analysis;
}

export interface AuditOptions {
  /** Past replies to compare against. Without it, each row is compared with the rows before it. */
  history?: readonly AuditRow[];
  guide?: AnalyzerGuide;
}

/** The shared index as analyze() sees it for one row: that row's own id never matches itself. */
class ExcludingView extends NearDuplicateIndex {
  excludeId: string | undefined;
  constructor(private readonly inner: NearDuplicateIndex) {
    super();
  }
  override query(text: string): SimilarReply | null {
    return this.inner.query(text, { excludeId: this.excludeId });
  }
}

function sentDate(row: AuditRow): Date | undefined {
  if (!row.sentAt) return undefined;
  const t = Date.parse(row.sentAt);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/**
 * Analyses every row in order. The row's `sent_at` becomes the analysis time, so a promised date that had
 * already passed when the reply was sent is caught, and results never depend on when the audit runs.
 */
export function auditRows(rows: readonly AuditRow[], options: AuditOptions = {}): AuditResult[] {
  const index = new NearDuplicateIndex();
  if (options.history) for (const h of options.history) index.add(h.id, h.reply);
  const view = new ExcludingView(index);
  const results: AuditResult[] = [];
  for (const row of rows) {
    view.excludeId = row.id;
    const analysis = analyze(row.reply, {
      customerName: row.customerName,
      customerMessage: row.customerMessage,
      guide: options.guide,
      now: sentDate(row),
      pastReplies: view,
    });
    results.push({ row, analysis });
    if (!options.history) index.add(row.id, row.reply);
  }
  return results;
}
