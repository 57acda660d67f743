/**
 * Canonical JSON: the exact text a guide signature covers, and the equality the diff uses.
 *
 * Rules (compatible with RFC 8785, the JSON Canonicalization Scheme, for the values a guide
 * holds): object keys sorted by UTF-16 code units (JavaScript's default string order); no
 * whitespace; strings and numbers written as `JSON.stringify` writes them (ECMAScript number
 * formatting is what RFC 8785 prescribes); object members whose value is `undefined` are
 * omitted, as they would be in a file. Anything JSON cannot carry (NaN, Infinity, functions,
 * bigint, `undefined` inside an array, class instances) throws, so two parties can never
 * disagree about what was signed.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        return `[${value
          .map((item: unknown) => {
            if (item === undefined) throw new TypeError('canonical JSON cannot hold undefined in an array');
            return canonicalJson(item);
          })
          .join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical JSON holds plain objects only');
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** Structural equality of JSON values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
