/**
 * Peers in the same run: generic prose linters on the same 250-word drafts as Rapport's analyzer
 * (speed, as a ratio to Rapport's time measured alongside), and on the labelled canned-reply corpus
 * (tests/corpus/canned/replies.jsonl): how well "the linter flags anything" picks out the canned
 * replies, and what it actually flags there.
 *
 * write-good and no-cliches are what tests/lib/analysis/corpus-report.ts already compares against;
 * retext-simplify (plain-language wording) and retext-equality (inconsiderate wording) are the
 * unified-ecosystem checks closest to a reply check.
 */
import { createRequire } from 'node:module';
import { analyze } from '@/lib/analysis';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextSimplify from 'retext-simplify';
import retextEquality from 'retext-equality';
import { figures, loadCorpus } from '../lib/analysis/corpus-report';
import { DRAFT_CONTEXT, drafts250 } from './drafts';
import { percentile, round, time } from './analysis';
import type { BenchOptions, BenchResult } from './types';

interface Peer {
  id: string;
  /** Every message the tool reports for the text. */
  findings(text: string): string[];
}

function peers(): Peer[] {
  // Both are CommonJS without types.
  const require = createRequire(import.meta.url);
  const writeGood = require('write-good') as (text: string) => Array<{ reason: string }>;
  const noCliches = require('no-cliches') as (text: string) => Array<{ cliche?: string; reason?: string }>;
  // Frozen processors, built once: constructing one per call would time plugin setup, not checking.
  const simplify = retext().use(retextEnglish).use(retextSimplify).freeze();
  const equality = retext().use(retextEnglish).use(retextEquality).freeze();
  const retextMessages = (p: typeof simplify) => (text: string) => p.processSync(text).messages.map((m) => m.reason);
  return [
    { id: 'write-good', findings: (t) => writeGood(t).map((s) => s.reason) },
    { id: 'no-cliches', findings: (t) => noCliches(t).map((s) => s.reason ?? `cliché "${s.cliche}"`) },
    { id: 'retext-simplify', findings: retextMessages(simplify) },
    { id: 'retext-equality', findings: retextMessages(equality) },
  ];
}


/** The three most frequent messages, quoted shortened, with their counts. */
function top3(messages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m, (counts.get(m) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
  const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  return top.length ? top.map(([m, n]) => `"${short(m.replace(/\s+/g, ' '))}" ×${n}`).join(', ') : 'nothing';
}

export async function benchPeers({ quick }: BenchOptions): Promise<BenchResult[]> {
  // The slowest peers take several ms per draft: fewer runs than analysis.ts, the same for every tool.
  const WARMUP = quick ? 20 : 100;
  const ITERATIONS = quick ? 100 : 1000;
  const drafts = drafts250();
  const rapport = time((i) => void analyze(drafts[i % drafts.length]!, DRAFT_CONTEXT), WARMUP, ITERATIONS);
  const rapportP99 = percentile(rapport, 0.99);
  const rapportP50 = percentile(rapport, 0.5);

  const rows = loadCorpus();
  const gold = rows.map((r) => r.label === 'canned');
  const cannedCount = gold.filter(Boolean).length;
  const out: BenchResult[] = [];

  // Rapport's own verdict on the corpus, as the line every peer is read against.
  const own = figures(
    rows.map((r) => analyze(r.reply, { customerName: r.customer_name, customerMessage: r.customer_message }).verdict === 'canned'),
    gold,
  );
  out.push({ name: 'rapport-canned-precision', value: own.precision, unit: '', detail: `verdict "canned" on ${rows.length} labelled replies (${cannedCount} canned); TP ${own.tp} FP ${own.fp}` });
  out.push({ name: 'rapport-canned-recall', value: own.recall, unit: '', detail: `FN ${own.fn} TN ${own.tn}` });

  for (const peer of peers()) {
    const times = time((i) => void peer.findings(drafts[i % drafts.length]!), WARMUP, ITERATIONS);
    const p99 = percentile(times, 0.99);
    out.push({
      name: `peer-${peer.id}-250w-p99`,
      value: round(p99),
      unit: 'ms',
      // Medians compare the code; on a shared machine the p99s mostly compare the machine's worst moments.
      ratio: Math.round((percentile(times, 0.5) / rapportP50) * 10) / 10,
      detail: `ratio of medians: p50 ${round(percentile(times, 0.5))} ms vs Rapport's ${round(rapportP50)} ms measured alongside (Rapport p99 ${round(rapportP99)} ms, ${Math.round((p99 / rapportP99) * 10) / 10}× at p99); ${ITERATIONS} runs each on the same ${drafts.length} drafts`,
    });

    const found = rows.map((r) => peer.findings(r.reply));
    const c = figures(found.map((f) => f.length > 0), gold);
    out.push({ name: `peer-${peer.id}-canned-precision`, value: c.precision, unit: '', detail: `"flags anything" as the canned verdict; TP ${c.tp} FP ${c.fp}` });
    out.push({ name: `peer-${peer.id}-canned-recall`, value: c.recall, unit: '', detail: `FN ${c.fn} TN ${c.tn}` });
    const onCanned = found.filter((_, i) => gold[i]).flat();
    const onPersonal = found.filter((_, i) => !gold[i]).flat();
    out.push({
      name: `peer-${peer.id}-canned-findings`,
      value: Math.round((onCanned.length / cannedCount) * 100) / 100,
      unit: '/reply',
      detail: `${Math.round((onPersonal.length / (rows.length - cannedCount)) * 100) / 100} per personal reply; finds on canned: ${top3(onCanned)}`,
    });
  }
  return out;
}
