/**
 * Precision and recall of the `canned` verdict on the project's labelled corpus
 * (tests/corpus/canned/replies.jsonl), next to two generic prose linters as baselines.
 * Used by corpus.test.ts and by the project's closing note.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { analyze, DEFAULT_CANNED_THRESHOLD } from '@/lib/analysis';

export interface CorpusRow {
  id: string;
  industry: string;
  label: 'canned' | 'personal';
  reply: string;
  customer_name?: string;
  customer_message?: string;
  note?: string;
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface BaselineFigures extends Figures {
  /** Verdict rule: canned when the linter reports at least this many items. */
  minFlags: number;
  /** The N (1–10) that would have given this baseline its best F1 on this corpus, for reference. */
  bestMinFlags: number;
  bestF1: number;
}

export interface CorpusReport {
  total: number;
  canned: number;
  personal: number;
  threshold: number;
  rapport: Figures;
  writeGood: BaselineFigures;
  noCliches: BaselineFigures;
}

/**
 * Baseline thresholds, fixed in advance rather than tuned: write-good reports passive voice, weasel words
 * and adverbs that ordinary replies contain too, so one or two hits mean little and 3 is the first count
 * that says "this text is wordy"; no-cliches lists literary clichés, where a single hit is already a signal.
 */
export const WRITE_GOOD_MIN_FLAGS = 3;
export const NO_CLICHES_MIN_FLAGS = 1;

const corpusPath = fileURLToPath(new URL('../../corpus/canned/replies.jsonl', import.meta.url));

export function loadCorpus(path = corpusPath): CorpusRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusRow);
}

/** Precision, recall and F1 of a yes/no verdict against the labels (shared with the peers benchmark). */
export function figures(predicted: readonly boolean[], gold: readonly boolean[]): Figures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  predicted.forEach((p, i) => {
    if (p && gold[i]) tp++;
    else if (p) fp++;
    else if (gold[i]) fn++;
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { precision: r3(precision), recall: r3(recall), f1: r3(f1), tp, fp, fn, tn };
}

function baseline(counts: readonly number[], gold: readonly boolean[], minFlags: number): BaselineFigures {
  let best = { n: 1, f1: -1 };
  for (let n = 1; n <= 10; n++) {
    const f = figures(counts.map((c) => c >= n), gold);
    if (f.f1 > best.f1) best = { n, f1: f.f1 };
  }
  return { ...figures(counts.map((c) => c >= minFlags), gold), minFlags, bestMinFlags: best.n, bestF1: best.f1 };
}

export async function corpusReport(): Promise<CorpusReport> {
  // Both baselines are CommonJS without types.
  const require = createRequire(import.meta.url);
  const writeGood = require('write-good') as (text: string) => unknown[];
  const noCliches = require('no-cliches') as (text: string) => unknown[];

  const rows = loadCorpus();
  const gold = rows.map((r) => r.label === 'canned');
  const rapport = rows.map((r) => analyze(r.reply, { customerName: r.customer_name, customerMessage: r.customer_message }).verdict === 'canned');
  return {
    total: rows.length,
    canned: gold.filter(Boolean).length,
    personal: gold.filter((g) => !g).length,
    threshold: DEFAULT_CANNED_THRESHOLD,
    rapport: figures(rapport, gold),
    writeGood: baseline(rows.map((r) => writeGood(r.reply).length), gold, WRITE_GOOD_MIN_FLAGS),
    noCliches: baseline(rows.map((r) => noCliches(r.reply).length), gold, NO_CLICHES_MIN_FLAGS),
  };
}
