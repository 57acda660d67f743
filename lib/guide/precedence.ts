/**
 * Which guide applies when several are present.
 *
 * Whole-guide precedence: managed (set by IT through enterprise policy, chrome.storage.managed)
 * over subscribed (fetched from the lead's URL) over local (pasted or edited on the options
 * page). The winner applies in full; guides are never merged field by field, because a guide is
 * one lead's coherent decision: mixing the managed guide's thresholds with a local guide's
 * avoid list would produce a policy nobody wrote, and an agent could weaken a managed guide by
 * adding a local one. The options page shows the lower sources as "overridden by …".
 */
import type { Guide } from './schema';

export type GuideSource = 'managed' | 'subscribed' | 'local';

export const GUIDE_PRECEDENCE: readonly GuideSource[] = ['managed', 'subscribed', 'local'];

export function resolvePrecedence(sources: Partial<Record<GuideSource, Guide | null | undefined>>): {
  guide: Guide | null;
  source: GuideSource | null;
} {
  for (const source of GUIDE_PRECEDENCE) {
    const guide = sources[source];
    if (guide) return { guide, source };
  }
  return { guide: null, source: null };
}
