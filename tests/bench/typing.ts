/**
 * Typing and recognition in every conformance host fixture (tests/e2e/support/conformance-hosts.ts),
 * with the built extension, at the hosts' real URLs:
 *
 * - "Typing in the host stays free of long tasks": 500 characters typed into the editor with
 *   page.keyboard.type, sentence by sentence with a pause after each (longer than the draft
 *   debounce, so analysis and highlights run while typing, as they do for an agent). Long tasks
 *   are collected in the page with a PerformanceObserver ('longtask', buffered). Attribution: a
 *   DevTools trace of the same window records each call into Rapport's content script
 *   (FunctionCall events whose script is chrome-extension://…; the page's own long-animation-frame
 *   entries do not list content scripts, checked in Chromium 156), so each long task gets Rapport's
 *   share; a long task is "caused by Rapport" when it would not be long without that share. The
 *   same typing runs in a Chromium without the extension, as the host's own baseline.
 * - "Time from editor appearing to recognition": the editor element is taken out of the page
 *   (in its own frame), and once Rapport has noticed, put back; the time until Rapport reports
 *   the editor again (the `data-editors` attribute on its highlight layer, lib/content/highlights.ts)
 *   is measured in the page. The pause before putting it back varies across repetitions so the
 *   page watcher's read throttle is met at every phase.
 *
 * `--hosts gmail,zendesk` limits the hosts (adapter ids). Quick mode (`BenchOptions.quick`) types the
 * first QUICK_CHARS characters and runs fewer recognition repetitions: the same metrics, for CI.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumArgs, ensureChromium, launchWithExtension } from '../../lib/dev/chromium';
import { routeHosts } from '../../lib/dev/host-routing';
import { sampleBackup } from '../../lib/demo/sample-data';
import { fixtureHosts } from '../e2e/support/hosts';
import { conformanceHosts } from '../e2e/support/conformance-hosts';
import { title, type ConformanceHost } from '../e2e/support/conformance';
import { percentile, type BenchFigure } from './extension';
import type { BenchOptions } from './types';
import { hostSlug } from './host-slug';

const root = fileURLToPath(new URL('../../', import.meta.url));
// RAPPORT_OUT_DIR: several builds share a machine (as in tests/e2e/support/test.ts).
const extensionDir = resolve(root, process.env.RAPPORT_OUT_DIR || '.output', 'chrome-mv3');
const hostsArg = process.argv.indexOf('--hosts');
const onlyHosts = hostsArg >= 0 ? (process.argv[hostsArg + 1] ?? '').split(',').filter(Boolean) : null;

const r1 = (x: number) => Math.round(x * 10) / 10;
const LONG_TASK_MS = 50;
const RECOGNITION_TIMEOUT_MS = 5_000;

/** 500 characters of a realistic reply, with the canned phrases the check flags (so highlights draw). */
export const REPLY_500 = (() => {
  const text =
    'Thanks for getting back to us, and for your patience. We apologize for any inconvenience this may have caused. ' +
    'I have checked your order and the courier is now booked for 9am on Thursday; I will call you at 8:30 to confirm the slot. ' +
    'Your request has been forwarded to the relevant team and rest assured we are looking into it. ' +
    'The replacement screen is packed and waiting at the depot, so nothing else is needed from you. ' +
    'If you have any further questions, please do not hesitate to contact us.\nKind regards,\nSam from the support team at Acme, on behalf of everyone here today';
  if (text.length < 500) throw new Error('reply text shorter than 500 characters');
  return text.slice(0, 500);
})();
/** Typed in pieces, each followed by a pause longer than the draft debounce (200 ms). */
const sentences = (text: string) => text.match(/[^.;\n]+[.;\n]?/g) ?? [text];
const PAUSE_MS = 250;
/**
 * Quick mode types the first 110 characters: two whole sentences, the second the stock apology the
 * check flags, so analysis and a highlight redraw still run while typing (typing is most of this
 * benchmark's time: ~10 s per host for 232 characters on a busy 2-core machine).
 */
const QUICK_CHARS = 110;

/**
 * Recognition budget, p95 ≤ 300 ms: an editor that appears (a composer opening) is checked within
 * about the time the agent takes to move to it and start typing, so the first words are already
 * covered; the sidebar itself has the tighter 150 ms (extension.ts).
 */
