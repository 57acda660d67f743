/**
 * Locates Debian's Chromium (Playwright's own browser download cannot work on these
 * machines). Shared by the e2e suite, the demo and the benchmark.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);

export const INSTALL_HINT = 'Chromium is missing. Install it with:  sudo apt-get update && sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary).';

export function findChromium(): string | null {
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Find Chromium, installing Debian's package when running as root (CI, fresh machines). */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log('[rapport] Chromium not found; installing Debian package "chromium"…');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
    const now = findChromium();
    if (now) return now;
  }
  throw new Error(INSTALL_HINT);
}

/** Flags for a sealed, headless-capable run: no background traffic to Google. */
export const chromiumArgs = (extensionDir: string) => [
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A persistent Chromium profile with the built extension loaded (extensions need one). */
export async function launchWithExtension(opts: { extensionDir: string; headless?: boolean; viewport?: { width: number; height: number } | null }) {
  const { chromium } = await import('playwright-core');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const userDataDir = mkdtempSync(join(tmpdir(), 'rapport-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: opts.headless ?? true,
    args: chromiumArgs(opts.extensionDir),
    viewport: opts.viewport === undefined ? { width: 1280, height: 800 } : opts.viewport,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    cleanup: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
