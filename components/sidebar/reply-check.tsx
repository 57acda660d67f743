import { useMemo } from 'react';
import { analyze, type Analysis } from '@/lib/analysis';
import { toAnalyzerGuide, type Guide } from '@/lib/guide';

/** The canned-reply check of the draft being written, refreshed as the agent types. */
export function ReplyCheck({ draft, guide, customerName, customerMessage }: { draft: string; guide?: Guide | undefined; customerName?: string | undefined; customerMessage?: string | undefined }) {
  // One analyzer guide per guide object, so its compiled patterns are cached across keystrokes.
  const analyzerGuide = useMemo(() => (guide ? toAnalyzerGuide(guide) : undefined), [guide]);
  const result: Analysis = useMemo(
    () => analyze(draft, { ...(customerName ? { customerName } : {}), ...(customerMessage ? { customerMessage } : {}), ...(analyzerGuide ? { guide: analyzerGuide } : {}) }),
    [draft, customerName, customerMessage, analyzerGuide],
  );
  if (!draft.trim()) return null;
  const canned = result.verdict === 'canned';
  return (
    <section className={`panel reply-check ${canned ? 'is-canned' : 'is-ok'}`} aria-label="Reply check" data-testid="reply-check">
      <h3>Your reply</h3>
      <p className="verdict" data-testid="verdict">
        <meter min={0} max={100} value={result.score} aria-label="How canned the reply sounds" />
        {canned ? `Sounds canned (${result.score}/100)` : `Reads personal (${result.score}/100)`}
      </p>
      {result.findings.length > 0 && (
        <ul className="findings">
          {result.findings.map((f, i) => (
            <li key={`${f.rule}-${f.start}-${i}`} data-rule={f.rule} className={f.severity}>
              {f.end > f.start && <q className="flagged">{draft.slice(f.start, f.end)}</q>}
              <span className="finding-message">{f.message}</span>
              {f.fix && <span className="finding-fix">{f.fix.replacement ? `Try: “${f.fix.replacement}”. ` : ''}{f.fix.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
