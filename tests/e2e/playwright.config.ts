import { defineConfig } from '@playwright/test';

// One folder of privacy records per run (support/network.ts): set here, in the runner process,
// so every worker inherits it and runs started side by side on one machine never mix.
process.env.RAPPORT_NETWORK_RUN ||= `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;

export default defineConfig({
  testDir: './specs',
  // Each worker runs its own Chromium with the extension; two cores fit two.
  workers: process.env.CI ? 2 : 2,
  fullyParallel: true,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['junit', { outputFile: '../../.ci-results/e2e.xml' }]],
  globalSetup: './support/global-setup.ts',
  // The privacy check (support/network.ts): a setup project empties .ci-results/network/, every
  // test writes its requests there, and a teardown project checks them all. It runs after the
  // suite even when tests failed, and counts in the passed/failed line.
  projects: [
    { name: 'network-reset', testMatch: /hostile-network-reset\.spec\.ts$/, teardown: 'network-check' },
    { name: 'network-check', testMatch: /hostile-network-check\.spec\.ts$/ },
    { name: 'e2e', testIgnore: /hostile-network-(reset|check)\.spec\.ts$/, dependencies: ['network-reset'] },
  ],
});
