/**
 * What a new version of a guide changes, in sentences an agent or lead can read: shown on the
 * options page before saving an edit, and as "what changed" after a subscribed guide updates.
 * List items are matched by identity (phrase, pattern, id), so reordering is not a change.
 */
import { jsonEqual } from './canonical';
import type { AvoidRule, BanRule, EscalationRule, GenericAdapter, Guide, PreferRule } from './schema';

export type GuideArea =
  | 'name'
  | 'description'
  | 'expiresAt'
  | 'avoid'
  | 'boilerplate'
  | 'prefer'
  | 'ban'
  | 'required'
  | 'thresholds'
  | 'escalations'
  | 'sites'
  | 'generic';

export interface GuideChange {
  kind: 'added' | 'removed' | 'changed';
  area: GuideArea;
  /** Identity of the item within its area: the phrase, `/pattern/flags`, an id, a threshold name. */
  key: string;
  /** One line for people. */
  summary: string;
  before?: unknown;
  after?: unknown;
}

const q = (s: string) => `"${s}"`;

function scope(category?: string, mood?: string): string {
  const parts = [category, mood].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Diff two lists by identity; `describe` words each kind of change. */
function diffKeyed<T>(
  area: GuideArea,
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  describe: { added: (item: T) => string; removed: (item: T) => string; changed: (old: T, next: T) => string },
  /** What `before`/`after` carry; the item itself unless given. */
  valueOf: (item: T) => unknown = (item) => item,
): GuideChange[] {
  const oldMap = new Map(before.map((item) => [keyOf(item), item] as const));
  const newMap = new Map(after.map((item) => [keyOf(item), item] as const));
  const changes: GuideChange[] = [];
  for (const [key, old] of oldMap) {
    const next = newMap.get(key);
    if (next === undefined) changes.push({ kind: 'removed', area, key, summary: describe.removed(old), before: valueOf(old) });
    else if (!jsonEqual(old, next)) {
      changes.push({ kind: 'changed', area, key, summary: describe.changed(old, next), before: valueOf(old), after: valueOf(next) });
    }
  }
  for (const [key, next] of newMap) {
    if (!oldMap.has(key)) changes.push({ kind: 'added', area, key, summary: describe.added(next), after: valueOf(next) });
  }
  return changes;
}

/** "why, instead" — the names of the fields whose values differ. */
function changedFields<T extends object>(old: T, next: T, fields: readonly (keyof T & string)[]): string {
  return fields.filter((f) => !jsonEqual(old[f] ?? null, next[f] ?? null)).join(', ');
}

const avoidLabel = (r: AvoidRule) => (r.phrase !== undefined ? q(r.phrase) : `/${r.pattern ?? ''}/${r.flags ?? ''}`);
const avoidKey = (r: AvoidRule) => (r.phrase !== undefined ? `phrase:${r.phrase.toLowerCase()}` : `pattern:/${r.pattern ?? ''}/${r.flags ?? ''}`);
const preferKey = (p: PreferRule) => [p.kind, p.category ?? '*', p.mood ?? '*', p.text].join('|');
const banKey = (b: BanRule) => [b.phrase.toLowerCase(), b.category ?? '*', b.mood ?? '*'].join('|');

const REQUIRED_LABEL: Record<string, string> = { 'next-step-time': 'a time for the next step', 'customer-name': "the customer's name" };
const THRESHOLD_LABEL = { canned: 'Canned-reply threshold', hold: 'Pre-send hold threshold' } as const;

function conditions(rule: EscalationRule): string {
  const w = rule.when;
  const parts: string[] = [];
  if (w.contactsAtLeast !== undefined) parts.push(`${w.contactsAtLeast}+ contacts${w.withinDays !== undefined ? ` in ${w.withinDays} days` : ''}`);
  if (w.promiseMissed !== undefined) parts.push(w.promiseMissed ? 'a missed promise' : 'no missed promise');
  if (w.moods) parts.push(`mood ${w.moods.join('/')}`);
  if (w.categories) parts.push(`category ${w.categories.join('/')}`);
  if (w.words) parts.push(`words ${w.words.map(q).join('/')}`);
  return parts.join(', ');
}

function plainChange(area: GuideArea, key: string, label: string, before: string | undefined, after: string | undefined): GuideChange[] {
  if (before === after) return [];
  if (before === undefined) return [{ kind: 'added', area, key, summary: `${label} set: ${q(after ?? '')}`, after }];
  if (after === undefined) return [{ kind: 'removed', area, key, summary: `${label} removed`, before }];
  return [{ kind: 'changed', area, key, summary: `${label} changed: ${q(before)} → ${q(after)}`, before, after }];
}

export function diffGuides(old: Guide, next: Guide): GuideChange[] {
  const changes: GuideChange[] = [
    ...plainChange('name', 'name', 'Name', old.name, next.name),
    ...plainChange('description', 'description', 'Description', old.description, next.description),
    ...plainChange('expiresAt', 'expiresAt', 'Expiry', old.expiresAt, next.expiresAt),
  ];

  changes.push(
    ...diffKeyed('avoid', old.avoid, next.avoid, avoidKey, {
      added: (r) => `Now avoided: ${avoidLabel(r)} (${r.why})`,
      removed: (r) => `No longer avoided: ${avoidLabel(r)}`,
      changed: (a, b) => `Avoided ${avoidLabel(b)}: ${changedFields(a, b, ['phrase', 'why', 'instead'])} changed`,
    }),
    ...diffKeyed('boilerplate', old.boilerplate ?? [], next.boilerplate ?? [], (s) => s, {
      added: (s) => `Stock phrase added: ${q(s)}`,
      removed: (s) => `Stock phrase removed: ${q(s)}`,
      changed: (_a, b) => `Stock phrase changed: ${q(b)}`,
    }),
    ...diffKeyed(
      'prefer',
      old.prefer.map((p) => ({ ...p, mode: p.mode ?? 'add' })), // absent mode means 'add'
      next.prefer.map((p) => ({ ...p, mode: p.mode ?? 'add' })),
      preferKey,
      {
        added: (p) => `Preferred ${p.kind} added${scope(p.category, p.mood)}: ${q(p.text)}${p.mode === 'replace' ? ", replacing Rapport's own" : ''}`,
        removed: (p) => `Preferred ${p.kind} removed${scope(p.category, p.mood)}: ${q(p.text)}`,
        changed: (a, b) => `Preferred ${b.kind}${scope(b.category, b.mood)} ${q(b.text)}: mode ${a.mode} → ${b.mode}`,
      },
    ),
    ...diffKeyed('ban', old.ban ?? [], next.ban ?? [], banKey, {
      added: (b) => `Banned${scope(b.category, b.mood)}: ${q(b.phrase)}`,
      removed: (b) => `No longer banned${scope(b.category, b.mood)}: ${q(b.phrase)}`,
      changed: (_a, b) => `Ban changed: ${q(b.phrase)}`,
    }),
    ...diffKeyed('required', old.required ?? [], next.required ?? [], (r) => r, {
      added: (r) => `Replies must now include ${REQUIRED_LABEL[r] ?? r}`,
      removed: (r) => `Replies no longer need ${REQUIRED_LABEL[r] ?? r}`,
      changed: (_a, b) => `Requirement changed: ${b}`,
    }),
  );

  for (const name of ['canned', 'hold'] as const) {
    const before = old.thresholds?.[name];
    const after = next.thresholds?.[name];
    const label = THRESHOLD_LABEL[name];
    if (before === after) continue;
    if (before === undefined) changes.push({ kind: 'added', area: 'thresholds', key: name, summary: `${label} set to ${after}`, after });
    else if (after === undefined) changes.push({ kind: 'removed', area: 'thresholds', key: name, summary: `${label} removed (Rapport's default applies)`, before });
    else changes.push({ kind: 'changed', area: 'thresholds', key: name, summary: `${label}: ${before} → ${after}`, before, after });
  }

  changes.push(
    ...diffKeyed('escalations', old.escalations ?? [], next.escalations ?? [], (e) => e.id, {
      added: (e) => `Escalation ${q(e.id)} added: when ${conditions(e)}, "${e.message}"`,
      removed: (e) => `Escalation ${q(e.id)} removed`,
      changed: (a, b) => {
        const fields = changedFields(a, b, ['when', 'message', 'handoffTo']).replace('when', 'conditions');
        return `Escalation ${q(b.id)}: ${fields} changed (now when ${conditions(b)})`;
      },
    }),
    ...diffKeyed(
      'sites',
      Object.entries(old.sites ?? {}),
      Object.entries(next.sites ?? {}),
      ([id]) => id,
      {
        added: ([id, s]) => `Site ${q(id)} switched ${s.enabled ? 'on' : 'off'} by the guide`,
        removed: ([id]) => `Site ${q(id)} no longer set by the guide`,
        changed: ([id, a], [, b]) => `Site ${q(id)}: ${a.enabled ? 'on' : 'off'} → ${b.enabled ? 'on' : 'off'}`,
      },
      ([, s]) => s,
    ),
    ...diffKeyed('generic', old.generic ?? [], next.generic ?? [], (g: GenericAdapter) => g.id, {
      added: (g) => `Generic adapter ${q(g.id)} (${g.label}) added for ${g.urlPattern}`,
      removed: (g) => `Generic adapter ${q(g.id)} (${g.label}) removed`,
      changed: (a, b) =>
        `Generic adapter ${q(b.id)}: ${changedFields(a, b, ['label', 'urlPattern', 'customer', 'editor', 'send', 'message'])} changed`,
    }),
  );
  return changes;
}
