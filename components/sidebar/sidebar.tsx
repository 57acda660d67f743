import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { customerQueries } from '@/lib/queries/customers';
import type { PageSnapshot } from '@/lib/content/page-watcher';
import type { ActiveGuide } from '@/lib/settings/guide';
import type { Finding } from '@/lib/analysis';
import { CustomerCard } from './customer-card';
import { CustomerSearch } from './search';
import { NoteForm } from './note-form';
import { DraftSlot, ReplyCheck } from './reply-check';
import { Suggestions } from './suggestions';
import { AfterSend } from './after-send';
import { ToldUs } from './told-us';
import { IssueContext } from './issue-context';

export type InsertOutcome = 'inserted' | 'copied' | 'failed';

export interface SidebarProps {
  snapshot: PageSnapshot | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  hostLabel: string;
  agent?: string | undefined;
  /** The team guide in force, if any. */
  guide: ActiveGuide | null;
  /** Put text at the caret of the host's editor (falls back to the clipboard). */
  onInsert: (text: string) => Promise<InsertOutcome>;
  /** Replace a finding's words in the host's editor with its suggested fix. */
  onApplyFix?: ((f: Finding) => Promise<boolean>) | undefined;
}

export function Sidebar({ snapshot, open, onOpenChange, hostLabel, agent, guide, onInsert, onApplyFix }: SidebarProps) {
  const [pinned, setPinned] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="launcher" aria-label="Open Rapport sidebar" aria-expanded="false" onClick={() => onOpenChange(true)}>
        <span aria-hidden="true">R</span>
      </button>
    );
  }
  return (
    <aside role="complementary" aria-label="Rapport customer history" className="sidebar" data-testid="rapport-sidebar">
      <header className="bar">
        <span className="brand">Rapport</span>
        <span className="host">{hostLabel}{guide ? ` · guide: ${guide.guide.name} (${guide.source})` : ''}</span>
        <button type="button" className="icon" aria-label="Hide Rapport sidebar" aria-expanded="true" onClick={() => onOpenChange(false)}>
          ×
        </button>
      </header>
      <div className="scroll">
        <CustomerSearch onPick={setPinned} />
        {pinned ? (
          <PinnedCustomer id={pinned} onBack={() => setPinned(null)} agent={agent} />
        ) : (
          <PageCustomer snapshot={snapshot} agent={agent} guide={guide} onInsert={onInsert} onApplyFix={onApplyFix} />
        )}
      </div>
    </aside>
  );
}

function PinnedCustomer({ id, onBack, agent }: { id: string; onBack: () => void; agent?: string | undefined }) {
  const view = useQuery(customerQueries.view(id));
  return (
    <div>
      <button type="button" className="back" onClick={onBack}>← Back to the customer on this page</button>
      {view.data ? <CustomerCard view={view.data} agent={agent} now={Date.now()} /> : view.isPending ? <p className="muted">Loading…</p> : <p className="muted">This customer is no longer on record.</p>}
    </div>
  );
}

function PageCustomer({ snapshot, agent, guide, onInsert, onApplyFix }: { snapshot: PageSnapshot | null; agent?: string | undefined; guide: ActiveGuide | null; onInsert: SidebarProps['onInsert']; onApplyFix?: SidebarProps['onApplyFix'] }) {
  const identity = snapshot?.identity ?? {};
  const hasIdentity = !!(identity.email || identity.phone || identity.accountId || identity.ticketId);
  const lookup = useQuery({ ...customerQueries.lookup(identity), enabled: hasIdentity });
  if (!snapshot) return <p className="muted">Reading the page…</p>;
  const missing = snapshot.missing.length > 0 && (
    <p className="notice" data-testid="missing">
      Rapport could not find {snapshot.missing.join(' or ')} on this page. Search for the customer above.
    </p>
  );
  if (!hasIdentity) return <div data-testid="no-customer">{missing || <p className="notice">No customer on this page. Search for one above.</p>}</div>;
  if (lookup.isPending) return <p className="muted">Looking up {identity.name || identity.email || identity.phone}…</p>;
  if (lookup.isError) return <p role="alert" className="error">Rapport could not read its data: {lookup.error.message}</p>;
  const view = lookup.data;
  const check = (
    <>
      <AfterSend customerId={view?.customer.id} />
      <DraftSlot>
        <ToldUs customerId={view?.customer.id} message={snapshot.lastCustomerMessage} contactKey={identity.ticketId} />
        <ReplyCheck onApplyFix={onApplyFix} />
      </DraftSlot>
    </>
  );
  const wording = snapshot.lastCustomerMessage ? (
    <Suggestions message={snapshot.lastCustomerMessage} view={view} guide={guide?.guide} fallbackName={identity.name} agent={agent} onInsert={onInsert} />
  ) : null;
  if (!view) {
    return (
      <div data-testid="new-customer">
        {check}
        {missing}
        <h2 className="customer-name">{identity.name || identity.email || identity.phone}</h2>
        <p>First contact with Rapport: no earlier history for {identity.email || identity.phone || `ticket ${identity.ticketId}`}.</p>
        {wording}
        {(identity.email || identity.phone || identity.accountId) && <NoteForm identity={identity} agent={agent} />}
      </div>
    );
  }
  return (
    <>
      {check}
      {missing}
      <IssueContext view={view} snapshot={snapshot} guide={guide?.guide} agent={agent} />
      <CustomerCard view={view} agent={agent} now={Date.now()} afterOverview={wording} />
    </>
  );
}