const RECOGNITION_BUDGET_MS = 300;

/** Collectors installed before any page script (a string: tsx's __name helpers do not exist in pages). */
const COLLECTOR = `(() => {
  const b = (window.__rapportBench = { longtasks: [] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { b.noLongtask = String(e); }
})();`;

interface Collected {
  longtasks: Array<{ start: number; duration: number }>;
  noLongtask?: string;
}

interface TypingRun {
  /** Long tasks in the typing window, with Rapport's share of each (ms; 0 without tracing). */
  longTasks: Array<{ duration: number; rapport: number }>;
  /** Rapport's main-thread time over the whole window, and its longest single call (ms). */
  rapportTotal: number;
  rapportLongestCall: number;
  traced: boolean;
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: { url?: string; message?: string; frames?: Array<{ url: string; processId: number }> }; name?: string } }

/** A DevTools trace of the page's renderer, for attributing main-thread time to scripts. */
async function startTrace(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' } as never);
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => {});
    return events;
  };
}

/**
 * Rapport's calls on the page's main thread, in the page's performance.now() clock: the trace's
 * clock is matched through a console.timeStamp the page made at `syncAt`.
 */
function rapportCalls(events: TraceEvent[], pageUrl: string, syncAt: number): Array<{ start: number; end: number }> | null {
  const origin = new URL(pageUrl).origin;
  const pid = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.find((f) => f.url.startsWith(origin))?.processId;
  const sync = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === SYNC_MARK && (pid === undefined || e.pid === pid));
  if (!sync) return null;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === sync.pid && e.args?.name === 'CrRendererMain')?.tid ?? sync.tid;
  const toPage = (ts: number) => ts / 1000 - sync.ts / 1000 + syncAt;
  const calls = events
    .filter((e) => e.pid === sync.pid && e.tid === main && e.ph === 'X' && e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-extension://'))
    .sort((a, b) => a.ts - b.ts);
  // Outermost calls only: a nested call's time is already inside its caller's.
  const out: Array<{ start: number; end: number }> = [];
  for (const c of calls) {
    const start = toPage(c.ts);
    const end = toPage(c.ts + (c.dur ?? 0));
    const last = out[out.length - 1];
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}
const SYNC_MARK = 'rapport-bench-clock';

/** Type the reply into the host's editor and collect what blocked the main thread meanwhile. */
async function typeAndCollect(page: Page, host: ConformanceHost, trace: boolean, text: string): Promise<TypingRun> {
  const editor = host.editor(page);
  await editor.click();
  // Let loading work (editor start-up, first page read) finish before the window opens.
  await page.waitForTimeout(800);
  const stopTrace = trace ? await startTrace(page) : null;
  const t0 = (await page.evaluate(`console.timeStamp(${JSON.stringify(SYNC_MARK)}); performance.now()`)) as number;
  for (const s of sentences(text)) {
    await page.keyboard.type(s, { delay: 10 });
    await page.waitForTimeout(PAUSE_MS);
  }
  // The last debounce, analysis and redraw belong to the typing.
  await page.waitForTimeout(400);
  const t1 = await page.evaluate(() => performance.now());
  const c = (await page.evaluate('window.__rapportBench')) as Collected;
  if (c.noLongtask) throw new Error(`no longtask entries in this Chromium: ${c.noLongtask}`);
  const calls = stopTrace ? rapportCalls(await stopTrace(), page.url(), t0) : null;
  const tasks = c.longtasks.filter((x) => x.start >= t0 && x.start <= t1);
  const inWindow = (calls ?? []).filter((k) => k.end >= t0 && k.start <= t1);
  const overlap = (a: number, b: number) => inWindow.reduce((sum, k) => sum + Math.max(0, Math.min(b, k.end) - Math.max(a, k.start)), 0);
  return {
    longTasks: tasks.map((t) => ({ duration: t.duration, rapport: overlap(t.start, t.start + t.duration) })),
    rapportTotal: inWindow.reduce((sum, k) => sum + (k.end - k.start), 0),
    rapportLongestCall: inWindow.reduce((m, k) => Math.max(m, k.end - k.start), 0),
    traced: calls !== null,
  };
}

/** ms from the editor element re-entering the page to Rapport reporting it, one repetition. */
async function recogniseOnce(page: Page, host: ConformanceHost, pauseMs: number): Promise<number | null> {
  const layer = '[data-rapport-ui="highlights"]';
  const count = () => page.evaluate((sel) => Number(document.querySelector(sel)?.getAttribute('data-editors') ?? 'NaN'), layer);
  const before = await count();
  if (!(before >= 1)) throw new Error(`Rapport reports ${before} editors before the editor is removed (is data-editors on ${layer}?)`);
  const handle = await host.editor(page).elementHandle();
  if (!handle) throw new Error('editor not found');
  // Out of the page, in the editor's own frame; kept for re-insertion.
  await handle.evaluate((el) => {
    (window as unknown as { __benchDetached: unknown }).__benchDetached = { el, parent: el.parentNode, next: el.nextSibling };
    el.remove();
  });
  await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel as string)?.getAttribute('data-editors')) < (n as number), [layer, before] as const, { timeout: RECOGNITION_TIMEOUT_MS });
  await page.waitForTimeout(pauseMs);
  // Epoch-based times: the editor's frame and the top page have different time origins.
  await page.evaluate(
    ([sel, n, timeout]) => {
      const w = window as unknown as { __benchRecognised: Promise<number> };
      w.__benchRecognised = new Promise<number>((res) => {
        const host = document.querySelector(sel as string)!;
        const mo = new MutationObserver(() => {
          if (Number(host.getAttribute('data-editors')) >= (n as number)) {
            mo.disconnect();
            res(performance.timeOrigin + performance.now());
          }
        });
        mo.observe(host, { attributes: true, attributeFilter: ['data-editors'] });
        setTimeout(() => res(-1), timeout as number);
      });
    },
    [layer, before, RECOGNITION_TIMEOUT_MS] as const,
  );
  const inserted = await handle.evaluate(() => {
    const d = (window as unknown as { __benchDetached: { el: Node; parent: Node; next: Node | null } }).__benchDetached;
    const t = performance.timeOrigin + performance.now();
    d.parent.insertBefore(d.el, d.next);
    return t;
  });
  const recognised = (await page.evaluate('window.__benchRecognised')) as number;
  return recognised < 0 ? null : recognised - inserted;
}

