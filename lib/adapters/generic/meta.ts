import type { HostMeta } from '../hosts';
import type { GenericAdapter } from '@/lib/guide/schema';

/**
 * The generic adapter has no URLs of its own: a team guide's `generic` entries say where it runs
 * (granted per origin at runtime, never in the manifest). Its examples are the ones a sample
 * configuration must claim and must not, checked by tests/lib/adapters/*.test.ts through the
 * same URL matching the content script uses.
 */
export const sampleConfig = {
  id: 'acme-support',
  label: 'Acme Support',
  urlPattern: 'https://support.acme-internal.example/tickets/*',
  customer: {
    name: '[data-field="customer-name"]',
    email: '[data-field="customer-email"]',
    phone: '[data-field="customer-phone"]',
    accountId: '[data-field="account-id"]',
  },
  editor: '#reply .ql-editor',
  send: 'button[data-action="send"]',
  message: '.message.from-customer .body',
} as const satisfies GenericAdapter;

export const meta = {
  id: 'generic',
  label: 'In-house tool',
  matches: [],
  // The default until a page is read: each configuration's editor decides (see detectEditorKind).
  editorKind: 'contenteditable',
  examples: {
    match: ['https://support.acme-internal.example/tickets/1042', 'https://support.acme-internal.example/tickets/queue/open'],
    noMatch: [
      'https://support.acme-internal.example/admin/users',
      'http://support.acme-internal.example/tickets/1042',
      'https://support.acme-internal.example.evil.example/tickets/1',
      'https://mail.google.com/mail/u/0/#inbox',
    ],
  },
} as const satisfies HostMeta;
