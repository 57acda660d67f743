/**
 * `npm run demo [-- --headless] [--screenshot FILE] [--no-build] [--ticket ID]`
 * Builds Rapport, loads it into Chromium, seeds the sample customers and opens the sample
 * helpdesk with the sidebar showing. Without a display it runs headless and writes a screenshot.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { launchWithExtension } from '@/lib/dev/chromium';
import { routeHosts } from '@/lib/dev/host-routing';
import { demoHost, DEMO_ORIGIN } from '@/lib/demo/helpdesk/host';
import { sampleBackup } from '@/lib/demo/sample-data';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function usage(msg: string): never {
  console.error(`${msg}\nUsage: npm run demo -- [--headless] [--screenshot FILE] [--no-build] [--ticket ID]`);
  process.exit(2);
}

async function main() {
  const known = new Set(['--headless', '--screenshot', '--no-build', '--ticket']);
  args.forEach((a, i) => {
    if (a.startsWith('--') && !known.has(a)) usage(`Unknown option ${a}`);
    if ((a === '--screenshot' || a === '--ticket') && (!args[i + 1] || args[i + 1]!.startsWith('--'))) usage(`${a} needs a value`);
  });
  let screenshot = value('--screenshot');
  let headless = flag('--headless') || !!screenshot;
  if (!headless && !process.env.DISPLAY && process.platform === 'linux') {
    screenshot = 'rapport-demo.png';
    headless = true;
    console.log('No display found: running headless and writing the screenshot to rapport-demo.png.');
  }
  if (!flag('--no-build')) {
    console.log('Building the extension…');
    const b = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const { context, extensionId, cleanup } = await launchWithExtension({
    extensionDir: resolve(root, '.output/chrome-mv3'),
    headless,
    viewport: headless ? { width: 1440, height: 900 } : null,
  });
  await routeHosts(context, [demoHost]);

  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  const res = (await ext.evaluate((b) => chrome.runtime.sendMessage({ rapport: 1, name: 'restoreBackup', input: b }), sampleBackup(Date.now()))) as { ok: boolean; error?: string };
  if (!res.ok) throw new Error(`Could not load the sample customers: ${res.error}`);
  console.log('Loaded 20 sample customers with their histories.');

  const page = headless ? await context.newPage() : ext;
  await page.goto(`${DEMO_ORIGIN}/agent/tickets/${value('--ticket') ?? '1001'}`);
  await page.getByRole('complementary', { name: /Rapport/ }).getByRole('heading', { level: 2 }).first().waitFor({ timeout: 20_000 });

  if (screenshot) {
    await page.waitForTimeout(300); // let the editor and fonts settle for a clean picture
    await page.screenshot({ path: resolve(process.cwd(), screenshot) });
    console.log(`Wrote ${screenshot}`);
    await cleanup();
    return;
  }
  console.log('The sample helpdesk is open with Rapport. Click tickets on the left; close the browser window to finish.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await cleanup().catch(() => {});
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
