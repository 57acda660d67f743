import { analyze } from '@/lib/analysis';
import { performance } from 'node:perf_hooks';
const unit = 'We apologize for any inconvenience. Your order 48213 shipped on Monday with 😀 tracking. ';
for (const size of [25_000, 50_000, 100_000, 200_000]) {
  const draft = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  analyze(draft);
  const t = performance.now(); analyze(draft, { customerName: 'Priya', customerMessage: 'Where is order 48213?' }); console.log(size, (performance.now() - t).toFixed(1), 'ms');
}
const words = 'I checked the line at your address and the drops come from a faulty joint outside so I booked an engineer for Thursday morning and I will call you after the visit to confirm everything works'.split(' ');
let s = 'Hi Priya,\n'; let i = 0; while (s.split(/\s+/).length < 250) { s += words[i++ % words.length] + (i % 17 === 0 ? '. ' : ' '); }
const times: number[] = [];
for (let k = 0; k < 300; k++) analyze(s, { customerName: 'Priya Shah', customerMessage: 'My internet drops every evening, order 48213.' });
for (let k = 0; k < 3000; k++) { const t = performance.now(); analyze(s, { customerName: 'Priya Shah', customerMessage: 'My internet drops every evening, order 48213.' }); times.push(performance.now() - t); }
times.sort((a, b) => a - b); console.log('250w p50', times[1500]!.toFixed(3), 'p99', times[2970]!.toFixed(3));
