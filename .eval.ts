import { readFileSync } from 'node:fs';
import { analyze } from '@/lib/analysis';
const rows = readFileSync('tests/corpus/canned/replies.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
let tp = 0, fp = 0, fn = 0, tn = 0;
const scores: Array<[number, string]> = [];
for (const r of rows) {
  const a = analyze(r.reply, { customerName: r.customer_name, customerMessage: r.customer_message });
  scores.push([a.score, r.label]);
  const pred = a.verdict === 'canned';
  const gold = r.label === 'canned';
  if (pred && gold) tp++; else if (pred) fp++; else if (gold) fn++; else tn++;
  if (pred !== gold || process.env.ALL) {
    console.log(`${pred !== gold ? 'MISS' : '    '} ${r.id} gold=${r.label} score=${a.score}`);
    for (const f of a.findings) console.log(`     ${f.rule}${f.severity === 'info' ? '(i)' : ''}: ${JSON.stringify(r.reply.slice(f.start, f.end)).slice(0, 90)}`);
  }
}
console.log({ tp, fp, fn, tn, precision: tp / (tp + fp), recall: tp / (tp + fn) });
for (const t of [35, 40, 45, 50, 55, 60]) {
  const p = scores.filter(([s]) => s >= t); const tpp = p.filter(([, l]) => l === 'canned').length;
  console.log(t, 'P', (tpp / p.length).toFixed(3), 'R', (tpp / 110).toFixed(3));
}
