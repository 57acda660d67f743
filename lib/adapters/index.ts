/**
 * The adapter registry: one line per host. tests/lib/adapters/registry.test.ts checks that
 * every host in hosts.ts has exactly one adapter here and every adapter folder is listed.
 */
import type { HostAdapter } from './types';
import { gmailAdapter } from './gmail';
import { zendeskAdapter } from './zendesk';
import { outlookAdapter } from './outlook';
import { helpScoutAdapter } from './help-scout';
import { frontAdapter } from './front';
import { salesforceAdapter } from './salesforce';
import { hubspotAdapter } from './hubspot';
import { freshdeskAdapter } from './freshdesk';
import { hosts, type HostMeta } from './hosts';
import { meta as genericMeta } from './generic/meta';
import { MatchPattern } from '#imports';

export const adapters: readonly HostAdapter[] = [gmailAdapter, zendeskAdapter, outlookAdapter, helpScoutAdapter, frontAdapter, salesforceAdapter, hubspotAdapter, freshdeskAdapter];

const compiled = adapters.map((a) => ({ a, patterns: a.meta.matches.map((m) => new MatchPattern(m)) }));

export function resolveAdapter(url: string): HostAdapter | null {
  return compiled.find(({ patterns }) => patterns.some((p) => p.includes(url)))?.a ?? null;
}

export { hosts };

/**
 * Adapters a team guide configures at runtime (lib/adapters/generic): no manifest matches, so
 * resolveAdapter never returns them; lib/content/activation.ts builds one per guide entry.
 */
export const configuredHosts: readonly HostMeta[] = [genericMeta];
export { createGenericAdapter, type GenericHostAdapter } from './generic';
