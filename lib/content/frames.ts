/**
 * Listeners in every document that holds a reply editor. Some hosts put the editor in a
 * same-origin iframe (Salesforce's CKEditor 4) and rewrite that iframe with
 * document.open()/write(), which erases every listener in it; events there never reach the
 * top document. The hub attaches each watcher's listeners to the top document and to every
 * editor document it is told about, and re-attaches when a probe shows they were erased.
 */
export type Attach = (doc: Document, signal: AbortSignal) => void;

export interface FrameHub {
  /** Run `attach` on the top document now and on every tracked frame document, now and later. */
  add(attach: Attach): void;
  /** The documents the page's editors live in right now (the top document is ignored). */
  track(docs: Iterable<Document>): void;
  /** Frame documents currently attached (for tests and the periodic check). */
  frames(): Document[];
}

const PROBE = 'rapport-listener-probe';

export function createFrameHub(top: Document, signal: AbortSignal, onError: (e: unknown) => void): FrameHub {
  const attachers: Attach[] = [];
  const frames = new Map<Document, { ctrl: AbortController; alive: { v: boolean } }>();

  const attachAll = (doc: Document) => {
    frames.get(doc)?.ctrl.abort();
    const ctrl = new AbortController();
    signal.addEventListener('abort', () => ctrl.abort(), { once: true });
    const alive = { v: false };
    doc.addEventListener(PROBE, () => { alive.v = true; }, { signal: ctrl.signal });
    frames.set(doc, { ctrl, alive });
    for (const a of attachers) {
      try {
        a(doc, ctrl.signal);
      } catch (e) {
        onError(e);
      }
    }
  };

  /** document.open() keeps the Document object but erases its listeners: ask it. */
  const stillAttached = (doc: Document) => {
    const f = frames.get(doc);
    if (!f) return false;
    f.alive.v = false;
    doc.dispatchEvent(new Event(PROBE));
    return f.alive.v;
  };

  return {
    add(attach) {
      attachers.push(attach);
      attach(top, signal);
      for (const [doc, f] of frames) attach(doc, f.ctrl.signal);
    },
    track(docs) {
      try {
        for (const doc of docs) {
          if (doc === top || !doc.defaultView) continue;
          if (!stillAttached(doc)) attachAll(doc);
        }
        // Frames that went away take their listeners with them.
        for (const [doc, f] of frames) {
          if (!doc.defaultView) {
            f.ctrl.abort();
            frames.delete(doc);
          }
        }
      } catch (e) {
        onError(e);
      }
    },
    frames: () => [...frames.keys()],
  };
}
