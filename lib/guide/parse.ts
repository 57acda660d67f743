/**
 * Reading a guide: text → JSON → (migrations) → current schema → guide + warnings.
 * This is the one boundary every guide crosses (file, options-page editor, subscription URL,
 * managed storage), so everything downstream trusts a `Guide`.
 */
import { hosts } from '@/lib/adapters/hosts';
import { formatIssues, formatMessage, unknownFieldPaths, type PathSegment } from './issues';
import { locateJsonError } from './json-error';
import { guideMigrations } from './migrations';
import { CURRENT_GUIDE_SCHEMA_VERSION, guideSchema, type Guide } from './schema';
import { isCatchAllMatchPattern } from './validators';

export type ParseResult = { ok: true; guide: Guide; warnings: string[] } | { ok: false; errors: string[] };

export interface ParseTextOptions {
  /**
   * Largest accepted input, in UTF-8 bytes. A guide is a few kilobytes; a megabyte means the
   * wrong file (or a hostile URL), and parsing it would stall the options page.
   * @default 1048576 (1 MB)
   */
  maxBytes?: number;
}

export const DEFAULT_MAX_GUIDE_BYTES = 1024 * 1024;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `(root): file is too large (${formatBytes(bytes)}); a guide may be at most ${formatBytes(maxBytes)}`;
}

function describeJsonError(text: string, err: unknown): string {
  const located = locateJsonError(text);
  if (located) return `(root): invalid JSON at line ${located.line}, column ${located.column}: ${located.reason}`;
  // The scanner accepts everything JSON.parse accepts, so this is only a safety net.
  return `(root): invalid JSON: ${err instanceof Error ? err.message : String(err)}`;
}

/** Size check and `JSON.parse`, with errors in the same path form as schema errors. */
export function parseJsonText(
  text: string,
  opts: ParseTextOptions = {},
): { ok: true; json: unknown } | { ok: false; errors: string[] } {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_GUIDE_BYTES;
  // Every UTF-16 unit is at least one UTF-8 byte, so the cheap length test rejects huge input
  // before encoding it.
  if (text.length > maxBytes) return { ok: false, errors: [tooLargeMessage(text.length, maxBytes)] };
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) return { ok: false, errors: [tooLargeMessage(bytes, maxBytes)] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
  if (body.trim() === '') return { ok: false, errors: ['(root): file is empty; expected a JSON object'] };
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch (err) {
    return { ok: false, errors: [describeJsonError(body, err)] };
  }
}

/** Bring any supported version up to the current one, or explain why not. */
function migrate(json: Record<string, unknown>): { ok: true; value: Record<string, unknown>; from: number } | { ok: false; errors: string[] } {
  const version = json.schemaVersion;
  if (version === undefined) return { ok: false, errors: ['schemaVersion: expected number (missing)'] };
  if (typeof version !== 'number') return { ok: false, errors: ['schemaVersion: expected number'] };
  if (!Number.isInteger(version) || version < 1) return { ok: false, errors: ['schemaVersion: expected a whole number of at least 1'] };
  if (version > CURRENT_GUIDE_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [`schemaVersion: version ${version} is newer than this Rapport understands (up to ${CURRENT_GUIDE_SCHEMA_VERSION}); update Rapport`],
    };
  }
  let value = json;
  for (let v = version; v < CURRENT_GUIDE_SCHEMA_VERSION; v++) {
    const step = guideMigrations.find((m) => m.from === v);
    if (!step) return { ok: false, errors: [`schemaVersion: no upgrade from version ${v} is available`] };
    const result = step.run(value);
    if (!result.ok) return { ok: false, errors: formatIssues(result.issues, value) };
    value = result.value;
  }
  return { ok: true, value, from: version };
}

const BUILT_IN_SITES: ReadonlySet<string> = new Set(hosts.map((h) => h.id));

