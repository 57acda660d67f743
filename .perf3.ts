import { rules } from '@/lib/analysis';
import { prepare } from '@/lib/analysis/text';
import { performance } from 'node:perf_hooks';
const unit = 'We apologize for any inconvenience. Your order 48213 shipped on Monday with 😀 tracking. ';
const ctx = { customerName: 'Priya Shah', customerMessage: 'Where is order 48213?', similar: null, guide: null };
for (const size of [50_000, 200_000]) {
  const draft = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  let t = performance.now(); const doc = prepare(draft); console.log(size, 'prepare', (performance.now() - t).toFixed(1));
  for (const r of rules) { t = performance.now(); r.check(doc, ctx as any); const d = performance.now() - t; if (d > 3) console.log('  ', r.id, d.toFixed(1)); }
}
