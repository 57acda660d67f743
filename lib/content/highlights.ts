/**
 * Highlights of the reply check's findings, drawn OVER the agent's text.
 *
 * Writing assistants that wrap words in their own spans leak that markup into sent mail and
 * fight rich editors for their DOM (peers.md §5-G). Here the editor is only ever read: each
 * finding's text is located as a DOM Range (lib/content/highlights/text-map.ts; a mirror for
 * <textarea>), its client rects are copied into a fixed, pointer-events:none layer in
 * Rapport's own shadow root, and that layer is redrawn when the analysis, the scroll position
 * or a size changes, at most once per animation frame. Typing itself costs nothing here: the
 * draft is already debounced by the draft watcher; the first keystroke after a redraw only dims
 * the boxes (one attribute) and unhooks itself until the next analysis redraws them where the
 * text now is.
 */
import { isNode, isTextField } from '@/lib/adapters/dom';
import type { Finding, Severity } from '@/lib/analysis';
import type { Store } from './store';
import { flatten, indexDom, rangeOfSpan, offsetsInText, type FlatText } from './highlights/text-map';
import { TextareaMirror } from './highlights/mirror';

export const HIGHLIGHTS_UI = 'highlights';

const PROBE = 'rapport-highlights-probe';

type TextField = HTMLTextAreaElement | HTMLInputElement;

interface Box {
  rect: DOMRect;
  rule: string;
  severity: Severity;
  finding: number;
}

/** Where a finding sits in the editor, kept between layouts for the caret tooltip. */
interface Placed {
  finding: Finding;
  /** A live Range (contenteditable) or value offsets (textarea). */
  where: Range | { start: number; end: number };
  first: DOMRect;
}

const STYLE = `
:host { all: initial; }
.layer { position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; }
.hl { position: absolute; box-sizing: border-box; pointer-events: none; border-radius: 2px; mix-blend-mode: multiply; transition: opacity .12s; }
.hl.warning { background: rgba(234, 88, 12, .13); box-shadow: inset 0 -2px 0 rgba(234, 88, 12, .85); }
.hl.info { background: rgba(37, 99, 235, .08); box-shadow: inset 0 -2px 0 rgba(37, 99, 235, .6); }
.layer[data-stale] .hl { opacity: .35; }
.tip { position: absolute; width: max-content; max-width: 320px; padding: 4px 8px; border-radius: 4px; background: #1f2937; color: #fff;
  font: 12px/1.35 system-ui, sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.25); pointer-events: none; }
.tip[hidden] { display: none; }
.mirror { pointer-events: none; }
`;

const intersect = (a: DOMRect, b: DOMRect): DOMRect | null => {
  const l = Math.max(a.left, b.left);
  const t = Math.max(a.top, b.top);
  const r = Math.min(a.right, b.right);
  const btm = Math.min(a.bottom, b.bottom);
  return r > l && btm > t ? new DOMRect(l, t, r - l, btm - t) : null;
};

/** The visible part of an element's padding box, in its own document's viewport. */
function clientBox(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  return new DOMRect(r.left + el.clientLeft, r.top + el.clientTop, el.clientWidth || r.width, el.clientHeight || r.height);
}

/** Ancestors whose overflow clips the editor (scrolling panes), found once per editor. */
function clippingAncestors(editor: HTMLElement): Element[] {
  const view = editor.ownerDocument.defaultView;
  const out: Element[] = [];
  if (!view) return out;
  for (let el = editor.parentElement; el && el !== editor.ownerDocument.documentElement; el = el.parentElement) {
    const cs = view.getComputedStyle(el);
    if (/(auto|scroll|hidden|clip)/.test(`${cs.overflowX} ${cs.overflowY}`)) out.push(el);
  }
  return out;
}

/**
 * From an editor's document to the top document: the offset of each same-origin frame's
 * content box and the frame's visible box (CKEditor 4 in an iframe, Salesforce's nested ones).
 * Null when a frame between them is cross-origin (then nothing can be placed).
 */