async function seed(context: BrowserContext, extensionId: string, host: ConformanceHost | null): Promise<Page> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  await ext.evaluate('globalThis.__name = (f) => f');
  const res = (await ext.evaluate((b) => chrome.runtime.sendMessage({ rapport: 1, name: 'restoreBackup', input: b }), sampleBackup(Date.now()))) as { ok?: boolean; error?: string };
  if (!res?.ok) throw new Error(`seeding failed: ${res?.error ?? 'no answer'}`);
  if (host?.setup) await host.setup(ext as never);
  return ext;
}

interface HostResult {
  host: ConformanceHost;
  withRapport?: TypingRun;
  without?: TypingRun;
  recognition?: number[];
  misses?: number;
  error?: string;
  /** Why the host was not run at all (not a failure: the build cannot host it). */
  skipped?: string;
}

/**
 * Hosts whose setup needs an origin granted at install (the in-house tools) can only run on an e2e
 * build: a production build asks for those origins at runtime, through a prompt headless Chromium
 * cannot answer. The bench measures the production build, so it skips them and says so.
 */
function grantedAtInstall(host: ConformanceHost): boolean {
  if (!host.setup) return true;
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  const origin = new URL(host.url).origin;
  return (manifest.host_permissions ?? []).some((p) => p === `${origin}/*` || p.startsWith(`${origin}/`));
}

