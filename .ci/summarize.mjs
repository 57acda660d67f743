// Sums JUnit reports (vitest, Playwright) into the closing line CI reads: "N passed, N failed".
// A report that is missing counts as one failure: its suite did not run.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`[ci] ${file} is missing: that suite did not run`);
    failed += 1;
    continue;
  }
  const xml = readFileSync(file, 'utf8');
  const head = xml.match(/<testsuites\b[^>]*>/)?.[0] ?? '';
  const attr = (name) => Number(head.match(new RegExp(`\\b${name}="(\\d+)"`))?.[1] ?? 0);
  const tests = attr('tests');
  const f = attr('failures') + attr('errors');
  const s = attr('skipped') || (xml.match(/<skipped\b/g) ?? []).length;
  console.log(`[ci] ${file}: ${tests} tests, ${f} failed, ${s} skipped`);
  passed += tests - f - s;
  failed += f;
  skipped += s;
  if (tests === 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
