/**
 * Which guide applies, and why, from everything stored: the managed policy (enterprise), the
 * managed URL's subscription, the agent's subscription, the agent's pinned key and the local
 * guide. Pure, so the content script (what applies) and the options page (why) compute the same
 * answer from the same inputs.
 */
import { z } from 'zod';
import { parseGuideText } from './parse';
import { GUIDE_PRECEDENCE, resolvePrecedence, type GuideSource } from './precedence';
import type { Guide } from './schema';
import { subscribedGuide, type SubscriptionState } from './subscription';

/**
 * What an administrator can set through Chrome policy (public/managed-schema.json). Chrome
 * validates against that schema, but storage.managed is still an input: each field falls back
 * to "unset" on its own if it is malformed.
 */
export const managedPolicySchema = z.object({
  guideUrl: z.string().trim().min(1).max(2048).optional().catch(undefined),
  guidePublicKey: z.string().trim().min(1).max(4096).optional().catch(undefined),
  lockGuide: z.boolean().optional().catch(undefined),
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

export function readManagedPolicy(value: unknown): ManagedPolicy {
  const parsed = managedPolicySchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export interface GuideInputs {
  policy: ManagedPolicy;
  /** State of the policy's guideUrl subscription (ignored if it is for another URL). */
  managed: SubscriptionState | null;
  subscribed: SubscriptionState | null;
  /** The agent's own pinned key (the policy's key wins when both are set). */
  pinnedKey: string;
  localText: string;
}

export type SourceState = 'active' | 'overridden' | 'unavailable' | 'locked' | 'none';

export interface SourceStatus {
  source: GuideSource;
  state: SourceState;
  /** Guide name when this source has a usable guide. */
  name?: string;
  /** One sentence for the options page. */
  detail: string;
}

export interface GuideResolution {
  active: { guide: Guide; source: GuideSource } | null;
  /** managed, subscribed, local — in precedence order. */
  sources: SourceStatus[];
  /** The key guides must be signed with, and where it comes from. */
  pinnedKey: { key: string; from: 'policy' | 'agent' } | null;
  locked: boolean;
}

export const SOURCE_LABEL: Record<GuideSource, string> = { managed: 'Managed by your administrator', subscribed: 'Subscribed URL', local: 'Local guide' };

export function effectivePinnedKey(policy: ManagedPolicy, agentKey: string): GuideResolution['pinnedKey'] {
  if (policy.guidePublicKey) return { key: policy.guidePublicKey, from: 'policy' };
  const key = agentKey.trim();
  return key ? { key, from: 'agent' } : null;
}

export function resolveActiveGuide(inputs: GuideInputs): GuideResolution {
  const { policy } = inputs;
  const pinned = effectivePinnedKey(policy, inputs.pinnedKey);
  const key = pinned?.key ?? null;
  // Locking means the administrator's guide is the only one: an agent cannot fall back to (or
  // get ahead of) it with their own subscription or local edits.
  const locked = policy.lockGuide === true;

  const candidates: Partial<Record<GuideSource, Guide>> = {};
  const why: Partial<Record<GuideSource, { state: SourceState; detail: string }>> = {};

  if (!policy.guideUrl) why.managed = { state: 'none', detail: 'No guide is set by policy.' };
  else {
    const state = inputs.managed?.url === policy.guideUrl ? inputs.managed : null;
    const r = subscribedGuide(state, key);
    if (r.guide) candidates.managed = r.guide;
    else why.managed = { state: 'unavailable', detail: `Set by policy (${policy.guideUrl}), but ${r.why}.` };
  }

  if (locked) why.subscribed = { state: 'locked', detail: 'Your administrator allows only the managed guide.' };
  else if (!inputs.subscribed) why.subscribed = { state: 'none', detail: 'Not subscribed to a guide URL.' };
  else {
    const r = subscribedGuide(inputs.subscribed, key);
    if (r.guide) candidates.subscribed = r.guide;
    else why.subscribed = { state: 'unavailable', detail: `${inputs.subscribed.url}: ${r.why}.` };
  }

  if (locked) why.local = { state: 'locked', detail: 'Your administrator allows only the managed guide.' };
  else if (!inputs.localText.trim()) why.local = { state: 'none', detail: 'No local guide saved.' };
  else {
    const r = parseGuideText(inputs.localText);
    if (r.ok) candidates.local = r.guide;
    else why.local = { state: 'unavailable', detail: `The saved local guide does not read: ${r.errors[0] ?? 'invalid'}.` };
  }

  const { guide, source } = resolvePrecedence(candidates);
  const sources = GUIDE_PRECEDENCE.map((s): SourceStatus => {
    const g = candidates[s];
    if (!g) return { source: s, ...why[s]! };
    if (s === source) {
      const reason =
        s === 'managed'
          ? 'A guide set by your administrator always applies first.'
          : s === 'subscribed'
            ? 'No managed guide applies, so the subscribed guide does.'
            : 'No managed or subscribed guide applies, so your local guide does.';
      return { source: s, state: 'active', name: g.name, detail: reason };
    }
    return { source: s, state: 'overridden', name: g.name, detail: `Overridden by the ${source === 'managed' ? 'managed' : 'subscribed'} guide.` };
  });
  return { active: guide && source ? { guide, source } : null, sources, pinnedKey: pinned, locked };
}
