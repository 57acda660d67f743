import { readFileSync } from 'node:fs';
import { analyze } from '@/lib/analysis';
const rows = readFileSync('tests/corpus/canned/replies.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const mode of ['full', 'noctx', 'nameonly']) {
  let tp = 0, fp = 0, fn = 0;
  const pers: Array<[number, string]> = [], can: Array<[number, string]> = [];
  for (const r of rows) {
    const ctx = mode === 'full' ? { customerName: r.customer_name, customerMessage: r.customer_message } : mode === 'nameonly' ? { customerName: r.customer_name } : {};
    const a = analyze(r.reply, ctx);
    (r.label === 'canned' ? can : pers).push([a.score, r.id]);
    const pred = a.verdict === 'canned', gold = r.label === 'canned';
    if (pred && gold) tp++; else if (pred) fp++; else if (gold) fn++;
  }
  pers.sort((a, b) => b[0] - a[0]); can.sort((a, b) => a[0] - b[0]);
  console.log(mode, { P: (tp / (tp + fp)).toFixed(3), R: (tp / (tp + fn)).toFixed(3) }, 'top personal', pers.slice(0, 6).map((x) => x.join(':')).join(' '), '| lowest canned', can.slice(0, 6).map((x) => x.join(':')).join(' '));
}