function frameChain(editorDoc: Document, top: Document): { dx: number; dy: number; clip: DOMRect | null } | null {
  let dx = 0;
  let dy = 0;
  let clip: DOMRect | null = null;
  for (let d = editorDoc; d !== top; ) {
    const fe = d.defaultView?.frameElement as HTMLElement | null | undefined;
    if (!fe) return null;
    const view = fe.ownerDocument.defaultView;
    const cs = view?.getComputedStyle(fe);
    const r = fe.getBoundingClientRect();
    const ox = r.left + fe.clientLeft + (parseFloat(cs?.paddingLeft ?? '') || 0);
    const oy = r.top + fe.clientTop + (parseFloat(cs?.paddingTop ?? '') || 0);
    // The frame's box clips what is inside it; boxes so far are in the inner document's coordinates.
    const frameBox = new DOMRect(ox, oy, fe.clientWidth, fe.clientHeight);
    clip = clip ? intersect(new DOMRect(clip.left + ox, clip.top + oy, clip.width, clip.height), frameBox) ?? new DOMRect(0, 0, 0, 0) : frameBox;
    dx += ox;
    dy += oy;
    d = fe.ownerDocument;
  }
  return { dx, dy, clip };
}

export interface HighlightsHandle {
  /** Redraw now (tests; callers normally never need it). */
  layout(): void;
}

