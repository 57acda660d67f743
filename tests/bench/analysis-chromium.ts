/**
 * `analyze-250w-p99-chromium`: the analyzer as the content script runs it, in Chromium's V8 rather
 * than Node's, on the same drafts as analysis.ts. lib/analysis is bundled with esbuild into a page
 * served through Playwright routing; the timing loop runs inside the page, so no round trip to
 * Node is in the figure.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromiumArgs, ensureChromium } from '../../lib/dev/chromium';
import { DRAFT_CONTEXT, drafts250 } from './drafts';
import { percentile, round } from './analysis';
import type { BenchOptions, BenchResult } from './types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ORIGIN = 'https://analyzer.bench.rapport.test';

// The page's own timing loop; the same shape as time() in analysis.ts.
const ENTRY = `
import { analyze } from './lib/analysis/index.ts';
globalThis.rapportBench = (drafts, ctx, warmup, iterations) => {
  for (let i = 0; i < warmup; i++) analyze(drafts[i % drafts.length], ctx);
  const samples = new Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    analyze(drafts[i % drafts.length], ctx);
    samples[i] = performance.now() - t;
  }
  return { samples, isolated: globalThis.crossOriginIsolated === true };
};
`;

export async function benchAnalysisChromium({ quick }: BenchOptions): Promise<BenchResult[]> {
  const WARMUP = quick ? 200 : 500;
  const ITERATIONS = quick ? 1000 : 5000;
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'analyzer-bench-entry.js', loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // Minified, as the production content script is.
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: chromiumArgs('').filter((a) => !a.includes('extension')),
  });
  try {
    const context = await browser.newContext();
    // Cross-origin isolation lifts performance.now() from 100 µs to 5 µs resolution: sub-millisecond
    // runs need the finer clock.
    const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/analyzer.js') return route.fulfill({ status: 200, contentType: 'text/javascript', headers: isolation, body: js });
      return route.fulfill({ status: 200, contentType: 'text/html', headers: isolation, body: '<!doctype html><title>analyzer bench</title><script src="/analyzer.js"></script>' });
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    const { samples, isolated } = (await page.evaluate(
      ([drafts, ctx, warmup, iterations]) =>
        (globalThis as unknown as { rapportBench: (...a: unknown[]) => { samples: number[]; isolated: boolean } }).rapportBench(drafts, ctx, warmup, iterations),
      [drafts250(), DRAFT_CONTEXT, WARMUP, ITERATIONS] as const,
    )) as { samples: number[]; isolated: boolean };
    const sorted = samples.sort((a, b) => a - b);
    const version = browser.version();
    return [
      {
        name: 'analyze-250w-p99-chromium',
        value: round(percentile(sorted, 0.99)),
        unit: 'ms',
        budget: 2,
        detail: `Chromium ${version}, ${Math.round(js.length / 1024)} KiB bundle; p50 ${round(percentile(sorted, 0.5))} ms; ${ITERATIONS} runs after ${WARMUP} warm-up; clock ${isolated ? '5 µs (cross-origin isolated)' : '100 µs (not isolated)'}`,
      },
    ];
  } finally {
    await browser.close();
  }
}
