/**
 * The adapter registry: one line per host. tests/lib/adapters/registry.test.ts checks that
 * every host in hosts.ts has exactly one adapter here and every adapter folder is listed.
 */
import type { HostAdapter } from './types';
import { gmailAdapter } from './gmail';
import { zendeskAdapter } from './zendesk';
import { hosts } from './hosts';
import { MatchPattern } from '#imports';

export const adapters: readonly HostAdapter[] = [gmailAdapter, zendeskAdapter];

const compiled = adapters.map((a) => ({ a, patterns: a.meta.matches.map((m) => new MatchPattern(m)) }));

export function resolveAdapter(url: string): HostAdapter | null {
  return compiled.find(({ patterns }) => patterns.some((p) => p.includes(url)))?.a ?? null;
}

export { hosts };
