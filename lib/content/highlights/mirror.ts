/**
 * Screen rectangles of a span of a <textarea>'s value. A textarea's text has no DOM nodes to
 * put a Range on, so its text is copied into an invisible element with the same box and text
 * styles (the "mirror" technique), the span is measured there and shifted by the textarea's
 * scroll position. The mirror lives in Rapport's own shadow root, never in the host's DOM.
 */

/** Styles that decide where a textarea wraps and places each character. */
const COPIED = [
  'direction', 'boxSizing', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily', 'fontFeatureSettings', 'fontKerning',
  'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'textRendering', 'unicodeBidi',
] as const;

export class TextareaMirror {
  private readonly box: HTMLDivElement;
  private readonly before: Text;
  private readonly span: Text;
  private readonly after: Text;

  constructor(container: ShadowRoot | HTMLElement) {
    const doc = container.ownerDocument ?? (container as ShadowRoot).host.ownerDocument;
    this.box = doc.createElement('div');
    this.box.setAttribute('aria-hidden', 'true');
    this.box.className = 'mirror';
    this.before = doc.createTextNode('');
    this.span = doc.createTextNode('');
    // A trailing character keeps a final newline's line box, as the textarea has one.
    this.after = doc.createTextNode('');
    this.box.append(this.before, this.span, this.after);
    container.append(this.box);
  }

  /** Viewport rectangles of `ta.value.slice(start, end)` as the textarea shows it now. */
  rects(ta: HTMLTextAreaElement | HTMLInputElement, start: number, end: number): DOMRect[] {
    const view = ta.ownerDocument.defaultView;
    if (!view) return [];
    const cs = view.getComputedStyle(ta);
    const s = this.box.style;
    for (const p of COPIED) s[p] = cs[p];
    s.borderColor = 'transparent';
    const r = ta.getBoundingClientRect();
    // The textarea wraps inside its client width: a vertical scrollbar takes its share.
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const br = parseFloat(cs.borderRightWidth) || 0;
    const scrollbar = Math.max(0, ta.offsetWidth - ta.clientWidth - bl - br);
    s.position = 'absolute';
    s.left = `${r.left}px`;
    s.top = `${r.top}px`;
    s.boxSizing = 'border-box';
    s.width = `${Math.max(0, r.width - scrollbar)}px`;
    s.height = 'auto';
    // A single-line input never wraps; a textarea wraps long words too.
    s.whiteSpace = ta.tagName === 'INPUT' ? 'pre' : 'pre-wrap';
    s.overflowWrap = 'break-word';
    s.wordBreak = cs.wordBreak;
    s.overflow = 'hidden';
    s.visibility = 'hidden';
    const v = ta.value;
    this.before.data = v.slice(0, start);
    this.span.data = v.slice(start, end);
    this.after.data = `${v.slice(end)}\u200b`;
    const range = this.box.ownerDocument.createRange();
    range.selectNodeContents(this.span);
    const dx = -ta.scrollLeft;
    const dy = -ta.scrollTop;
    return [...range.getClientRects()].map((q) => new DOMRect(q.left + dx, q.top + dy, q.width, q.height));
  }

  remove(): void {
    this.box.remove();
  }
}
