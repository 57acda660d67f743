/**
 * The sent-reply history the near-duplicate check compares drafts against, and the "Send
 * anyway" log. Candidates come from the LSH band index (`*bands`), so a lookup reads a
 * handful of rows however long the history is; each is verified on its stored MinHash.
 */
import type { AppDB } from '@/lib/db/app-db';
import type { Override, SentReply } from '@/lib/schemas/records';
import { NearDuplicateIndex, NEAR_DUPLICATE_THRESHOLD } from '@/lib/analysis';

/** Candidates verified per lookup at most; a band shared by more replies is one macro reused. */
export const MAX_CANDIDATES = 256;

export async function addSentReply(
  db: AppDB,
  r: { id: string; at: number; host: string; text: string; agent?: string | undefined; customerId?: string | undefined },
): Promise<SentReply> {
  const signature = NearDuplicateIndex.signature(r.text);
  const row: SentReply = {
    id: r.id,
    at: r.at,
    host: r.host,
    text: r.text.slice(0, 2000),
    bands: NearDuplicateIndex.bandKeys(signature),
    signature: Array.from(signature),
    ...(r.agent ? { agent: r.agent } : {}),
    ...(r.customerId ? { customerId: r.customerId } : {}),
  };
  await db.sentReplies.put(row);
  return row;
}

export interface SimilarSent {
  id: string;
  text: string;
  at: number;
  similarity: number;
}

/** The stored reply most like `text` at or above the near-duplicate threshold, or null. */
export async function findSimilarSent(db: AppDB, text: string, threshold = NEAR_DUPLICATE_THRESHOLD): Promise<SimilarSent | null> {
  const sig = NearDuplicateIndex.signature(text);
  const keys = NearDuplicateIndex.bandKeys(sig);
  if (!keys.length) return null;
  const candidates = await db.sentReplies.where('bands').anyOf(keys).limit(MAX_CANDIDATES).toArray();
  let best: SimilarSent | null = null;
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const similarity = NearDuplicateIndex.similarity(sig, Uint32Array.from(c.signature));
    if (similarity < threshold) continue;
    // Ties go to the most recent: "you sent this on Tuesday" is the useful comparison.
    if (!best || similarity > best.similarity || (similarity === best.similarity && c.at > best.at)) {
      best = { id: c.id, text: c.text, at: c.at, similarity: Math.round(similarity * 100) / 100 };
    }
  }
  return best;
}

/** Newest first; scans back by time and stops at `limit` matches. */
export async function recentSentTexts(db: AppDB, agent: string | undefined, limit: number): Promise<string[]> {
  const rows = await db.sentReplies.orderBy('at').reverse().filter((r) => !agent || r.agent === agent).limit(limit).toArray();
  return rows.map((r) => r.text);
}

export async function addOverride(db: AppDB, o: Override): Promise<void> {
  await db.overrides.put(o);
}

export interface OverrideCount {
  agent: string;
  count: number;
  lastAt: number;
  /** Rules most often overridden by this agent, most frequent first. */
  topRules: string[];
}

/** "Send anyway" counts per agent since `since`, most overrides first (the team lead's view). */
export async function overridesByAgent(db: AppDB, since: number): Promise<OverrideCount[]> {
  const rows = await db.overrides.where('at').aboveOrEqual(since).toArray();
  const by = new Map<string, { count: number; lastAt: number; rules: Map<string, number> }>();
  for (const r of rows) {
    const key = r.agent?.trim() || 'Unknown agent';
    const e = by.get(key) ?? { count: 0, lastAt: 0, rules: new Map() };
    e.count++;
    e.lastAt = Math.max(e.lastAt, r.at);
    for (const rule of r.rules) e.rules.set(rule, (e.rules.get(rule) ?? 0) + 1);
    by.set(key, e);
  }
  return [...by.entries()]
    .map(([agent, e]) => ({ agent, count: e.count, lastAt: e.lastAt, topRules: [...e.rules.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([r]) => r) }))
    .sort((a, b) => b.count - a.count || a.agent.localeCompare(b.agent));
}
