/**
 * Turning zod issues into the messages a team lead reads, in one fixed form:
 * `avoid[0].phrase: expected string` — the path (`[i]` for indices, `.key` for keys), ': ', and
 * a short reason. The CLI prints them one per line and the options page shows them as a list,
 * so the form is part of the contract.
 */
import type { z } from 'zod';

export type PathSegment = PropertyKey;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      out += IDENTIFIER.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out === '' ? '(root)' : out;
}

export function formatMessage(path: readonly PathSegment[], reason: string): string {
  return `${formatPath(path)}: ${reason}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

const TYPE_NAMES: Record<string, string> = { record: 'object', int: 'integer', safeint: 'integer' };

function describeSize(issue: { origin?: string; minimum?: unknown; maximum?: unknown }, big: boolean): string {
  const n = Number(big ? issue.maximum : issue.minimum);
  switch (issue.origin) {
    case 'string':
      if (!big && n === 1) return 'must not be empty';
      return big ? `must be at most ${n} characters` : `must be at least ${n} characters`;
    case 'array':
    case 'set':
      return big ? `must have at most ${n} items` : `must have at least ${n} item${n === 1 ? '' : 's'}`;
    default:
      return big ? `must be at most ${n}` : `must be at least ${n}`;
  }
}

function reasonFor(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const actual = valueAt(input, issue.path);
      return actual === undefined ? `expected ${expected} (missing)` : `expected ${expected}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `expected ${JSON.stringify(issue.values[0])}`;
      return `expected one of ${issue.values.map(String).join('|')}`;
    case 'too_small':
      return describeSize(issue, false);
    case 'too_big':
      return describeSize(issue, true);
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? inner.message : 'invalid key';
    }
    case 'invalid_union':
      return 'does not match any allowed form';
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

/** One message per issue, in the path form above. `input` is the value that was parsed. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => formatMessage(issue.path, reasonFor(issue, input)));
}

// ---------------------------------------------------------------------------------------------
// Unknown fields. zod's default object mode strips them silently; we want to tell the lead
// (a typo such as `"avoids"` would otherwise vanish without a trace), so walk the input against
// the schema and list every key the schema does not declare.

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

export function unknownFieldPaths(schema: z.ZodType, value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return def.innerType ? unknownFieldPaths(def.innerType, value, path) : [];
    case 'pipe':
      return def.in ? unknownFieldPaths(def.in, value, path) : [];
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
      const shape = def.shape ?? {};
      const out: PathSegment[][] = [];
      for (const [key, child] of Object.entries(value)) {
        const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
        if (field) out.push(...unknownFieldPaths(field, child, [...path, key]));
        else out.push([...path, key]);
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(value) || !def.element) return [];
      return value.flatMap((item, i) => unknownFieldPaths(def.element!, item, [...path, i]));
    case 'record':
      if (value === null || typeof value !== 'object' || !def.valueType) return [];
      return Object.entries(value).flatMap(([k, v]) => unknownFieldPaths(def.valueType!, v, [...path, k]));
    default:
      return [];
  }
}
