/**
 * The team guide this browser applies. Kept as the JSON text the lead wrote (so the editor
 * shows it as written) in extension storage; parsed on read, which also runs migrations.
 * Only a local guide exists so far; subscribed and managed guides slot into the same
 * precedence (managed over subscribed over local).
 */
import { storage } from '#imports';
import { parseGuideText, resolvePrecedence, type Guide, type GuideSource } from '@/lib/guide';

const localGuideItem = storage.defineItem<string>('local:guide.local', { fallback: '' });

export interface ActiveGuide {
  guide: Guide;
  source: GuideSource;
}

export async function getLocalGuideText(): Promise<string> {
  return (await localGuideItem.getValue()) ?? '';
}

/** Saves only a guide that parses; returns the parser's errors otherwise (nothing is lost). */
export async function saveLocalGuideText(text: string): Promise<{ ok: true; warnings: string[] } | { ok: false; errors: string[] }> {
  if (!text.trim()) {
    await localGuideItem.setValue('');
    return { ok: true, warnings: [] };
  }
  const parsed = parseGuideText(text);
  if (!parsed.ok) return parsed;
  await localGuideItem.setValue(text);
  return { ok: true, warnings: parsed.warnings };
}

function activeFrom(localText: string): ActiveGuide | null {
  const local = localText.trim() ? parseGuideText(localText) : null;
  const { guide, source } = resolvePrecedence({ ...(local?.ok ? { local: local.guide } : {}) });
  return guide && source ? { guide, source } : null;
}

export async function getActiveGuide(): Promise<ActiveGuide | null> {
  return activeFrom(await getLocalGuideText());
}

/** Open tabs pick up a new guide without a reload. */
export function watchActiveGuide(cb: (g: ActiveGuide | null) => void): () => void {
  return localGuideItem.watch((text) => cb(activeFrom(text ?? '')));
}
