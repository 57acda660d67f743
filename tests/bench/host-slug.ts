import type { ConformanceHost } from '../e2e/support/conformance';

/**
 * The metric-name suffix for a host (`typing-long-tasks-<slug>`): the adapter id, plus the variant's
 * first words when an adapter has several entries. Metric names are keys in bench-results.json, so
 * they must be unique and stable across runs.
 */
export function hostSlug(host: ConformanceHost, all: readonly ConformanceHost[]): string {
  const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const shared = all.filter((h) => h.adapter === host.adapter).length > 1;
  return shared && host.variant ? `${host.adapter}-${kebab(host.variant.split(',')[0]!)}` : host.adapter;
}
