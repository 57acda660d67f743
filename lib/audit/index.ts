/** Batch audit of sent replies: reading rows, analysing them, and reporting. Node-side (used by the CLI). */
export { detectFormat, parseRows, InputFileError, type AuditRow, type InputFormat, type ParsedRows, type RowProblem } from './rows';
export { auditRows, type AuditOptions, type AuditPromise, type AuditResult } from './run';
export { toJsonLine, toCsvLine, csvHeaderLine, formatTable, CSV_HEADER } from './format';
export { buildReport, summarize, escapeHtml, type AuditSummary, type GroupStats, type RepeatedReply, type RuleCount } from './report';
