import { rules } from '@/lib/analysis';
import { prepare } from '@/lib/analysis/text';
import { compileGuide } from '@/lib/analysis/guide';
import { performance } from 'node:perf_hooks';
const words = 'I checked the line at your address and the drops come from a faulty joint outside so I booked an engineer for Thursday morning and I will call you after the visit to confirm everything works'.split(' ');
let s = 'Hi Priya,\n'; let i = 0; while (s.split(/\s+/).length < 250) { s += words[i++ % words.length] + (i % 17 === 0 ? '. ' : ' '); }
const ctx = { customerName: 'Priya Shah', customerMessage: 'My internet drops every evening, order 48213.', similar: null, guide: null };
const N = 2000;
let t = performance.now(); for (let k = 0; k < N; k++) prepare(s); console.log('prepare', ((performance.now() - t) / N * 1000).toFixed(1), 'us');
const doc = prepare(s);
for (const r of rules) {
  for (let k = 0; k < 100; k++) r.check(prepare(s), ctx as any);
  let total = 0;
  for (let k = 0; k < N; k++) { const d = prepare(s); const t0 = performance.now(); r.check(d, ctx as any); total += performance.now() - t0; }
  console.log(r.id.padEnd(22), (total / N * 1000).toFixed(1), 'us');
}
