/**
 * Highlights drawn over the agent's text: an overlay positioned from DOM ranges, never markup in
 * the host's editor. Run on a plain contenteditable under Trusted Types (Gmail) and on CKEditor 5
 * (Zendesk), whose model would revert or choke on foreign markup.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/test';
import { seedSample } from '../support/seed';
import { sidebar } from '../support/sidebar';
import { conformanceHosts } from '../support/conformance-hosts';
import { collapse, modelText, type ConformanceHost } from '../support/conformance';

const RULE = 'stock-apology';
const FIRST = 'the courier is booked for 9am Thursday and I will call you at 8:30.';
const PHRASE = 'We apologize for any inconvenience.';

interface Box { x: number; y: number; w: number; h: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Where the page shows `phrase` and `first` (Ranges over the editor's text nodes, as a reader
 * sees them) and every highlight box of RULE in Rapport's layer.
 */
function geometry(editor: Locator, phrase: string, first: string) {
  return editor.evaluate(
    (el, [phrase, first, rule]) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      const at = (i: number): [Text, number] => {
        let rest = i;
        for (const n of nodes) {
          if (rest <= n.data.length) return [n, rest];
          rest -= n.data.length;
        }
        throw new Error('offset outside the editor');
      };
      const boxOf = (needle: string) => {
        const i = all.indexOf(needle);
        if (i < 0) return null;
        const r = document.createRange();
        r.setStart(...at(i));
        r.setEnd(...at(i + needle.length));
        const b = r.getBoundingClientRect();
        return { x: b.left, y: b.top, w: b.width, h: b.height };
      };
      const layer = document.querySelector('[data-rapport-ui="highlights"]')?.shadowRoot;
      const hls = [...(layer?.querySelectorAll(`[data-rule="${rule}"]`) ?? [])].map((e) => {
        const b = e.getBoundingClientRect();
        return { x: b.left, y: b.top, w: b.width, h: b.height };
      });
      return { phrase: boxOf(phrase), first: boxOf(first), hls };
    },
    [phrase, first, RULE] as const,
  );
}

/** Elements or attributes of Rapport's inside the host's editor (there must be none). */
const rapportTraces = (editor: Locator) =>
  editor.evaluate((el) =>
    [el, ...el.querySelectorAll('*')].flatMap((e) => [
      ...(e.shadowRoot ? [`${e.tagName} has a shadow root`] : []),
      ...[...e.attributes].filter((a) => /rapport|^data-rule$|^data-finding$/i.test(a.name) || /rapport/i.test(a.value)).map((a) => `${e.tagName}[${a.name}]`),
      ...(/rapport/i.test(e.tagName) ? [e.tagName] : []),
    ]),
  );

async function open(page: Page, host: ConformanceHost) {
  await page.goto(host.url);
  await expect(sidebar(page).getByRole('heading', { name: host.customerName })).toBeVisible();
  // Content below the composer, so that the page itself scrolls (outside the editor: the host's DOM, not ours).
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '1500px';
    document.body.append(spacer);
  });
}

test.beforeEach(async ({ routing, extPage }) => {
  void routing;
  await seedSample(extPage);
});

test.afterEach(async ({ routing }) => {
  expect(routing.blocked).toEqual([]);
});

for (const adapter of ['gmail', 'zendesk']) {
  const host = conformanceHosts.find((h) => h.adapter === adapter)!;

  test(`${adapter}: the stock apology is highlighted over its words, follows scrolling, and leaves the editor alone`, async ({ context }) => {
    const page = await context.newPage();
    await open(page, host);
    const editor = host.editor(page);
    await editor.click();
    const firstLine = `${host.customerName.split(' ')[0]}, ${FIRST}`;
    await page.keyboard.type(firstLine);
    await page.keyboard.press('Enter');
    await page.keyboard.type(PHRASE);

    const hl = page.locator(`[data-rapport-ui="highlights"] [data-rule="${RULE}"]`);
    await expect(hl.first()).toBeVisible();
    await expect
      .poll(async () => {
        const g = await geometry(editor, PHRASE.slice(0, -1), firstLine);
        return g.phrase !== null && g.hls.length > 0 && g.hls.some((b) => overlaps(b, g.phrase!)) && !g.hls.some((b) => overlaps(b, g.first!));
      })
      .toBe(true);

    // The host's own model holds exactly what was typed; the editor holds nothing of ours.
    expect(await modelText(page)).toBe(collapse(`${firstLine} ${PHRASE}`));
    expect(await rapportTraces(editor)).toEqual([]);
    await expect(page.locator('[data-rapport-ui="highlights"]')).toHaveCSS('pointer-events', 'none');

    // The page scrolls: the highlight moves with the text.
    const before = await geometry(editor, PHRASE.slice(0, -1), firstLine);
    const scrolled = await page.evaluate(() => {
      window.scrollBy(0, 120);
      return window.scrollY;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const g = await geometry(editor, PHRASE.slice(0, -1), firstLine);
        return g.phrase!.y < before.phrase!.y - 60 && g.hls.length > 0 && g.hls.every((b) => overlaps(b, g.phrase!));
      })
      .toBe(true);

    // Deleting the phrase removes its highlight; the first paragraph stays as typed.
    for (let i = 0; i < PHRASE.length; i++) await page.keyboard.press('Backspace');
    await expect(hl).toHaveCount(0);
    expect(await modelText(page)).toBe(collapse(firstLine));
    expect(await rapportTraces(editor)).toEqual([]);
  });
}
