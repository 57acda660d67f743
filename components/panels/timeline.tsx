import { definePanel, type PanelProps } from './define-panel';
import { formatDateTime } from '@/lib/utils/format';

function Timeline({ view }: PanelProps) {
  if (!view.timeline.length) return <p className="muted">No earlier contacts on record.</p>;
  return (
    <ol className="timeline" aria-label="Earlier contacts, newest first">
      {view.timeline.map((i) => (
        <li key={i.id} data-testid="timeline-item">
          <div className="tl-head">
            <span className="channel">{i.channel}</span>
            <time dateTime={new Date(i.at).toISOString()}>{formatDateTime(i.at)}</time>
            {i.agent && <span className="agent">{i.agent}</span>}
          </div>
          {i.subject && <div className="tl-subject">{i.subject}</div>}
          {i.summary && <div className="tl-summary">{i.summary}</div>}
          {i.outcome && <div className="tl-outcome">Outcome: {i.outcome}</div>}
        </li>
      ))}
      {view.totalContacts > view.timeline.length && (
        <li className="muted">…and {view.totalContacts - view.timeline.length} older contacts</li>
      )}
    </ol>
  );
}

export default definePanel({ id: 'timeline', title: 'Contacts', Component: Timeline });
