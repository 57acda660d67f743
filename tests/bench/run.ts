/**
 * `npm run bench [-- --quick] [--no-build] [--only NAME[,NAME…]]`: every benchmark (or only the named
 * ones: analysis, suggest, import-parse, import-write or import for both, extension, typing), one table. Benchmarks measure;
 * they do not pass or fail (timed assertions in tests would be flaky on a 2-core machine).
 * --quick uses 100,000 contacts instead of 1,000,000 for a fast look.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchExtension, type BenchFigure } from './extension';
import { benchAnalysis } from './analysis';
import { benchSuggest } from './suggest';
import { benchImportParse } from './import-parse';
import { benchImportWrite } from './import-write';
import { benchTyping } from './typing';

const root = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.indexOf('--only');
/** Benchmarks picked with --only; an engineer tuning one figure need not wait for all of them. */
const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').split(',').filter(Boolean) : null;
const wanted = (name: string) => !only || only.some((o) => name === o || (o === 'import' && name.startsWith('import-')));

async function main() {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const figures: BenchFigure[] = [];
  const benches: Array<[string, () => Promise<BenchFigure[]>]> = [
    ['analysis', benchAnalysis],
    ['suggest', benchSuggest],
    ['import-parse', benchImportParse],
    ['import-write', () => benchImportWrite()],
    ['typing', benchTyping],
  ];
  for (const [name, run] of benches) if (wanted(name)) figures.push(...(await run()));
  if (wanted('extension')) figures.push(...(await benchExtension({ interactions: quick ? 100_000 : 1_000_000, customers: quick ? 1_000 : 10_000, samples: 300 })));
  if (!figures.length) throw new Error(`--only ${only?.join(',')}: no such benchmark`);
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log('\nRapport benchmarks');
  for (const f of figures) {
    console.log(`${f.name.padEnd(width)}  ${String(f.value).padStart(8)} ${f.unit.padEnd(4)} ${f.target ? `(target ${f.target})` : ''}${f.detail ? `  ${f.detail}` : ''}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
