import type { Locator, Page } from '@playwright/test';

/** Rapport's UI lives in an open shadow root; Playwright's locators pierce it. */
export const sidebar = (page: Page) => page.getByRole('complementary', { name: /Rapport/ });
export const launcher = (page: Page) => page.getByRole('button', { name: /Open Rapport/ });

/** Entries the fixture host recorded as sent (what the host itself saw). */
export const sentLog = (page: Page) =>
  page.locator('#sent-log li').evaluateAll((lis) => lis.map((li) => JSON.parse(li.textContent ?? '{}') as { body: string; to?: string; ticket?: string }));

/**
 * Click once the element has stopped moving. The reply check above the suggestions grows and
 * shrinks as the draft is re-analysed (debounced), which can move a button between Playwright's
 * own stability check and the click; this waits until two reads 250 ms apart agree.
 */
export async function clickWhenSettled(locator: Locator): Promise<void> {
  const box = async () => JSON.stringify(await locator.boundingBox());
  let before = await box();
  for (let i = 0; i < 20; i++) {
    await locator.page().waitForTimeout(250);
    const now = await box();
    if (now === before) break;
    before = now;
  }
  await locator.click();
}
