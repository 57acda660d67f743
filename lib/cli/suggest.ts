/**
 * `npm run suggest -- FILE [--guide FILE] [--format table|json]`
 *
 * Runs the suggestion engine over a JSONL file of situations (one per line: id, customer_message,
 * name, customer_since, contact_count, promise_missed). Thin on purpose: parsing and printing here,
 * everything else in lib/suggest. Exit 2 for unusable input (bad flags, unreadable file or guide);
 * bad rows are reported on stderr with their line numbers and skipped.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadGuideFile, toSuggestGuide } from '@/lib/guide';
import { suggest, type SuggestGuide, type SuggestOutput } from '@/lib/suggest';

const USAGE = 'usage: npm run suggest -- FILE [--guide FILE] [--format table|json]';

/** One situation row. Unknown keys (expected labels in a test corpus) are ignored. */
export const situationRowSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  customer_message: z.string(),
  name: z.string().max(300).nullish(),
  // Validated by the engine, which reports a malformed or future date in its notes instead of failing the row.
  customer_since: z.string().max(40).nullish(),
  contact_count: z.number().int().min(0).nullish(),
  promise_missed: z.string().max(1000).nullish(),
});
export type SituationRow = z.infer<typeof situationRowSchema>;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(row)'}: ${i.message}`).join('; ');
}

function toTable(row: SituationRow, out: SuggestOutput): string {
  const { situation } = out;
  const lines = [
    `#${row.id}  ${situation.category} / ${situation.mood}${situation.language === 'other' ? '  (not English)' : ''}`,
    `  issue: ${situation.issue.summary || '(none)'}`,
  ];
  if (situation.issue.amounts.length) lines.push(`  amounts: ${situation.issue.amounts.join(', ')}`);
  if (situation.issue.dates.length) lines.push(`  dates: ${situation.issue.dates.join(', ')}`);
  out.suggestions.forEach((s, i) => lines.push(`  ${i + 1}. [${s.kind}] ${s.text}`, `     say: ${s.talkingPoint}`));
  for (const n of out.notes) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: { guide: { type: 'string' }, format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') fail(`--format must be table or json, not "${format}"`);
  if (positionals.length !== 1) fail(positionals.length === 0 ? 'missing FILE' : `expected one FILE, got ${positionals.length}`);
  const file = positionals[0] ?? '';

  let guide: SuggestGuide | undefined;
  if (values.guide !== undefined) {
    const loaded = await loadGuideFile(values.guide);
    if (!loaded.ok) {
      process.stderr.write(`${loaded.errors.map((e) => `guide: ${e}`).join('\n')}\n`);
      process.exit(2);
    }
    for (const w of loaded.warnings) process.stderr.write(`guide warning: ${w}\n`);
    guide = toSuggestGuide(loaded.guide);
  }

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : e instanceof Error ? e.message : String(e)}`);
  }

  const now = new Date();
  const lines = text.split(/\r?\n/);
  let bad = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      bad++;
      process.stderr.write(`line ${i + 1}: invalid JSON (${e instanceof Error ? e.message : String(e)}); skipped\n`);
      continue;
    }
    const row = situationRowSchema.safeParse(json);
    if (!row.success) {
      bad++;
      process.stderr.write(`line ${i + 1}: ${describeIssues(row.error)}; skipped\n`);
      continue;
    }
    const r = row.data;
    const out = suggest({
      message: r.customer_message,
      record: {
        ...(r.name ? { name: r.name } : {}),
        ...(r.customer_since ? { customerSince: r.customer_since } : {}),
        ...(r.contact_count !== null && r.contact_count !== undefined ? { contactsLast30Days: r.contact_count } : {}),
        missedPromise: r.promise_missed ? { text: r.promise_missed } : null,
      },
      ...(guide ? { guide } : {}),
      now,
    });
    if (format === 'json') {
      const { category, mood, issue } = out.situation;
      process.stdout.write(`${JSON.stringify({ id: r.id, situation: { category, mood, issue }, suggestions: out.suggestions.map((s) => ({ kind: s.kind, text: s.text })) })}\n`);
    } else process.stdout.write(`${toTable(r, out)}\n`);
  }
  if (bad > 0) process.stderr.write(`${bad} row${bad === 1 ? '' : 's'} skipped\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
