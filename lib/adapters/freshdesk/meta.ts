import type { HostMeta } from '../hosts';

export const meta = {
  id: 'freshdesk',
  label: 'Freshdesk',
  matches: ['https://*.freshdesk.com/a/tickets/*'],
  editorKind: 'froala',
  examples: {
    match: [
      'https://acme.freshdesk.com/a/tickets/4821',
      'https://support-eu.freshdesk.com/a/tickets/77?tab=conversations',
    ],
    noMatch: [
      'https://acme.freshdesk.com/support/tickets/4821',
      'https://www.freshdesk.com/',
      'https://acme.freshdesk.com.evil.example/a/tickets/1',
      'http://acme.freshdesk.com/a/tickets/4821',
    ],
  },
} as const satisfies HostMeta;
