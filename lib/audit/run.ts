import { analyze, NearDuplicateIndex, type Analysis, type AnalyzerGuide, type SimilarReply } from '@/lib/analysis';
import { findPromises, offsetOfIso, type DateLocale } from '@/lib/promises';
import type { AuditRow } from './rows';

/** A commitment with a time found in the reply: the clause, and when it is due (ISO 8601 in the sent_at offset). */
export interface AuditPromise {
  text: string;
  due: string;
  dueAt: number;
}

export interface AuditResult {
  row: AuditRow;
  analysis: Analysis;
  promises: AuditPromise[];
}

export interface AuditOptions {
  /** Past replies to compare against. Without it, each row is compared with the rows before it. */
  history?: readonly AuditRow[];
  guide?: AnalyzerGuide;
  /** The clock for rows without sent_at (epoch ms; their offset is UTC). Defaults to the current time. */
  now?: number;
  /** How all-numeric dates (03/04) in replies are read. Default en-US. */
  dateLocale?: DateLocale;
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
 * When and on which clock a row's promises count from: its sent_at with that timestamp's own offset. A
 * sent_at without an offset is read as UTC (not as the auditing machine's zone, so results do not depend
 * on where the audit runs); a row without sent_at uses `now` in UTC.
 */
function promiseClock(row: AuditRow, now: number): { sentAt: number; offsetMinutes: number } {
  if (!row.sentAt) return { sentAt: now, offsetMinutes: 0 };
  const iso = row.sentAt.trim().replace(' ', 'T');
  const offset = offsetOfIso(iso);
  const sentAt = Date.parse(offset === null ? (iso.includes('T') ? `${iso}Z` : `${iso}T00:00:00Z`) : iso);
  return Number.isNaN(sentAt) ? { sentAt: now, offsetMinutes: 0 } : { sentAt, offsetMinutes: offset ?? 0 };
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
  const now = options.now ?? Date.now();
  for (const row of rows) {
    view.excludeId = row.id;
    const analysis = analyze(row.reply, {
      customerName: row.customerName,
      customerMessage: row.customerMessage,
      guide: options.guide,
      now: sentDate(row),
      pastReplies: view,
    });
    const promises = findPromises(row.reply, { ...promiseClock(row, now), locale: options.dateLocale }).promises.map(({ text, due, dueAt }) => ({ text, due, dueAt }));
    results.push({ row, analysis, promises });
    if (!options.history) index.add(row.id, row.reply);
  }
  return results;
}
