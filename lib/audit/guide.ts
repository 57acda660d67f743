/**
 * The one place the audit touches lib/guide (owned by the guide feature). Loaded lazily so an audit
 * without --guide never depends on it.
 */
import type { AnalyzerGuide } from '@/lib/analysis';

export type GuideLoad = { ok: true; guide: AnalyzerGuide; warnings: string[] } | { ok: false; errors: string[] };

export async function loadAnalyzerGuide(path: string): Promise<GuideLoad> {
  const { loadGuideFile, toAnalyzerGuide } = await import('@/lib/guide');
  const loaded = await loadGuideFile(path);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  return { ok: true, guide: toAnalyzerGuide(loaded.guide), warnings: loaded.warnings };
}
