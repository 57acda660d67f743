/**
 * The contract every host fixture signs so that one conformance suite
 * (tests/e2e/specs/conformance.spec.ts) runs the same scenarios on every adapter.
 *
 * A fixture page (tests/e2e/fixtures/hosts/<adapter>/) must:
 * - show one of the seeded sample customers (lib/demo/sample-data.ts) as the customer;
 * - mount the real editor library for that host;
 * - expose `window.__fixture.text()`: the host's OWN model of the reply as plain text with
 *   whitespace collapsed (CKEditor getData, ProseMirror doc, Quill getText, textarea value),
 *   i.e. what the host would send;
 * - on Send (click, Enter/Space on the focused button, and its keyboard shortcut if it has
 *   one) append `JSON.stringify({ body })` (more fields allowed) to `<ol id="sent-log">` and
 *   clear the editor; an empty reply sends nothing.
 * Each fixture folder exports its entries from `conformance.ts`; list them in
 * tests/e2e/support/conformance-hosts.ts (a unit test checks every adapter has one).
 */
import type { Locator, Page } from '@playwright/test';
import { sentLog } from './sidebar';

export interface ConformanceHost {
  /** The adapter under test (its lib/adapters/<id> folder name). */
  adapter: string;
  /** What this entry adds when an adapter has several (e.g. 'German UI', 'right-to-left'). */
  variant?: string;
  url: string;
  /** The sample customer's name as the sidebar heading shows it. */
  customerName: string;
  /** The element the agent types into (inside its iframe when the editor is framed). */
  editor(page: Page): Locator;
  /** The Send control of that composer. */
  sendButton(page: Page): Locator;
  /** The host's send shortcut in Playwright key syntax, when it has one ('Control+Enter'). */
  sendShortcut?: string;
  /**
   * Runs in an extension page before the host page opens, for hosts that need configuration
   * first (the generic adapter: a team guide and a granted, registered origin).
   */
  setup?(extPage: Page): Promise<void>;
}

export const title = (h: ConformanceHost) => `${h.adapter}${h.variant ? ` (${h.variant})` : ''}`;

/** The host's own model of the reply (the fixture contract above), whitespace-collapsed. */
export const modelText = (page: Page): Promise<string> =>
  page.evaluate(() => (window as unknown as { __fixture: { text(): string } }).__fixture.text());

/** Bodies the host sent, in order. */
export const sentBodies = async (page: Page): Promise<string[]> => (await sentLog(page)).map((e) => e.body);

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