/** Checks that do not make a guide unusable but that a lead wants to hear about. */
function reviewGuide(guide: Guide, warnings: string[]): Guide {
  const warn = (path: PathSegment[], reason: string) => warnings.push(formatMessage(path, reason));

  const seenAvoid = new Map<string, number>();
  const avoid = guide.avoid.map((rule, i) => {
    const key = rule.phrase !== undefined ? `phrase:${rule.phrase.toLowerCase()}` : `pattern:/${rule.pattern}/${rule.flags ?? ''}`;
    const first = seenAvoid.get(key);
    if (first !== undefined) warn(['avoid', i], `repeats avoid[${first}]`);
    else seenAvoid.set(key, i);
    if (rule.phrase !== undefined && rule.flags !== undefined) {
      // Phrases are matched case-insensitively on word boundaries by the analyzer; flags would
      // suggest otherwise, so drop them rather than let the lead believe they do something.
      warn(['avoid', i, 'flags'], 'only applies to a pattern, ignored');
      const { flags: _ignored, ...rest } = rule;
      return rest;
    }
    return rule;
  });

  for (const list of ['boilerplate', 'required'] as const) {
    const seen = new Map<string, number>();
    (guide[list] ?? []).forEach((item: string, i) => {
      const first = seen.get(item);
      if (first !== undefined) warn([list, i], `repeats ${list}[${first}]`);
      else seen.set(item, i);
    });
  }

  const genericIds = new Set((guide.generic ?? []).map((g) => g.id));
  for (const site of Object.keys(guide.sites ?? {})) {
    if (!BUILT_IN_SITES.has(site) && !genericIds.has(site)) {
      warn(['sites', site], `no built-in site or generic adapter has this id (built-in: ${[...BUILT_IN_SITES].join(', ')}); the switch has no effect`);
    }
  }
  (guide.generic ?? []).forEach((g, i) => {
    if (isCatchAllMatchPattern(g.urlPattern)) warn(['generic', i, 'urlPattern'], "matches every site; narrow it to the in-house tool's address");
  });

  return { ...guide, avoid };
}

/**
 * Validate a guide already parsed from JSON. Runs migrations from any earlier `schemaVersion`,
 * then the current schema. Errors and warnings read `path: reason`.
 */
export function parseGuide(json: unknown): ParseResult {
  if (!isPlainObject(json)) return { ok: false, errors: ['(root): expected a JSON object'] };
  const migrated = migrate(json);
  if (!migrated.ok) return migrated;
  const { value, from } = migrated;

  const parsed = guideSchema.safeParse(value);
  const errors = parsed.success ? [] : formatIssues(parsed.error.issues, value);
  // Generic adapter ids share the site-switch namespace with built-in hosts.
  const generic = Array.isArray(value.generic) ? value.generic : [];
  generic.forEach((g: unknown, i) => {
    if (isPlainObject(g) && typeof g.id === 'string' && BUILT_IN_SITES.has(g.id)) {
      errors.push(formatMessage(['generic', i, 'id'], `"${g.id}" is a built-in site id; choose another`));
    }
  });
  if (!parsed.success || errors.length > 0) return { ok: false, errors };

  const warnings: string[] = [];
  if (from < CURRENT_GUIDE_SCHEMA_VERSION) {
    warnings.push(formatMessage(['schemaVersion'], `file uses version ${from}; read as version ${CURRENT_GUIDE_SCHEMA_VERSION}`));
  }
  for (const path of unknownFieldPaths(guideSchema, value)) warnings.push(formatMessage(path, 'unknown field, ignored'));
  const guide = reviewGuide(parsed.data, warnings);
  return { ok: true, guide, warnings };
}

/** `parseJsonText` then `parseGuide`: what the options page runs on pasted or downloaded text. */
export function parseGuideText(text: string, opts: ParseTextOptions = {}): ParseResult {
  const json = parseJsonText(text, opts);
  return json.ok ? parseGuide(json.json) : json;
}

/**
 * The guide as a file: the current schema's field order, two-space indent, trailing newline.
 * `parseGuide(JSON.parse(serializeGuide(g)))` gives `g` back (tested as a property).
 */
export function serializeGuide(guide: Guide): string {
  return `${JSON.stringify(guide, null, 2)}\n`;
}
