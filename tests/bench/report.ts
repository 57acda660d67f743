/**
 * The reporting layer of `npm run bench`: the table on stdout and bench-results.json. Budgets are
 * reported, never enforced: a figure over budget is a finding for a person to read, not a failed build
 * (timing on a shared 2-core machine is too noisy to gate on).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';
import { findChromium } from '../../lib/dev/chromium';
import type { BenchResult } from './types';

const metricSchema = z.object({
  value: z.number().nullable(),
  unit: z.string(),
  budget: z.number().nullable(),
  ok: z.boolean(),
  ratio: z.number().optional(),
  detail: z.string().optional(),
});

/** The file's shape, checked before writing so a malformed figure fails here, not in whoever reads the file. */
export const benchResultsSchema = z.object({
  metrics: z.record(z.string(), metricSchema),
  machine: z.object({
    cpus: z.number().int().positive(),
    model: z.string(),
    /** Total memory in GiB. */
    memory: z.number(),
    node: z.string(),
    chromium: z.string().nullable(),
    os: z.string(),
    /** 1-minute load average when the run started: a busy machine explains a slow figure. */
    load: z.number(),
  }),
  at: z.iso.datetime(),
  quick: z.boolean(),
  /** Benchmarks that threw, with their message: their metrics are missing from `metrics`. */
  errors: z.array(z.object({ bench: z.string(), message: z.string() })),
});
export type BenchResults = z.infer<typeof benchResultsSchema>;

const measured = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** Within budget: no budget always is; a figure that could not be measured never is. */
export function withinBudget(r: BenchResult): boolean {
  if (r.budget === undefined) return true;
  return measured(r.value) && r.value <= r.budget;
}

function chromiumVersion(): string | null {
  const bin = findChromium();
  if (!bin) return null;
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function osName(): string {
  let pretty = '';
  try {
    pretty = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? '';
  } catch {
    // Not Linux, or no os-release: the kernel line below still says what ran.
  }
  return `${pretty ? `${pretty}; ` : ''}${os.type()} ${os.release()} ${os.arch()}`;
}

export function machine(): BenchResults['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memory: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
    os: osName(),
    load: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

export function buildResults(results: readonly BenchResult[], opts: { quick: boolean; at: Date; machine: BenchResults['machine']; errors: BenchResults['errors'] }): BenchResults {
  const metrics: BenchResults['metrics'] = {};
  for (const r of results) {
    if (metrics[r.name]) throw new Error(`two benchmarks report the metric "${r.name}"`);
    metrics[r.name] = {
      value: measured(r.value) ? r.value : null,
      unit: r.unit,
      budget: r.budget ?? null,
      ok: withinBudget(r),
      ...(r.ratio !== undefined && Number.isFinite(r.ratio) ? { ratio: r.ratio } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
    };
  }
  return benchResultsSchema.parse({ metrics, machine: opts.machine, at: opts.at.toISOString(), quick: opts.quick, errors: opts.errors });
}

/** One line per metric: name, value, budget, ok/OVER, detail. */
export function formatTable(results: readonly BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const show = (v: number | null | undefined) => (measured(v ?? null) ? String(v) : 'n/a');
  const lines = results.map((r) => {
    const budget = r.budget === undefined ? ''.padEnd(14) : `≤ ${r.budget} ${r.unit}`.padEnd(14);
    const verdict = r.budget === undefined ? '    ' : withinBudget(r) ? 'ok  ' : 'OVER';
    const ratio = r.ratio !== undefined && Number.isFinite(r.ratio) ? `${r.ratio}× Rapport (p50); ` : '';
    return `${r.name.padEnd(width)}  ${show(r.value).padStart(9)} ${r.unit.padEnd(5)} ${budget} ${verdict}  ${ratio}${r.detail ?? ''}`;
  });
  const header = `${'metric'.padEnd(width)}  ${'value'.padStart(9)} ${'unit'.padEnd(5)} ${'budget'.padEnd(14)} ok`;
  return [header, ...lines].join('\n');
}
