// @vitest-environment happy-dom
/**
 * The options page shows what others wrote: imported CSV headers and cells, row errors that
 * quote them, job file names, agent names, follow-ups, a team guide's texts and warnings, a
 * subscription's error and change list. All of it renders as text.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/options-app';
import { RapportMessageError } from '@/lib/messaging/client';
import { protocol, type MessageName } from '@/lib/messaging/protocol';
import type { ImportJob } from '@/lib/schemas/jobs';
import { expectInert, markupFindings } from './dom-safety';
import { PAYLOADS, tagged } from './payloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.now();

const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  id: 'job-1',
  fileName: tagged('file-name', 0),
  fileSize: 100,
  fingerprint: 'fp',
  mapping: {},
  startedAt: NOW - 1000,
  updatedAt: NOW,
  status: 'interrupted',
  lastRow: 3,
  customersCreated: 1,
  customersUpdated: 0,
  interactionsWritten: 2,
  duplicatesSkipped: 0,
  notesWritten: 0,
  errors: [{ row: 2, reason: tagged('job-error', 1) }],
  errorCount: 1,
  ...over,
});

let answers: Partial<Record<MessageName, unknown>>;
let failures: Partial<Record<MessageName, string>>;

const sendMock = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', async (importOriginal) => ({ ...(await importOriginal<object>()), send: sendMock }));

beforeEach(async () => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
  answers = {
    stats: { customers: 1, interactions: 2, notes: 3, promises: 4 },
    overrideStats: [{ agent: tagged('override-agent', 2), count: 3, lastAt: NOW, topRules: [tagged('override-rule', 3)] }],
    listImportJobs: [job()],
    myFollowUps: [{ id: 'p1', customerId: 'c1', text: tagged('follow-up', 4), dueAt: NOW - 1000, status: 'open', createdAt: NOW, customerName: tagged('follow-up-name', 5), overdue: true }],
    importBegin: { job: job({ status: 'running', lastRow: 0 }), resumed: false },
    importBatch: job({ status: 'running' }),
    importFinish: job({ status: 'done' }),
  };
  failures = {};
  // fake-browser leaves the permissions API unimplemented; the sections only ask and listen.
  const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn(() => false) });
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async () => false),
    request: vi.fn(async () => false),
    remove: vi.fn(async () => false),
    onAdded: event(),
    onRemoved: event(),
  });
  sendMock.mockImplementation(async (name: MessageName) => {
    if (failures[name]) throw new RapportMessageError(failures[name]);
    if (!(name in answers)) throw new RapportMessageError(tagged(`error-${name}`, 6));
    return protocol[name].output.parse(answers[name]);
  });
  await fakeBrowser.storage.local.set({
    'guide.local': localGuide,
    'guide.subscription': {
      url: 'https://guides.example.com/"><img src=x onerror=window.__pwned=1>.json',
      etag: null,
      lastGood: null,
      lastCheckedAt: NOW,
      lastUpdatedAt: null,
      lastError: { message: tagged('subscription-error', 7), at: NOW },
      lastChanges: [tagged('subscription-change', 8)],
      warnings: [tagged('subscription-warning', 9)],
    },
  });
});

const roots: Root[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) act(() => r.unmount());
  document.body.replaceChildren();
});

const localGuide = JSON.stringify({
  schemaVersion: 2,
  name: tagged('guide-name', 10, 120),
  avoid: [{ phrase: 'dear customer', why: tagged('guide-why', 11), instead: tagged('guide-instead', 12) }],
  prefer: [],
  generic: [{ id: 'intranet', label: tagged('in-house-label', 13, 100), urlPattern: 'https://intranet.example.com/*', customer: { email: '.email' }, editor: 'textarea.reply', send: 'button.send' }],
  [tagged('unknown-key', 14, 80)]: 1,
});

async function settle() {
  for (let i = 0; i < 8; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

async function renderOptions() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => root.render(<QueryClientProvider client={qc}><OptionsApp /></QueryClientProvider>));
  await settle();
  return host;
}

async function pickFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

const button = (root: ParentNode, text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);

/** A CSV whose headers and cells are payloads; the email cell of row 3 is invalid so its row error quotes it. */
function hostileCsv(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const headers = ['Email', 'Name', 'Subject', PAYLOADS[1]!, PAYLOADS[3]!];
  const rows = [
    ['ana@example.com', tagged('cell-name', 15), tagged('cell-subject', 16), PAYLOADS[0]!, PAYLOADS[7]!],
    ['ben@example.com', tagged('cell-name-2', 17), PAYLOADS[12]!, 'x', 'y'],
    [`bad ${PAYLOADS[2]!}`, 'Cy', 'z', 'x', 'y'],
  ];
  return [headers, ...rows].map((r) => r.map(q).join(',')).join('\n');
}

