// Sums JUnit reports (vitest, Playwright) into the closing line CI reads: "N passed, N failed".
// A report that is missing counts as one failure: its suite did not run.
import { existsSync, readFileSync } from 'node:fs';

const text = (s) =>
  s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/\s+/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

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
  // Name each failure next to the closing line: the CI log is often read from its tail only.
  for (const m of xml.matchAll(/<testcase\b([^>]*)>((?:(?!<\/testcase>)[\s\S])*?)<(failure|error)\b([^>]*)>/g)) {
    const name = m[1].match(/\bname="([^"]*)"/)?.[1] ?? '?';
    const where = m[1].match(/\bclassname="([^"]*)"/)?.[1] ?? '';
    const why = m[4].match(/\bmessage="([^"]{0,160})/)?.[1] ?? '';
    console.log(`[ci]   FAILED ${text(where)} › ${text(name)}${why ? ` — ${text(why)}` : ''}`);
  }
  passed += tests - f - s;
  failed += f;
  skipped += s;
  if (tests === 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
