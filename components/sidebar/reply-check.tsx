import { useState, type ReactNode } from 'react';
import type { Finding } from '@/lib/analysis';
import { useDerived, useField } from './store-context';

/**
 * Holds what is found in the draft (warnings, the check). Compact until there is a checked draft,
 * then one fixed height (style.css `.draft-slot.is-active`): findings come and go as the agent
 * types, and the suggestions below must not move under the pointer (a misclick on Insert).
 * It follows only whether a checked draft exists, so typing does not re-render it.
 */
export function DraftSlot({ children }: { children: ReactNode }) {
  const active = useDerived((s) => !!s.analysis && !!s.draft?.trim()) ?? false;
  return (
    <div className={`draft-slot${active ? ' is-active' : ''}`} data-testid="draft-slot" role="region" aria-label="Draft check" tabIndex={0}>
      {children}
    </div>
  );
}

/**
 * The canned-reply check of the draft being written. The content script computes it once per
 * settled draft (lib/content/reply-analysis.ts) for the sidebar, the highlights and Send alike;
 * this component alone follows it, so typing re-renders nothing else.
 */
export function ReplyCheck({ onApplyFix }: { onApplyFix?: ((f: Finding) => Promise<boolean>) | undefined }) {
  const [status, setStatus] = useState('');
  const draft = useField('draft') ?? '';
  const analysis = useField('analysis') ?? null;
  if (!analysis || !draft.trim()) return <p className="muted reply-check-idle" data-testid="reply-check-idle">Rapport checks your reply as you write it.</p>;
  const result = analysis;
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
              {f.fix?.replacement && onApplyFix && f.end > f.start && (
                <button
                  type="button"
                  className="apply-fix"
                  aria-label={`Replace “${draft.slice(f.start, f.end)}” with “${f.fix.replacement}”`}
                  onClick={async () => setStatus((await onApplyFix(f)) ? 'Replaced (Ctrl+Z undoes it).' : 'The text has changed since; fix it in the editor.')}
                >
                  Apply
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="muted">{status}</p>
    </section>
  );
}
