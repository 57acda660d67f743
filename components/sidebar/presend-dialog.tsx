import { Component, useEffect, useRef, type ReactNode } from 'react';
import type { HeldSend } from '@/lib/content/store';

/** Findings shown in the dialog: the strongest few; the sidebar lists them all. */
const SHOWN = 4;

/** 'release': the dialog could not be shown, so the held send goes through (not the agent's override). */
export type PresendChoice = 'send' | 'edit' | 'release';

interface Props {
  held: HeldSend;
  onShown: (id: string) => void;
  onChoose: (id: string, choice: PresendChoice) => void;
}

/** The e2e suite's test switch (presend.testMode `{ throwIn: 'dialog' }`) makes the render throw. */
let failRenderForTest = false;
export function setPresendDialogFault(on: boolean): void {
  failRenderForTest = on;
}

/**
 * A dialog that fails to render must not keep a send held that the agent cannot see: the
 * boundary releases it at once and shows nothing (the rest of the sidebar stays up).
 */
class ReleaseOnError extends Component<{ id: string; onChoose: Props['onChoose']; children: ReactNode }, { failedId: string | null }> {
  override state = { failedId: null as string | null };
  static getDerivedStateFromError(): { failedId: string | null } {
    return { failedId: '' };
  }
  override componentDidCatch(error: unknown) {
    const id = this.props.id;
    this.setState({ failedId: id });
    console.warn(`[Rapport] the pre-send dialog failed, the send goes through: ${error instanceof Error ? error.message : String(error)}`);
    this.props.onChoose(id, 'release');
  }
  override render() {
    return this.state.failedId === null ? this.props.children : null;
  }
}

/**
 * The second look at Send: shown only when the reply reads canned. Focus starts on "Edit
 * reply" (the safe choice for an accidental Enter); Escape also edits. "Send anyway" lets
 * the original send through once.
 */
export function PresendDialog(props: Props) {
  // Keyed by the hold: a later hold gets a fresh boundary even after an earlier one failed.
  return (
    <ReleaseOnError key={props.held.id} id={props.held.id} onChoose={props.onChoose}>
      <Dialog {...props} />
    </ReleaseOnError>
  );
}

function Dialog({ held, onShown, onChoose }: Props) {
  const edit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    edit.current?.focus();
    // Only now does the agent see it: until this runs, the send guard's watchdog may release the send.
    onShown(held.id);
  }, [held.id, onShown]);
  // After the hooks (their order stays fixed); a render that throws never runs the effect above.
  if (failRenderForTest) throw new Error('pre-send dialog failed to render (test mode)');
  const { analysis, draft } = held;
  const canned = analysis.verdict === 'canned';
  const similar = analysis.findings.find((f) => f.rule === 'near-duplicate');
  return (
    <div className="presend-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="rapport-presend-title"
        aria-describedby="rapport-presend-desc"
        className="presend"
        data-testid="presend-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onChoose(held.id, 'edit');
          // Two buttons: keep Tab inside the dialog.
          if (e.key === 'Tab') {
            const buttons = [...e.currentTarget.querySelectorAll('button')];
            const i = buttons.indexOf(e.target as HTMLButtonElement);
            const next = buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
            next?.focus();
            e.preventDefault();
          }
        }}
      >
        <h2 id="rapport-presend-title">{canned ? 'This reply may read as canned' : 'Check this reply before it goes'}</h2>
        <p id="rapport-presend-desc">
          {canned ? `Rapport scores it ${analysis.score}/100 for sounding like a template.` : 'Rapport is holding this send for a check.'}
          {similar ? ` ${similar.message}` : ''}
        </p>
        {analysis.findings.length > 0 && (
          <ul className="presend-findings">
            {analysis.findings.slice(0, SHOWN).map((f, i) => (
              <li key={`${f.rule}-${f.start}-${i}`} data-rule={f.rule}>
                {f.end > f.start && <q>{draft.slice(f.start, f.end)}</q>} {f.message}
                {f.fix?.replacement ? ` Try: “${f.fix.replacement}”.` : ''}
              </li>
            ))}
          </ul>
        )}
        <div className="presend-actions">
          <button type="button" ref={edit} className="primary" onClick={() => onChoose(held.id, 'edit')}>Edit reply</button>
          <button type="button" onClick={() => onChoose(held.id, 'send')}>Send anyway</button>
        </div>
      </div>
    </div>
  );
}