export function watchHighlights(opts: {
  store: Store;
  doc: Document;
  signal: AbortSignal;
  editor: () => HTMLElement | null;
  onError: (e: unknown) => void;
}): HighlightsHandle {
  const { store, doc, signal, editor: currentEditor, onError } = opts;
  const view = doc.defaultView;
  const guard = <A extends unknown[]>(fn: (...a: A) => void) => (...a: A) => {
    try {
      fn(...a);
    } catch (e) {
      onError(e);
    }
  };

  // Our own host element, outside every host container (body transforms would move a fixed layer).
  const host = doc.createElement('div');
  host.setAttribute('data-rapport-ui', HIGHLIGHTS_UI);
  host.setAttribute('aria-hidden', 'true');
  // Inline so the host needs no stylesheet of the page's; zero-size, so it never takes a click.
  host.style.cssText = 'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 2147483646;';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const tip = doc.createElement('div');
  tip.className = 'tip';
  tip.hidden = true;
  shadow.append(style, layer);
  layer.append(tip);
  const attach = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };

  let pool: HTMLElement[] = [];
  let placed: Placed[] = [];
  let mirror: TextareaMirror | null = null;
  let frame = 0;
  let draftCache: { draft: string; flat: FlatText } | null = null;
  let observedEditor: HTMLElement | null = null;
  let clipAncestors: Element[] = [];
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(guard(() => schedule())) : null;
  /** Documents our listeners are on, each with a flag our probe event sets while they survive. */
  const hooked = new Map<Document, { alive: boolean }>();

  const flatDraft = (draft: string) => {
    if (draftCache?.draft !== draft) draftCache = { draft, flat: flatten(draft) };
    return draftCache.flat;
  };

  function draw(boxes: Box[]) {
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i]!;
      let el = pool[i];
      if (!el) {
        el = doc.createElement('div');
        pool.push(el);
        layer.insertBefore(el, tip);
      }
      el.className = `hl ${b.severity}`;
      el.setAttribute('data-rule', b.rule);
      el.setAttribute('data-finding', String(b.finding));
      const s = el.style;
      s.left = `${b.rect.left}px`;
      s.top = `${b.rect.top}px`;
      s.width = `${b.rect.width}px`;
      s.height = `${b.rect.height}px`;
    }
    for (const el of pool.slice(boxes.length)) el.remove();
    pool = pool.slice(0, boxes.length);
    layer.removeAttribute('data-stale');
  }

  function clear() {
    placed = [];
    draw([]);
    disarm();
    if (!tip.hidden) tip.hidden = true;
  }

  function observe(editor: HTMLElement) {
    if (editor === observedEditor) return;
    if (observedEditor) resizes?.unobserve(observedEditor);
    observedEditor = editor;
    resizes?.observe(editor);
    clipAncestors = clippingAncestors(editor);
  }

  function layout() {
    frame = 0;
    if (signal.aborted) return;
    const { draft, analysis } = store.get();
    const findings = (analysis?.findings ?? []).map((f, i) => [f, i] as const).filter(([f]) => f.end > f.start);
    // No spans, no work: the editor is not even looked up (it may cost the adapter a page read).
    if (!draft || !findings.length) return clear();
    const editor = currentEditor();
    if (!editor?.isConnected) return clear();
    observe(editor);
    if (editor.ownerDocument !== doc) hookDocument(editor.ownerDocument);
    attach();
    const frameOffset = editor.ownerDocument === doc ? { dx: 0, dy: 0, clip: null } : frameChain(editor.ownerDocument, doc);
    if (!frameOffset) return clear();
    const { dx, dy } = frameOffset;
    // Clip to what of the editor is visible: its own box, scrolling panes around it, the frame, the viewport.
    let clip: DOMRect | null = clientBox(editor);
    for (const a of clipAncestors) clip = clip && intersect(clip, clientBox(a));
    if (clip) clip = new DOMRect(clip.left + dx, clip.top + dy, clip.width, clip.height);
    if (clip && frameOffset.clip) clip = intersect(clip, frameOffset.clip);
    if (clip && view) clip = intersect(clip, new DOMRect(0, 0, view.innerWidth, view.innerHeight));

    const flat = flatDraft(draft);
    const boxes: Box[] = [];
    const nextPlaced: Placed[] = [];
    const isTextarea = isTextField(editor);
    const dom = isTextarea ? null : indexDom(editor);
    for (const [f, i] of findings) {
      let rects: DOMRect[];
      let where: Placed['where'];
      if (isTextarea) {
        const ta = editor as TextField;
        const at = offsetsInText(ta.value, flat, f.start, f.end);
        if (!at) continue;
        mirror ??= new TextareaMirror(shadow);
        rects = mirror.rects(ta, at.start, at.end);
        where = at;
      } else {
        const range = rangeOfSpan(editor, flat, f.start, f.end, dom!);
        if (!range) continue;
        rects = [...range.getClientRects()];
        where = range;
      }
      let first: DOMRect | null = null;
      for (const r of rects) {
        if (r.width < 1 && r.height < 1) continue;
        const moved = new DOMRect(r.left + dx, r.top + dy, r.width, r.height);
        const visible = clip ? intersect(moved, clip) : null;
        if (!visible) continue;
        first ??= visible;
        boxes.push({ rect: visible, rule: f.rule, severity: f.severity, finding: i });
      }
      if (first) nextPlaced.push({ finding: f, where, first });
    }
    placed = nextPlaced;
    draw(boxes);
    if (boxes.length) arm(editor.ownerDocument);
    else disarm();
    updateTip();
  }

  const schedule = () => {
    if (frame || signal.aborted) return;
    frame = (view ?? window).requestAnimationFrame(guard(layout));
  };

  /** The finding's message next to the caret when the caret is inside a flagged span. */
  function updateTip() {
    const ed = observedEditor;
    let hit: Placed | undefined;
    if (ed && placed.length) {
      if (isTextField(ed)) {
        const ta = ed as TextField;
        if (ed.ownerDocument.activeElement === ed && ta.selectionStart !== null && ta.selectionStart === ta.selectionEnd) {
          const c = ta.selectionStart;
          hit = placed.find((p) => !('setStart' in p.where) && c >= p.where.start && c <= p.where.end);
        }
      } else {
        const sel = ed.ownerDocument.getSelection();
        if (sel?.rangeCount && sel.isCollapsed && ed.contains(sel.anchorNode)) {
          const node = sel.anchorNode!;
          const off = sel.anchorOffset;
          hit = placed.find((p) => 'setStart' in p.where && p.where.isPointInRange(node, off));
        }
      }
    }
    if (!hit) {
      if (!tip.hidden) tip.hidden = true;
      return;
    }
    tip.textContent = hit.finding.message;
    // Below the span, kept inside the viewport (the layer itself is zero-size at 0,0).
    const maxLeft = (view?.innerWidth ?? 1024) - 330;
    tip.style.left = `${Math.max(0, Math.min(hit.first.left, maxLeft))}px`;
    tip.style.top = `${hit.first.bottom + 4}px`;
    tip.hidden = false;
  }

  // Typing moves text under boxes drawn for the previous analysis: dim them (no layout read)
  // until the debounced draft brings a new analysis and they are redrawn.
  const onTyping = (e: Event) => {
    const t = e.target;
    if (pool.length && observedEditor && isNode(t) && (t === observedEditor || observedEditor.contains(t))) {
      layer.setAttribute('data-stale', '');
      if (!tip.hidden) tip.hidden = true;
      // The rest of this burst of typing costs Rapport nothing here: the next redraw re-arms.
      disarm();
    }
  };

  /**
   * Listeners that matter only while current boxes are shown (dim on typing, the caret tooltip).
   * They fire on every keystroke, so they are removed at the first keystroke in the editor and
   * added back when the next analysis is drawn.
   */
  let armed: { ctrl: AbortController; doc: Document } | null = null;
  function disarm() {
    armed?.ctrl.abort();
    armed = null;
  }
  function arm(d: Document) {
    if (armed?.doc === d) return;
    disarm();
    const ctrl = new AbortController();
    armed = { ctrl, doc: d };
    const opts = { capture: true, passive: true, signal: ctrl.signal };
    d.addEventListener('beforeinput', guard(onTyping), opts);
    d.addEventListener('selectionchange', guard(updateTip), opts);
  }

  /**
   * Listen in `d` (the top document or an editor's frame). CKEditor 4 rewrites its frame with
   * document.open(), which keeps the Document but erases its listeners: a probe event tells.
   */
  function hookDocument(d: Document) {
    const known = hooked.get(d);
    if (known) {
      known.alive = false;
      d.dispatchEvent(new Event(PROBE));
      if (known.alive) return;
    }
    const flag = { alive: true };
    hooked.set(d, flag);
    // Listeners erased with the old content: the armed ones must be added again too.
    if (known && armed?.doc === d) disarm();
    d.addEventListener(PROBE, () => { flag.alive = true; }, { signal });
    // Capture: scroll does not bubble, and any scrolling pane may move the editor.
    d.addEventListener('scroll', guard(schedule), { capture: true, passive: true, signal });
    d.defaultView?.addEventListener('resize', guard(schedule), { passive: true, signal });
  }
  hookDocument(doc);

  // Redraw when what is flagged changes; the snapshot (page re-reads) alone changes nothing drawn.
  let seen: unknown[] = [];
  let editors = -1;
  const unsubscribe = store.subscribe(
    guard(() => {
      const s = store.get();
      // How many reply editors Rapport has recognised, on our own host element: the one place a
      // page (and the benchmark's "editor appears → recognised" figure) can observe it.
      const n = s.snapshot?.composerCount ?? 0;
      if (n !== editors) {
        editors = n;
        host.setAttribute('data-editors', String(n));
      }
      const now = [s.draft, s.analysis];
      if (now.every((v, i) => v === seen[i])) return;
      seen = now;
      schedule();
    }),
  );

  signal.addEventListener('abort', () => {
    try {
      unsubscribe();
      resizes?.disconnect();
      disarm();
      if (frame) (view ?? window).cancelAnimationFrame(frame);
      mirror?.remove();
      host.remove();
    } catch (e) {
      onError(e);
    }
  });

  guard(attach)();
  schedule();
  return { layout: guard(layout) };
}
