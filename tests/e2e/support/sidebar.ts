import type { Page } from '@playwright/test';

/** Rapport's UI lives in an open shadow root; Playwright's locators pierce it. */
export const sidebar = (page: Page) => page.getByRole('complementary', { name: /Rapport/ });
export const launcher = (page: Page) => page.getByRole('button', { name: /Open Rapport/ });

/** Entries the fixture host recorded as sent (what the host itself saw). */
export const sentLog = (page: Page) =>
  page.locator('#sent-log li').evaluateAll((lis) => lis.map((li) => JSON.parse(li.textContent ?? '{}') as { body: string; to?: string; ticket?: string }));
