/**
 * Maps a finding's offsets (UTF-16 offsets into the draft, which is the editor's innerText:
 * block boundaries turned into \n, \u00a0 into spaces, trimmed) back onto the editor's DOM.
 *
 * innerText and the text nodes disagree exactly on whitespace: paragraphs add newlines that no
 * text node holds, editors keep runs of spaces as \u00a0 or collapse them, fillers (\u200b,
 * CKEditor's \u2060 run) are invisible. So both sides are compared with every whitespace and
 * zero-width character removed, and a flagged text that occurs several times is located by its
 * occurrence index: the k-th "we apologize…" in the draft is the k-th in the DOM. When the
 * DOM no longer contains that occurrence (the agent edited it since the analysis), there is no
 * range, so no stale highlight is drawn over different words.
 */

/** Characters innerText and the DOM may disagree on; ignored on both sides. */
const IGNORED = /[\s\u00a0\u200b-\u200d\u2060\ufeff]/;
/** Text under these elements is never part of innerText. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The comparable characters of a text and, per character, where it came from. */
export interface FlatText {
  flat: string;
  /** Index into `flat` of the first comparable character at or after each source offset (length + 1 entries). */
  before: Int32Array;
}

/** Draft side: comparable characters and a prefix count for offset translation. */
export function flatten(text: string): FlatText {
  const before = new Int32Array(text.length + 1);
  let flat = '';
  for (let i = 0; i < text.length; i++) {
    before[i] = flat.length;
    const ch = text[i]!;
    if (!IGNORED.test(ch)) flat += ch;
  }
  before[text.length] = flat.length;
  return { flat, before };
}

/** DOM side: comparable characters of an element's text nodes, each with its node and offset. */
export interface DomText {
  flat: string;
  nodes: Text[];
  node: Int32Array;
  offset: Int32Array;
}

function hiddenByMarkup(t: Text, root: Node): boolean {
  for (let el = t.parentElement; el && el !== root; el = el.parentElement) {
    if (SKIP.has(el.tagName) || el.hasAttribute('hidden')) return true;
  }
  return false;
}

export function indexDom(root: Element): DomText {
  const doc = root.ownerDocument;
  // NodeFilter.SHOW_TEXT, spelled as a number: content scripts and happy-dom both have it, but not every realm's global.
  const walker = doc.createTreeWalker(root, 4);
  const nodes: Text[] = [];
  const chars: string[] = [];
  const node: number[] = [];
  const offset: number[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (!t.data || hiddenByMarkup(t, root)) continue;
    const idx = nodes.push(t) - 1;
    const data = t.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (IGNORED.test(ch)) continue;
      chars.push(ch);
      node.push(idx);
      offset.push(i);
    }
  }
  return { flat: chars.join(''), nodes, node: Int32Array.from(node), offset: Int32Array.from(offset) };
}

/** Where the `occurrence`-th (0-based, overlapping matches counted) `needle` starts in `hay`, or -1. */
function nthIndex(hay: string, needle: string, occurrence: number): number {
  let at = hay.indexOf(needle);
  for (let k = 0; at >= 0 && k < occurrence; k++) at = hay.indexOf(needle, at + 1);
  return at;
}

/** Which occurrence of `needle` starts at `pos` in `hay` (0-based). */
function occurrenceAt(hay: string, needle: string, pos: number): number {
  let k = 0;
  for (let at = hay.indexOf(needle); at >= 0 && at < pos; at = hay.indexOf(needle, at + 1)) k++;
  return k;
}

/**
 * The span of the flat DOM text that holds `draft.slice(start, end)`, as indexes into
 * `dom.flat` (end exclusive), or null when the editor no longer shows that text.
 */
export function locate(draft: FlatText, domFlat: string, start: number, end: number): { from: number; to: number } | null {
  const n = draft.before.length - 1;
  if (!(start >= 0 && end <= n && end > start)) return null;
  const a = draft.before[start]!;
  const b = draft.before[end]!;
  if (b <= a) return null; // only whitespace was flagged: nothing to draw
  const needle = draft.flat.slice(a, b);
  // The k-th occurrence in the draft is taken to be the k-th on screen (repeated phrases).
  const k = occurrenceAt(draft.flat, needle, a);
  const from = nthIndex(domFlat, needle, k);
  return from < 0 ? null : { from, to: from + needle.length };
}

/** A DOM Range over `draft.slice(start, end)` inside `root`, or null when the text is not there now. */
export function rangeOfSpan(root: Element, draft: string | FlatText, start: number, end: number, dom: DomText = indexDom(root)): Range | null {
  const d = typeof draft === 'string' ? flatten(draft) : draft;
  const hit = locate(d, dom.flat, start, end);
  if (!hit) return null;
  const range = root.ownerDocument.createRange();
  const last = hit.to - 1;
  const endNode = dom.nodes[dom.node[last]!]!;
  let endOffset = dom.offset[last]! + 1;
  // Never end a range between the halves of a surrogate pair (an offset that split one).
  if (endOffset < endNode.data.length && /[\udc00-\udfff]/.test(endNode.data[endOffset]!)) endOffset++;
  range.setStart(dom.nodes[dom.node[hit.from]!]!, dom.offset[hit.from]!);
  range.setEnd(endNode, endOffset);
  return range;
}

/** Offsets into a plain string (a textarea's value) of `draft.slice(start, end)`, or null. */
export function offsetsInText(text: string, draft: string | FlatText, start: number, end: number): { start: number; end: number } | null {
  const d = typeof draft === 'string' ? flatten(draft) : draft;
  const t = flatten(text);
  const hit = locate(d, t.flat, start, end);
  if (!hit) return null;
  // `before` is monotonic: the first source offset whose prefix count reaches `from` is where that character sits.
  const at = (flatIdx: number) => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.before[mid + 1]! <= flatIdx) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { start: at(hit.from), end: at(hit.to - 1) + 1 };
}
