/**
 * Re-reads the host page through its adapter when the DOM or URL changes, and reports the
 * result only when something the sidebar shows has changed. Hosts mutate their DOM
 * constantly, so reads are coalesced to one per animation-idle slot (at most every 250 ms).
 */
import type { HostAdapter, PageContext } from '@/lib/adapters/types';
import type { Identity } from '@/lib/schemas/records';

export interface PageSnapshot {
  identity: Identity;
  subject?: string;
  lastCustomerMessage?: string;
  composerCount: number;
  missing: string[];
  url: string;
}

export const snapshotOf = (ctx: PageContext, url: string): PageSnapshot => ({
  identity: ctx.identity,
  ...(ctx.subject ? { subject: ctx.subject } : {}),
  ...(ctx.lastCustomerMessage ? { lastCustomerMessage: ctx.lastCustomerMessage } : {}),
  composerCount: ctx.composers.length,
  missing: ctx.missing,
  url,
});

const key = (s: PageSnapshot) =>
  JSON.stringify([s.identity, s.subject, s.lastCustomerMessage?.slice(0, 500), s.composerCount, s.missing]);

/** Read the page, never letting an adapter bug reach the host page. */
export function safeRead(adapter: HostAdapter, doc: Document, onError: (e: unknown) => void): PageContext {
  try {
    return adapter.read(doc);
  } catch (e) {
    onError(e);
    return { identity: {}, composers: [], missing: ['the page layout Rapport expected (it may have changed)'] };
  }
}

const ignorable = (node: Node): boolean => {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest('[data-rapport-ui], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
};

export function watchPage(opts: {
  adapter: HostAdapter;
  doc: Document;
  signal: AbortSignal;
  onChange: (s: PageSnapshot) => void;
  onError: (e: unknown) => void;
  /** Every read, changed or not (the frame hub learns where the editors live). */
  onRead?: (ctx: PageContext) => void;
  minIntervalMs?: number;
}): { refresh: () => void } {
  const { adapter, doc, signal, onChange, onError } = opts;
  const minInterval = opts.minIntervalMs ?? 250;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;

  const run = () => {
    timer = undefined;
    lastRun = performance.now();
    const ctx = safeRead(adapter, doc, onError);
    opts.onRead?.(ctx);
    const snap = snapshotOf(ctx, doc.location.href);
    const k = key(snap);
    if (k !== last) {
      last = k;
      onChange(snap);
    }
  };
  const schedule = () => {
    if (signal.aborted || timer !== undefined) return;
    const wait = Math.max(0, minInterval - (performance.now() - lastRun));
    timer = setTimeout(run, wait);
  };

  const observer = new MutationObserver((records) => {
    // Our own shadow host changing is not a page change, and neither is the agent typing: the
    // customer is never inside the reply editor, so keystrokes cause no page reads.
    if (records.every((r) => ignorable(r.target))) return;
    schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-current', 'data-is-active', 'value', 'data-hovercard-id', 'alt'] });
  doc.addEventListener('focusin', schedule, { signal });
  doc.defaultView?.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  run();
  return { refresh: schedule };
}
