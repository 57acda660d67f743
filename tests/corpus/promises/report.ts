/**
 * Scores the promise finder against the labelled corpus. Shared by the vitest gate
 * (tests/lib/promises/corpus.test.ts) and `npx tsx tests/corpus/promises/report.ts [--misses]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { findPromises, offsetOfIso, type PromiseScan } from '@/lib/promises';

export const CORPUS_PATH = fileURLToPath(new URL('./replies.jsonl', import.meta.url));

export const corpusRowSchema = z.object({
  id: z.string(),
  sent_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/),
  locale: z.enum(['en-US', 'en-GB']).optional(),
  reply: z.string().min(1),
  expected: z.array(z.object({ due: z.string(), ambiguous: z.boolean().optional() })),
  nudge: z.boolean().optional(),
});
export type CorpusRow = z.infer<typeof corpusRowSchema>;

export function loadCorpus(path = CORPUS_PATH): CorpusRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => corpusRowSchema.parse(JSON.parse(l)));
}

export interface RowOutcome {
  row: CorpusRow;
  scan: PromiseScan;
  truePositives: number;
  falsePositives: string[];
  missed: string[];
  nudgeOk: boolean;
  ambiguityOk: boolean;
}

export interface CorpusScore {
  rows: RowOutcome[];
  precision: number;
  recall: number;
  truePositives: number;
  found: number;
  expected: number;
  nudgeAccuracy: number;
  ambiguityAccuracy: number;
}

export function scanRow(row: CorpusRow): PromiseScan {
  return findPromises(row.reply, { sentAt: Date.parse(row.sent_at), offsetMinutes: offsetOfIso(row.sent_at) ?? 0, locale: row.locale });
}

/** A found promise is correct only when its due string equals an expected one exactly (instant and offset). */
export function scoreCorpus(rows: readonly CorpusRow[]): CorpusScore {
  const outcomes = rows.map((row): RowOutcome => {
    const scan = scanRow(row);
    const wanted = row.expected.map((e) => e.due);
    const falsePositives: string[] = [];
    let truePositives = 0;
    for (const p of scan.promises) {
      const i = wanted.indexOf(p.due);
      if (i === -1) falsePositives.push(p.due);
      else {
        truePositives++;
        wanted.splice(i, 1);
      }
    }
    const ambiguityOk = row.expected.every((e) => {
      const p = scan.promises.find((q) => q.due === e.due);
      return !p || Boolean(p.ambiguous) === Boolean(e.ambiguous);
    });
    return { row, scan, truePositives, falsePositives, missed: wanted, nudgeOk: scan.nudges.length > 0 === Boolean(row.nudge), ambiguityOk };
  });
  const tp = outcomes.reduce((n, o) => n + o.truePositives, 0);
  const found = outcomes.reduce((n, o) => n + o.scan.promises.length, 0);
  const expected = rows.reduce((n, r) => n + r.expected.length, 0);
  return {
    rows: outcomes,
    truePositives: tp,
    found,
    expected,
    precision: found ? tp / found : 1,
    recall: expected ? tp / expected : 1,
    nudgeAccuracy: outcomes.filter((o) => o.nudgeOk).length / (outcomes.length || 1),
    ambiguityAccuracy: outcomes.filter((o) => o.ambiguityOk).length / (outcomes.length || 1),
  };
}

export function summaryLine(s: CorpusScore): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `promises corpus: ${s.rows.length} replies, ${s.expected} expected promises, ${s.found} found, ${s.truePositives} correct · precision ${pct(s.precision)} · recall ${pct(s.recall)} · nudge agreement ${pct(s.nudgeAccuracy)} · ambiguity flags ${pct(s.ambiguityAccuracy)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const score = scoreCorpus(loadCorpus());
  console.log(summaryLine(score));
  if (process.argv.includes('--misses')) {
    for (const o of score.rows) {
      if (!o.falsePositives.length && !o.missed.length && o.nudgeOk && o.ambiguityOk) continue;
      console.log(`\n${o.row.id} [${o.row.sent_at}${o.row.locale ? ` ${o.row.locale}` : ''}] ${JSON.stringify(o.row.reply)}`);
      if (o.missed.length) console.log(`  missed: ${o.missed.join(', ')}`);
      for (const p of o.scan.promises) if (o.falsePositives.includes(p.due)) console.log(`  wrong:  ${p.due}  ${JSON.stringify(p.text)}`);
      if (!o.nudgeOk) console.log(`  nudge: expected ${Boolean(o.row.nudge)}, got ${JSON.stringify(o.scan.nudges.map((n) => n.text))}`);
      if (!o.ambiguityOk) console.log('  ambiguity flag wrong');
    }
  }
}
