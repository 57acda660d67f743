/**
 * Reading a guide file from disk (Node only: CLIs, tests, the demo).
 *
 * lib/guide is imported by the background, options page and content scripts, so nothing here
 * may pull `node:fs` into their bundles. The module is loaded with a dynamic import whose
 * specifier is a variable: Vite/Rollup (WXT's bundler) leave such an import alone instead of
 * resolving it, and the function that runs it is never called in the extension.
 */
import { DEFAULT_MAX_GUIDE_BYTES, parseGuideText, tooLargeMessage, type ParseResult, type ParseTextOptions } from './parse';

type FsPromises = typeof import('node:fs/promises');

const FS_MODULE = 'node:fs/promises';

async function nodeFs(): Promise<FsPromises> {
  return (await import(/* @vite-ignore */ FS_MODULE)) as FsPromises;
}

function describeFsError(path: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : err instanceof Error
            ? err.message
            : String(err);
  return `(root): cannot read ${path}: ${why}`;
}

/** Read a text file of at most `maxBytes`, checking the size before reading it all. */
export async function readGuideFileText(
  path: string,
  opts: ParseTextOptions = {},
): Promise<{ ok: true; text: string } | { ok: false; errors: string[] }> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_GUIDE_BYTES;
  try {
    const fs = await nodeFs();
    const info = await fs.stat(path);
    if (info.isDirectory()) return { ok: false, errors: [describeFsError(path, { code: 'EISDIR' })] };
    if (info.size > maxBytes) return { ok: false, errors: [tooLargeMessage(info.size, maxBytes)] };
    return { ok: true, text: await fs.readFile(path, 'utf8') };
  } catch (err) {
    return { ok: false, errors: [describeFsError(path, err)] };
  }
}

/** Read and parse a guide file. An unreadable file is `ok: false` with a message, never a throw. */
export async function loadGuideFile(path: string, opts: ParseTextOptions = {}): Promise<ParseResult> {
  const read = await readGuideFileText(path, opts);
  return read.ok ? parseGuideText(read.text, opts) : read;
}
