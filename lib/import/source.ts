/**
 * Reading an import file as text, a slice at a time, so a 50 MB export never has to be one
 * string and the page stays responsive between slices. Only File/Blob APIs are used, which
 * exist in extension pages and in Node 20.
 */

export type ImportInput = string | Blob;

export interface TextSlice {
  text: string;
  /** Bytes (Blob) or characters (string) read so far, and in all. */
  done: number;
  total: number;
}

export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** Lets the page paint and handle input; a resolved promise would not. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function inputSize(input: ImportInput): number {
  return typeof input === 'string' ? input.length : input.size;
}

export function inputName(input: ImportInput): string | undefined {
  return typeof input !== 'string' && 'name' in input && typeof input.name === 'string' ? input.name : undefined;
}

/**
 * Picks the encoding from the first bytes: a BOM if there is one, else UTF-8 if the start of
 * the file is valid UTF-8, else Windows-1252 (what Excel on Windows writes for "CSV").
 */
function sniffEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: true so a character cut by the slice boundary is not mistaken for bad UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Yields the text with the BOM removed and every line ending (\r\n, \r) turned into \n, so
 * later stages count lines one way. A \r at the end of a slice is held back in case the next
 * slice starts with its \n.
 */
export async function* readText(
  input: ImportInput,
  opts: { chunkBytes?: number; signal?: AbortSignal; onEncoding?: (encoding: string) => void } = {},
): AsyncGenerator<TextSlice> {
  const chunk = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const total = inputSize(input);
  let pendingCR = false;
  const normalize = (s: string, last: boolean): string => {
    if (pendingCR) s = '\r' + s;
    pendingCR = !last && s.endsWith('\r');
    if (pendingCR) s = s.slice(0, -1);
    return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  };

  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const offset = total - text.length;
    if (text.length === 0) {
      yield { text: '', done: total, total };
      return;
    }
    for (let pos = 0; pos < text.length; pos += chunk) {
      opts.signal?.throwIfAborted();
      if (pos > 0) await nextTask();
      const end = Math.min(text.length, pos + chunk);
      yield { text: normalize(text.slice(pos, end), end === text.length), done: end + offset, total };
    }
    return;
  }

  let decoder: TextDecoder | null = null;
  if (total === 0) {
    yield { text: '', done: 0, total };
    return;
  }
  for (let pos = 0; pos < total; pos += chunk) {
    opts.signal?.throwIfAborted();
    const end = Math.min(total, pos + chunk);
    const bytes = new Uint8Array(await input.slice(pos, end).arrayBuffer());
    if (!decoder) {
      const encoding = sniffEncoding(bytes);
      opts.onEncoding?.(encoding);
      // ignoreBOM false (the default) drops the BOM for us.
      decoder = new TextDecoder(encoding);
    }
    const last = end === total;
    const text = decoder.decode(bytes, { stream: !last });
    yield { text: normalize(text, last), done: end, total };
  }
}