describe('options page with hostile data', { timeout: 30_000 }, () => {
  it('renders stats, overrides, follow-ups, the unfinished import, the guide and its subscription as text', async () => {
    const host = await renderOptions();
    expect(host.querySelector('[data-testid="guide-valid"]')).not.toBeNull();
    expectInert(host, [
      tagged('override-agent', 2),
      tagged('override-rule', 3),
      tagged('follow-up', 4),
      tagged('follow-up-name', 5),
      tagged('file-name', 0),
      tagged('guide-name', 10, 120),
      tagged('unknown-key', 14, 80),
      tagged('guide-why', 11),
      tagged('subscription-error', 7),
      tagged('subscription-change', 8),
      tagged('subscription-warning', 9),
      tagged('in-house-label', 13, 100),
      'https://guides.example.com/"><img src=x onerror=window.__pwned=1>.json',
    ]);
    // The guide editor holds the hostile JSON as its value: text in a form control, never markup.
    expect(host.querySelector<HTMLTextAreaElement>('textarea[aria-label="Guide (JSON)"]')?.value).toBe(localGuide);
  });

  it('shows an invalid hostile guide\'s errors as text', async () => {
    const host = await renderOptions();
    const editor = host.querySelector<HTMLTextAreaElement>('textarea[aria-label="Guide (JSON)"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    const bad = JSON.stringify({ schemaVersion: 2, name: PAYLOADS[0], avoid: [{ phrase: 7, why: PAYLOADS[1] }], prefer: [{ category: PAYLOADS[2] }] });
    await act(async () => {
      setter.call(editor, bad);
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(host.querySelector('[data-testid="guide-errors"]')).not.toBeNull();
    expectInert(host, []);
  });

  it('previews and imports a CSV whose headers and cells are payloads, listing row errors as text', async () => {
    const host = await renderOptions();
    const input = host.querySelector<HTMLInputElement>('input[aria-label="File to import"]')!;
    await pickFile(input, new File([hostileCsv()], 'contacts.csv', { type: 'text/csv' }));
    expect(host.querySelector('table[aria-label="Column mapping"]')).not.toBeNull();
    expectInert(host, [PAYLOADS[1]!, PAYLOADS[3]!, tagged('cell-name', 15), tagged('cell-subject', 16)]);
    await act(async () => button(host, 'Import')!.click());
    await settle();
    expect(host.querySelector('[data-testid="import-done"]')).not.toBeNull();
    const errors = host.querySelector('[data-testid="import-errors"]');
    expect(errors?.textContent).toContain('Row 4');
    expectInert(host, [`bad ${PAYLOADS[2]!}`.slice(0, 20)]);
  });

  it('shows a hostile background error that stops an import as text', async () => {
    failures.importBatch = tagged('batch-error', 18);
    const host = await renderOptions();
    const input = host.querySelector<HTMLInputElement>('input[aria-label="File to import"]')!;
    await pickFile(input, new File([hostileCsv()], 'contacts.csv', { type: 'text/csv' }));
    await act(async () => button(host, 'Import')!.click());
    await settle();
    expect(host.querySelector('[data-testid="import-stopped"]')).not.toBeNull();
    expectInert(host, [tagged('batch-error', 18)]);
  });

  it('reports a hostile, invalid backup file as text', async () => {
    const host = await renderOptions();
    const input = host.querySelector<HTMLInputElement>('input[aria-label="Restore from a backup file"]')!;
    const hostileBackup = JSON.stringify({ format: PAYLOADS[0], tables: { [PAYLOADS[1]!]: [PAYLOADS[2]] } });
    await pickFile(input, new File([hostileBackup], 'backup.json', { type: 'application/json' }));
    expect(host.textContent).toContain('Not a Rapport backup');
    expect(markupFindings(host)).toEqual([]);
    await pickFile(input, new File([`${PAYLOADS[0]}{`], 'backup.json', { type: 'application/json' }));
    expect(host.textContent).toContain('Not valid JSON');
    expectInert(host, []);
  });
});
