/**
 * npm run audit -- FILE ... [--history FILE] [--guide FILE] [--format table|json|csv] [--out report.html]
 *
 * Thin shell: argument parsing and file IO only. Reading rows, analysing and reporting live in
 * lib/audit and lib/analysis. Exit codes: 0 done (even with skipped rows), 2 unusable input or flags.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  auditRows,
  buildReport,
  csvHeaderLine,
  detectFormat,
  formatTable,
  InputFileError,
  parseRows,
  toCsvLine,
  toJsonLine,
  type AuditRow,
  type ParsedRows,
} from '@/lib/audit';
import { loadAnalyzerGuide } from '@/lib/audit/guide';
import { compileGuide, type AnalyzerGuide } from '@/lib/analysis';

const USAGE = 'usage: npm run audit -- FILE [FILE ...] [--history FILE] [--guide FILE] [--format table|json|csv] [--out report.html]';
const HELP = `
Each --format json row lists the reply's "promises": [{"text", "due"}], the commitments with a time
("I'll call you back by 8pm tomorrow"). due is ISO 8601 in the offset of the row's sent_at; a sent_at
without an offset is read as UTC, and rows without sent_at use the current time and UTC offset 0.
`;
const FORMATS = ['table', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

function fail(message: string): never {
  process.stderr.write(`audit: ${message}\n`);
  process.exit(2);
}

async function readInput(path: string): Promise<ParsedRows> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(`cannot read ${path}${code ? ` (${code})` : ''}`);
  }
  const parsed = parseRows(content, detectFormat(path, content), path);
  for (const p of parsed.errors) process.stderr.write(`audit: ${p.source}:${p.line}: skipped: ${p.message}\n`);
  for (const p of parsed.warnings) process.stderr.write(`audit: ${p.source}:${p.line}: warning: ${p.message}\n`);
  return parsed;
}

function parseCli(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        history: { type: 'string' },
        guide: { type: 'string' },
        format: { type: 'string', default: 'table' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n${HELP}`);
    process.exit(0);
  }
  if (positionals.length === 0) throw new UsageError('no input FILE given');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
  return { files: positionals, history: values.history, guide: values.guide, format, out: values.out };
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseCli(process.argv.slice(2));
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }

  let guide: AnalyzerGuide | undefined;
  if (args.guide) {
    const loaded = await loadAnalyzerGuide(args.guide);
    if (!loaded.ok) {
      for (const err of loaded.errors) process.stderr.write(`audit: ${args.guide}: ${err}\n`);
      fail(`invalid guide ${args.guide}`);
    }
    for (const w of loaded.warnings) process.stderr.write(`audit: ${args.guide}: warning: ${w}\n`);
    guide = loaded.guide;
    // Entries the analyzer cannot apply are skipped, not fatal: the rest of the guide still counts.
    for (const err of compileGuide(guide).errors) process.stderr.write(`audit: ${args.guide}: skipped: ${err}\n`);
  }

  const rows: AuditRow[] = [];
  let history: AuditRow[] | undefined;
  try {
    for (const file of args.files) rows.push(...(await readInput(file)).rows);
    if (args.history) history = (await readInput(args.history)).rows;
  } catch (e) {
    if (e instanceof InputFileError) fail(e.message);
    throw e;
  }

  const results = auditRows(rows, { history, guide });
  const out: string[] = [];
  if (args.format === 'json') for (const r of results) out.push(toJsonLine(r));
  else if (args.format === 'csv') out.push(csvHeaderLine(), ...results.map(toCsvLine));
  else out.push(formatTable(results));
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);

  if (args.out) {
    try {
      await writeFile(args.out, buildReport(results), 'utf8');
    } catch (e) {
      fail(`cannot write ${args.out}${(e as NodeJS.ErrnoException).code ? ` (${(e as NodeJS.ErrnoException).code})` : ''}`);
    }
    process.stderr.write(`audit: report written to ${args.out}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`audit: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
