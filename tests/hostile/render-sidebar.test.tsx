// @vitest-environment happy-dom
/**
 * Hostile text in every field the sidebar shows (customer record, notes, promises, timeline,
 * merges, search results, the page's own subject and message, the team guide, the draft and its
 * findings, error messages) renders as text: nothing becomes markup, nothing runs.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/sidebar.content/app';
import { PresendDialog } from '@/components/sidebar/presend-dialog';
import { createStore, type HeldSend } from '@/lib/content/store';
import { protocol, type MessageName } from '@/lib/messaging/protocol';
import { parseGuide } from '@/lib/guide';
import type { Analysis } from '@/lib/analysis';
import type { PageSnapshot } from '@/lib/content/page-watcher';
import { expectInert } from './dom-safety';
import { tagged } from './payloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.now();
const DAY = 86_400_000;
const CID = 'cust-1';

const customer = {
  id: CID,
  name: tagged('name', 0),
  emails: [tagged('email', 1)],
  phones: [tagged('phone', 2, 64)],
  accountIds: [tagged('account', 3)],
  customerSince: '2019-02-19',
  sourceKeys: ['crm:1'],
  nameTokens: ['x'],
  createdAt: NOW - 400 * DAY,
  updatedAt: NOW,
};

const view = {
  customer,
  contactsLast30Days: 4,
  repeatContact: true,
  totalContacts: 9,
  firstContactAt: NOW - 300 * DAY,
  openPromises: [
    { id: 'p1', customerId: CID, text: tagged('promise-overdue', 4), dueAt: NOW - DAY, status: 'open' as const, createdAt: NOW - 3 * DAY, overdue: true },
    { id: 'p2', customerId: CID, text: tagged('promise-open', 5), dueAt: NOW + DAY, status: 'open' as const, createdAt: NOW - DAY, overdue: false },
  ],
  latestNotes: [{ id: 'n1', customerId: CID, at: NOW - DAY, text: tagged('note', 6), author: tagged('note-author', 7, 200) }],
  timeline: [
    { id: 'i1', customerId: CID, channel: 'email' as const, at: NOW - 2 * DAY, agent: tagged('agent', 8, 200), subject: tagged('subject', 9), summary: tagged('summary', 10), outcome: tagged('outcome', 11, 200), ticketId: 'T-1', sourceKey: 'a', origin: 'import' as const },
    { id: 'i2', customerId: CID, channel: 'phone' as const, at: NOW - 5 * DAY, summary: tagged('summary2', 12), sourceKey: 'b', origin: 'sent-reply' as const, agent: tagged('agent', 8, 200) },
  ],
  activeMerges: 1,
};

const absorbed = { ...customer, id: 'cust-0', name: tagged('merged-name', 13), emails: [tagged('merged-email', 14)], phones: [] };

/** Hostile answers, each checked against the protocol's own output schema so the shapes are real. */
const answers: Partial<Record<MessageName, unknown>> = {
  lookupCustomer: view,
  getCustomerView: view,
  searchCustomers: [{ id: 'c9', name: tagged('search-name', 15), emails: [tagged('search-email', 16)], phones: [] }],
  listMerges: [{ id: 'm1', at: NOW - DAY, survivorId: CID, survivorBefore: customer, absorbed, moved: { interactions: [], notes: [], promises: [] }, reason: tagged('merge-reason', 17) }],
  promisesToConfirm: [{ id: 'p3', customerId: CID, text: tagged('proposed', 18), dueAt: NOW + 2 * DAY, status: 'proposed', createdAt: NOW, ambiguous: tagged('ambiguous', 19) }],
  customerFacts: [{ kind: 'order-number', value: tagged('fact', 20), at: NOW - DAY, source: 'message' }],
  recentReplies: [tagged('recent', 21)],
  findSimilarReply: null,
};

const sendMock = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', async (importOriginal) => ({ ...(await importOriginal<object>()), send: sendMock }));

