import { definePanel, type PanelProps } from './define-panel';
import { formatDateTime } from '@/lib/utils/format';
import { NoteForm } from '@/components/sidebar/note-form';

function Notes({ view, agent }: PanelProps) {
  const latest = view.latestNotes[0];
  return (
    <div>
      {latest ? (
        <blockquote className="note" data-testid="latest-note">
          <p>{latest.text}</p>
          <footer>{latest.author ? `${latest.author}, ` : ''}{formatDateTime(latest.at)}</footer>
        </blockquote>
      ) : (
        <p className="muted">No notes yet.</p>
      )}
      <NoteForm customerId={view.customer.id} agent={agent} />
    </div>
  );
}

export default definePanel({ id: 'notes', title: 'Latest note', Component: Notes });
