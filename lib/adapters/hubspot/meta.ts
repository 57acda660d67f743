import type { HostMeta } from '../hosts';

export const meta = {
  id: 'hubspot',
  label: 'HubSpot',
  // The whole app, not only /live-messages/: HubSpot is one SPA, and a content script that only
  // matched the inbox would miss an agent who navigates there from the CRM without a reload.
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  editorKind: 'prosemirror',
  examples: {
    match: [
      'https://app.hubspot.com/live-messages/123456/inbox/8812345',
      'https://app-eu1.hubspot.com/live-messages/26543210/inbox/4471002',
    ],
    noMatch: [
      'https://www.hubspot.com/products/service',
      'https://knowledge.hubspot.com/inbox/connect-a-team-email-channel',
      'https://app.hubspot.com.evil.example/live-messages/1/inbox/2',
      'http://app.hubspot.com/live-messages/123456/inbox/8812345',
    ],
  },
} as const satisfies HostMeta;
