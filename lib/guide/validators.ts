/**
 * Small syntactic checks the guide schema needs and zod does not ship. Pure functions, safe in
 * every extension context and in Node.
 */

/** Ids in a guide (escalations, generic adapters, site switches) are permanent keys: kebab-case. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MATCH_PATTERN = /^(\*|https?|wss?|ftp|file|urn):\/\/([^/]*)(\/.*)$/;

/**
 * Whether `pattern` is a valid Chrome match pattern
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 * Checked here, not when the lead's generic adapter is first registered, so a typo surfaces in
 * `npm run guide -- validate` instead of as a content script that silently never runs.
 */
export function isChromeMatchPattern(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = MATCH_PATTERN.exec(pattern);
  if (!m) return false;
  const scheme = m[1] ?? '';
  const hostPort = m[2] ?? '';
  if (scheme === 'file') return hostPort === '';
  if (hostPort === '') return false;
  const [host = '', port, ...rest] = hostPort.split(':');
  if (rest.length > 0) return false;
  if (port !== undefined && port !== '*' && !/^\d{1,5}$/.test(port)) return false;
  if (host === '*') return true;
  // `*` is only allowed as the whole host or as a leading `*.` label.
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  return bare.length > 0 && !bare.includes('*') && /^[a-z0-9.-]+$/i.test(bare);
}

/** Match patterns that would run the generic adapter on every site, which is never what a lead means. */
export function isCatchAllMatchPattern(pattern: string): boolean {
  return pattern === '<all_urls>' || /^(\*|https?):\/\/\*(:\*)?\/\*$/.test(pattern);
}

/**
 * A cheap structural check of a CSS selector: balanced brackets, parentheses and quotes.
 * Node has no selector engine, so the full check (`querySelector` throwing SyntaxError) only
 * runs where a DOM exists (the options page); this one catches the common typos everywhere.
 * Returns the reason, or null when the selector looks well formed.
 */
export function selectorProblem(selector: string): string | null {
  if (selector.trim() === '') return 'must not be empty';
  const closers: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') closers.push(']');
    else if (c === '(') closers.push(')');
    else if (c === ']' || c === ')') {
      if (closers.pop() !== c) return `unbalanced "${c}" in CSS selector`;
    }
  }
  if (quote) return 'unclosed quote in CSS selector';
  if (closers.length > 0) return `missing "${closers[closers.length - 1]}" in CSS selector`;
  const doc = (globalThis as { document?: Document }).document;
  if (doc && typeof doc.createDocumentFragment === 'function') {
    try {
      doc.createDocumentFragment().querySelector(selector);
    } catch {
      return 'not a valid CSS selector';
    }
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** ISO 8601 calendar date or date-time with an explicit offset, and a real calendar day. */
export function isIsoDateOrDateTime(value: string): boolean {
  if (!ISO_DATE.test(value) && !ISO_DATE_TIME.test(value)) return false;
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