/** The same typing in a Chromium without the extension: what the host costs by itself. */
async function typeWithoutRapport(results: HostResult[], text: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(resolve(tmpdir(), 'rapport-bench-plain-'));
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: chromiumArgs(extensionDir).filter((a) => !a.includes('extension')),
    viewport: { width: 1280, height: 800 },
  });
  try {
    await routeHosts(plain, fixtureHosts);
    await plain.addInitScript({ content: `globalThis.__name = (f) => f;\n${COLLECTOR}` });
    for (const r of results) {
      if (r.skipped) continue;
      try {
        const page = await plain.newPage();
        await page.goto(r.host.url);
        await r.host.editor(page).waitFor({ timeout: 15_000 });
        r.without = await typeAndCollect(page, r.host, false, text);
        await page.close();
      } catch (e) {
        r.error = `${r.error ? `${r.error}; ` : ''}without Rapport: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      }
    }
  } finally {
    await plain.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchTyping({ quick }: BenchOptions = { quick: false }): Promise<BenchFigure[]> {
  const hosts = conformanceHosts.filter((h) => !onlyHosts || onlyHosts.includes(h.adapter));
  const results: HostResult[] = hosts.map((host) =>
    grantedAtInstall(host) ? { host } : { host, skipped: 'origin not granted in a production build (measured only on an RAPPORT_E2E=1 build)' },
  );
  const reps = quick ? 5 : 20;
  const text = quick ? REPLY_500.slice(0, QUICK_CHARS) : REPLY_500;

  // With the extension: typing, then recognition on a fresh load (quick mode: on the same page).
  const ext = await launchWithExtension({ extensionDir });
  try {
    await routeHosts(ext.context, fixtureHosts);
    await ext.context.addInitScript({ content: `globalThis.__name = (f) => f;\n${COLLECTOR}` });
    // The sample data once: typing sends nothing, so no host changes what the next one reads.
    await (await seed(ext.context, ext.extensionId, null)).close();
    for (const r of results) {
      if (r.skipped) continue;
      const { host } = r;
      let extPage: Page | null = null;
      const started = Date.now();
      try {
        extPage = host.setup ? await seed(ext.context, ext.extensionId, host) : null;
        const page = await ext.context.newPage();
        await page.goto(host.url);
        await page.getByRole('complementary', { name: /Rapport/ }).getByRole('heading', { name: host.customerName }).waitFor({ timeout: 15_000 });
        r.withRapport = await typeAndCollect(page, host, true, text);
        if (!quick) {
          await page.goto(host.url);
          await page.getByRole('complementary', { name: /Rapport/ }).getByRole('heading', { name: host.customerName }).waitFor({ timeout: 15_000 });
        }
        await page.waitForTimeout(500);
        r.recognition = [];
        r.misses = 0;
        for (let i = 0; i < reps; i++) {
          const t = await recogniseOnce(page, host, (i * 53) % 300);
          if (t === null) {
            r.misses++;
            // An editor Rapport never notices would cost the timeout every repetition: once is enough.
            break;
          }
          r.recognition.push(t);
        }
        await page.close();
      } catch (e) {
        r.error = `with Rapport: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      } finally {
        await extPage?.close().catch(() => {});
        // Progress: this part takes minutes, and a stuck host should be visible before the table.
        console.log(`[bench typing] ${title(host)} with Rapport: ${Math.round((Date.now() - started) / 1000)} s${r.error ? ' (error)' : ''}`);
      }
    }
  } finally {
    await ext.cleanup();
  }

  // The same typing without the extension: what the host costs by itself. Context for the
  // page-long-tasks detail only, no metric's value, so quick mode leaves it out (about a third of
  // this benchmark's time).
  if (!quick) await typeWithoutRapport(results, text);

  const out: BenchFigure[] = [];
  const fmtTasks = (t: Array<{ duration: number }>) => (t.length ? `${t.length} (max ${r1(Math.max(...t.map((x) => x.duration)))} ms)` : '0');
  const typed = `${text.length} chars${quick ? ' (quick)' : ''}`;
  // Per-host long-task counts and recognition p95s, for the summary metrics over all hosts.
  const caused: Array<{ slug: string; n: number }> = [];
  const recognised: Array<{ slug: string; p95: number }> = [];
  for (const r of results) {
    const name = title(r.host);
    const slug = hostSlug(r.host, hosts);
    if (r.withRapport) {
      const w = r.withRapport;
      // Long only because of Rapport: without its share the task would have stayed under 50 ms.
      const byRapport = w.longTasks.filter((t) => t.rapport > 0 && t.duration - t.rapport < LONG_TASK_MS);
      const maxShare = w.longTasks.reduce((m, t) => Math.max(m, t.rapport), 0);
      if (w.traced) caused.push({ slug, n: byRapport.length });
      out.push({
        name: `typing-long-tasks-${slug}`,
        value: w.traced ? byRapport.length : null,
        unit: 'tasks',
        budget: 0,
        detail: w.traced
          ? `${name}, ${typed}: tasks over ${LONG_TASK_MS} ms caused by Rapport; its largest share of a long task ${r1(maxShare)} ms, longest call ${r1(w.rapportLongestCall)} ms, main-thread total ${r1(w.rapportTotal)} ms (${r1(w.rapportTotal / text.length)} ms/char)`
          : `${name}: trace unavailable, no attribution`,
      });
      out.push({
        name: `typing-page-long-tasks-${slug}`,
        value: w.longTasks.length,
        unit: 'tasks',
        detail: `${name}, ${typed}: all long tasks in the page with Rapport ${fmtTasks(w.longTasks)}; without ${r.without ? fmtTasks(r.without.longTasks) : quick ? 'not run in quick mode' : 'n/a'} (host and machine load included)`,
      });
    }
    if (r.recognition?.length) {
      const p95 = r1(percentile(r.recognition, 95));
      // A host whose editor was missed once counts at the timeout: a miss is worse than any time.
      recognised.push({ slug, p95: r.misses ? RECOGNITION_TIMEOUT_MS : p95 });
      out.push({
        name: `recognition-p95-${slug}`,
        value: r.misses ? RECOGNITION_TIMEOUT_MS : p95,
        unit: 'ms',
        budget: RECOGNITION_BUDGET_MS,
        detail: `${name}: editor appears → recognised; p50 ${r1(percentile(r.recognition, 50))} ms, max ${r1(Math.max(...r.recognition))} ms, ${r.recognition.length} repetitions` + (r.misses ? `; ${r.misses} not recognised within ${RECOGNITION_TIMEOUT_MS} ms` : ''),
      });
    } else if (r.misses) {
      recognised.push({ slug, p95: RECOGNITION_TIMEOUT_MS });
      out.push({ name: `recognition-p95-${slug}`, value: RECOGNITION_TIMEOUT_MS, unit: 'ms', budget: RECOGNITION_BUDGET_MS, detail: `${name}: not recognised within ${RECOGNITION_TIMEOUT_MS} ms (the editor was put back in its own frame)` });
    }
    if (r.error) console.warn(`[bench typing] ${name}: ${r.error}`);
  }
  const worstTyping = caused.reduce<{ slug: string; n: number } | null>((m, c) => (!m || c.n > m.n ? c : m), null);
  const worstRecognition = recognised.reduce<{ slug: string; p95: number } | null>((m, c) => (!m || c.p95 > m.p95 ? c : m), null);
  const skipped = results.filter((r) => r.skipped);
  const unmeasured = (got: number) =>
    (got < hosts.length ? `; ${hosts.length - got} of ${hosts.length} hosts not measured` : '') +
    (skipped.length ? ` (skipped: ${skipped.map((r) => hostSlug(r.host, hosts)).join(', ')}, ${skipped[0]!.skipped})` : '');
  out.unshift(
    {
      name: 'typing-long-tasks',
      value: worstTyping?.n ?? null,
      unit: 'tasks',
      budget: 0,
      detail: `most tasks over ${LONG_TASK_MS} ms caused by Rapport while typing ${typed}, over ${caused.length} hosts${worstTyping ? ` (worst: ${worstTyping.slug})` : ''}${unmeasured(caused.length)}`,
    },
    {
      name: 'recognition-p95',
      value: worstRecognition?.p95 ?? null,
      unit: 'ms',
      budget: RECOGNITION_BUDGET_MS,
      detail: `slowest host's p95, editor appears → recognised, over ${recognised.length} hosts${worstRecognition ? ` (worst: ${worstRecognition.slug})` : ''}${unmeasured(recognised.length)}`,
    },
  );
  const failed = results.filter((r) => r.error);
  // Budget 0: a host that could not be measured should stand out in the table as much as a slow one.
  out.push({ name: 'typing-hosts-not-measured', value: failed.length, unit: 'hosts', budget: 0, detail: failed.length ? failed.map((r) => `${title(r.host)}: ${r.error}`).join(' | ') : `all ${hosts.length - skipped.length} run were measured${skipped.length ? `, ${skipped.length} skipped` : ''}` });
  return out;
}