beforeEach(() => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
  sendMock.mockImplementation(async (name: MessageName) => {
    if (!(name in answers)) throw new Error(tagged(`error-${name}`, 22));
    return protocol[name].output.parse(answers[name]);
  });
});

const roots: Root[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) act(() => r.unmount());
  document.body.replaceChildren();
});

/** Lets queries resolve and React commit, several rounds (queries start after the first render). */
async function settle() {
  for (let i = 0; i < 6; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

function hostileGuide() {
  const r = parseGuide({
    schemaVersion: 2,
    name: tagged('guide-name', 1, 120),
    avoid: [{ phrase: 'dear customer', why: tagged('guide-why', 2), instead: tagged('guide-instead', 3) }],
    prefer: [{ category: 'technical', kind: 'apology', text: tagged('guide-prefer', 4) }],
    escalations: [{ id: 'repeat', when: { contactsAtLeast: 1 }, message: tagged('escalation', 5), handoffTo: tagged('handoff-to', 6, 200) }],
  });
  if (!r.ok) throw new Error(`fixture guide does not parse: ${r.errors.join('; ')}`);
  return r.guide;
}

/** A finding flags the whole payload at the start of the draft, so the flagged span shows it. */
function hostileAnalysis(draft: string, flagged: string): Analysis {
  const at = (needle: string) => ({ start: draft.indexOf(needle), end: draft.indexOf(needle) + needle.length });
  return {
    score: 88,
    verdict: 'canned',
    findings: [
      { rule: 'stock-apology', message: tagged('finding-message', 7), ...at(flagged), severity: 'warning', fix: { replacement: tagged('finding-fix', 8), hint: tagged('finding-hint', 9) } },
      { rule: 'near-duplicate', message: tagged('finding-dup', 10), start: 0, end: 0, severity: 'info' },
    ],
    similarTo: null,
    guideErrors: [tagged('guide-error', 11)],
  };
}

const snapshot: PageSnapshot = {
  identity: { name: tagged('page-name', 12), email: 'priya@example.com', ticketId: 'T-2' },
  subject: tagged('page-subject', 13),
  lastCustomerMessage: `${tagged('page-message', 14)} My order number is 88123 and I already restarted the router.`,
  composerCount: 1,
  missing: [tagged('missing', 15)],
  url: 'https://mail.google.com/mail/u/0/#inbox/1',
};

async function renderSidebar(snap: PageSnapshot) {
  const draft = `${tagged('draft', 16)} Dear Customer, what is your order number?`;
  const store = createStore({
    snapshot: snap,
    open: true,
    guide: { guide: hostileGuide(), source: 'local' },
    draft,
    analysis: hostileAnalysis(draft, tagged('draft', 16)),
    afterSend: { at: NOW, customerId: CID, captured: 1, nudges: [{ text: tagged('nudge-text', 17), message: tagged('nudge-message', 18) }] },
  });
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () =>
    root.render(
      <App
        store={store}
        queryClient={queryClient}
        hostLabel={tagged('host-label', 19)}
        agent={tagged('agent', 8, 200)}
        onOpenChange={() => undefined}
        onInsert={async () => 'inserted'}
        onPresendShown={() => undefined}
        onPresendChoose={() => undefined}
        onApplyFix={async () => true}
      />,
    ),
  );
  await settle();
  return { host, store, draft };
}

async function click(el: Element | null | undefined) {
  expect(el).toBeTruthy();
  await act(async () => (el as HTMLElement).click());
  await settle();
}

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
  await act(async () => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

const byText = (root: ParentNode, selector: string, text: string) => Array.from(root.querySelectorAll(selector)).find((b) => b.textContent?.includes(text));

describe('sidebar with hostile data', { timeout: 30_000 }, () => {
  it('renders every customer-card field, the page context, guide, reply check and after-send notes as text', async () => {
    const { host } = await renderSidebar(snapshot);
    expect(host.querySelector('[data-testid="customer-card"]')).not.toBeNull();
    expectInert(host, [
      customer.name,
      customer.emails[0]!,
      customer.phones[0]!,
      customer.accountIds[0]!,
      view.openPromises[0]!.text,
      view.openPromises[1]!.text,
      view.latestNotes[0]!.text,
      view.latestNotes[0]!.author!,
      view.timeline[0]!.subject!,
      view.timeline[0]!.summary!,
      view.timeline[0]!.outcome!,
      view.timeline[0]!.agent!,
      absorbed.name,
      absorbed.emails[0]!,
      tagged('proposed', 18),
      tagged('ambiguous', 19),
      tagged('guide-name', 1, 120),
      tagged('escalation', 5),
      tagged('handoff-to', 6, 200),
      tagged('host-label', 19),
      tagged('missing', 15),
      tagged('draft', 16),
      tagged('finding-message', 7),
      tagged('finding-fix', 8),
      tagged('finding-hint', 9),
      tagged('nudge-text', 17),
      tagged('nudge-message', 18),
    ]);
  });

  it('keeps the suggestions, the handoff note and the forget dialog inert', async () => {
    const { host } = await renderSidebar(snapshot);
    expect(host.querySelector('[data-testid="suggestions"]')).not.toBeNull();
    await click(byText(host, 'button', 'Write handoff note'));
    const handoff = host.querySelector('[data-testid="handoff-text"]')?.textContent ?? '';
    expect(handoff).toContain(customer.name);
    expect(handoff).toContain(view.openPromises[0]!.text);
    await click(byText(host, 'button', 'Forget this customer'));
    // Talking points render the same suggestions as a list for a call.
    const talking = host.querySelector<HTMLInputElement>('.suggestions input[type="checkbox"]');
    await click(talking);
    expectInert(host, [customer.name, view.openPromises[0]!.text]);
    expect(host.querySelector('[role="alertdialog"]')?.textContent).toContain(customer.name);
  });

  it('shows hostile search results and a hostile background error message as text', async () => {
    const { host } = await renderSidebar(snapshot);
    const search = host.querySelector<HTMLInputElement>('input[type="search"]')!;
    await type(search, 'pri');
    expectInert(host, [tagged('search-name', 15), tagged('search-email', 16)]);
    // A hostile error (a message the background failed with) is shown as text too.
    answers.searchCustomers = undefined;
    delete answers.searchCustomers;
    await type(search, 'pria');
    expectInert(host, [tagged('error-searchCustomers', 22)]);
  });

  it('renders a customer new to Rapport, named only by the page, as text', async () => {
    const saved = answers.lookupCustomer;
    answers.lookupCustomer = null;
    try {
      const { host } = await renderSidebar(snapshot);
      expect(host.querySelector('[data-testid="new-customer"]')).not.toBeNull();
      expectInert(host, [tagged('page-name', 12), tagged('draft', 16)]);
    } finally {
      answers.lookupCustomer = saved;
    }
  });

  it('renders a failed lookup whose error message is a payload as text', async () => {
    const saved = answers.lookupCustomer;
    delete answers.lookupCustomer;
    try {
      const { host } = await renderSidebar(snapshot);
      expectInert(host, [tagged('error-lookupCustomer', 22)]);
    } finally {
      answers.lookupCustomer = saved;
    }
  });

  it('the pre-send dialog shows a hostile draft and findings as text', async () => {
    const draft = `${tagged('held-draft', 3)} Dear Customer`;
    const held: HeldSend = { id: 'h1', draft, analysis: hostileAnalysis(draft, tagged('held-draft', 3)) };
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    roots.push(root);
    await act(async () => root.render(<PresendDialog held={held} onShown={() => undefined} onChoose={() => undefined} />));
    expect(host.querySelector('[data-testid="presend-dialog"]')).not.toBeNull();
    expectInert(host, [tagged('held-draft', 3), tagged('finding-message', 7), tagged('finding-fix', 8), tagged('finding-dup', 10)]);
  });
});
