/**
 * Email normalisation: one spelling per mailbox, so the same customer found on a host page,
 * in an import and in a sent reply lands on the same record.
 */

/** Providers known to ignore dots and +tags in the local part; for anyone else they may matter. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

// Unquoted local parts only (RFC 5321 dot-atom); quoted local parts are legal but so rare in CRM
// data that accepting them would mostly let junk through. Unicode letters are allowed (RFC 6531).
const LOCAL_ATOM = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function normalizeEmail(raw: string): string | null {
  let s = raw.trim();
  // "Jane Doe <jane@x.com>" / "\"Doe, Jane\" <jane@x.com>": the address is what is in the brackets.
  const angled = /<([^<>]*)>\s*$/.exec(s);
  if (angled) s = angled[1]!.trim();
  if (/^mailto:/i.test(s)) {
    s = s.slice('mailto:'.length);
    // mailto: may carry ?subject=… and percent-escapes.
    const q = s.indexOf('?');
    if (q >= 0) s = s.slice(0, q);
    try {
      s = decodeURIComponent(s);
    } catch {
      return null;
    }
    s = s.trim();
  }
  if (s.length > 254) return null;
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  let local = s.slice(0, at).toLowerCase();
  const domain = normalizeDomain(s.slice(at + 1));
  if (!domain || !validLocal(local)) return null;
  if (GMAIL_DOMAINS.has(domain)) {
    // Gmail delivers j.a.n.e+shop@ to jane@, so they are one customer.
    local = local.split('+')[0]!.replaceAll('.', '');
    if (!local) return null;
    return `${local}@gmail.com`;
  }
  return `${local}@${domain}`;
}

function validLocal(local: string): boolean {
  if (local.length > 64) return false;
  return local.split('.').every((atom) => atom.length > 0 && LOCAL_ATOM.test(atom));
}

// Most addresses in a file share a few domains; checking each once saves the regex work.
const domains = new Map<string, string | null>();

function normalizeDomain(raw: string): string | null {
  let d = domains.get(raw);
  if (d === undefined) {
    d = checkDomain(raw);
    if (domains.size >= 5000) domains.clear();
    domains.set(raw, d);
  }
  return d;
}

function checkDomain(raw: string): string | null {
  let d = raw.toLowerCase();
  if (d.endsWith('.')) d = d.slice(0, -1); // the fully-qualified form names the same host
  if (!d || /[\s/\\?#@:[\]%]/.test(d)) return null;
  if (/[^\x00-\x7f]/.test(d)) {
    // bücher.de and xn--bcher-kva.de are the same domain; the URL parser applies IDNA for us.
    try {
      d = new URL(`http://${d}`).hostname;
    } catch {
      return null;
    }
  }
  const labels = d.split('.');
  if (labels.length < 2 || d.length > 253) return null;
  if (!labels.every((l) => DOMAIN_LABEL.test(l))) return null;
  return TLD.test(labels[labels.length - 1]!) ? d : null;
}
