import { defineConfig } from '@playwright/test';

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
});
