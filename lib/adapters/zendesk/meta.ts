import type { HostMeta } from '../hosts';

export const meta = {
  id: 'zendesk',
  label: 'Zendesk Agent Workspace',
  matches: ['https://*.zendesk.com/agent/*'],
  editorKind: 'ckeditor5',
  examples: {
    match: [
      'https://acme.zendesk.com/agent/tickets/123',
      'https://support-eu.zendesk.com/agent/filters/36000',
    ],
    noMatch: [
      'https://acme.zendesk.com/hc/en-us/articles/1',
      'https://www.zendesk.com/pricing/',
      'https://zendesk.com.evil.example/agent/tickets/1',
    ],
  },
} as const satisfies HostMeta;
