/**
 * `npm run bench [-- --quick] [--no-build]`: every benchmark, one table. Benchmarks measure;
 * they do not pass or fail (timed assertions in tests would be flaky on a 2-core machine).
 * --quick uses 100,000 contacts instead of 1,000,000 for a fast look.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { benchExtension, type BenchFigure } from './extension';

const root = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.argv.includes('--quick');

/** Benchmarks of units that may not exist yet in a given checkout. */
async function optional(file: string, fn: string): Promise<BenchFigure[]> {
  if (!existsSync(join(root, 'tests/bench', `${file}.ts`))) return [];
  const mod = (await import(`./${file}.ts`)) as Record<string, () => Promise<BenchFigure[]>>;
  return mod[fn] ? mod[fn]() : [];
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const figures: BenchFigure[] = [];
  for (const [file, fn] of [['analysis', 'benchAnalysis'], ['suggest', 'benchSuggest'], ['import-parse', 'benchImportParse'], ['import-write', 'benchImportWrite']] as const) {
    figures.push(...(await optional(file, fn)));
  }
  figures.push(...(await benchExtension({ interactions: quick ? 100_000 : 1_000_000, customers: quick ? 1_000 : 10_000, samples: 300 })));
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
