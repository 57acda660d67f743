// @vitest-environment happy-dom
/**
 * The toolbar popup shows the in-house tool's label from the team guide and the agent's
 * follow-ups (customer names, promise texts): hostile values render as text.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/popup-app';
import { protocol, type MessageName } from '@/lib/messaging/protocol';
import { expectInert } from './dom-safety';
import { tagged } from './payloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.now();
const sendMock = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', async (importOriginal) => ({ ...(await importOriginal<object>()), send: sendMock }));

const answers: Partial<Record<MessageName, unknown>> = {
  myFollowUps: [
    { id: 'p1', customerId: 'c1', text: tagged('follow-up', 0), dueAt: NOW - 1000, status: 'open', createdAt: NOW, customerName: tagged('follow-up-name', 1), overdue: true },
    { id: 'p2', customerId: 'c2', text: tagged('follow-up-2', 2), dueAt: NOW + 1000, status: 'open', createdAt: NOW, customerName: tagged('follow-up-name-2', 3), overdue: false },
  ],
};

const guide = JSON.stringify({
  schemaVersion: 2,
  name: tagged('guide-name', 4, 120),
  avoid: [],
  prefer: [],
  generic: [{ id: 'intranet', label: tagged('in-house-label', 5, 100), urlPattern: 'https://intranet.example.com/*', customer: { email: '.email' }, editor: 'textarea', send: 'button' }],
});

const roots: Root[] = [];
beforeEach(async () => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
  sendMock.mockImplementation(async (name: MessageName) => {
    if (!(name in answers)) throw new Error(tagged(`error-${name}`, 6));
    return protocol[name].output.parse(answers[name]);
  });
  Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => false) });
  await fakeBrowser.storage.local.set({ 'guide.local': guide });
});
afterEach(() => {
  for (const r of roots.splice(0)) act(() => r.unmount());
  document.body.replaceChildren();
});

async function renderPopup(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  history.replaceState(null, '', `/popup.html?tab=${tab.id}`);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  await act(async () => root.render(<PopupApp />));
  for (let i = 0; i < 8; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
  return host;
}

describe('popup with hostile data', { timeout: 30_000 }, () => {
  it('renders the in-house tool label from the guide and the follow-ups as text', async () => {
    const host = await renderPopup('https://intranet.example.com/tickets/1?q=<script>window.__pwned=1</script>');
    expect(host.querySelector('[data-testid="popup-status"]')?.textContent).toContain('In-house tool');
    expectInert(host, [tagged('in-house-label', 5, 100), tagged('follow-up', 0), tagged('follow-up-name', 1), tagged('follow-up-2', 2), tagged('follow-up-name-2', 3)]);
  });

  it('renders a hostile error from the background as text', async () => {
    const saved = answers.myFollowUps;
    delete answers.myFollowUps;
    try {
      const host = await renderPopup('https://example.org/');
      expectInert(host, [tagged('error-myFollowUps', 6)]);
    } finally {
      answers.myFollowUps = saved;
    }
  });
});
