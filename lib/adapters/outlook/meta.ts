import type { HostMeta } from '../hosts';

/**
 * Whole hosts, not just /mail/*: OWA is one app, and a tab opened on /calendar/ that switches
 * to Mail never reloads, so a /mail/-only pattern would leave that tab without Rapport. On
 * non-mail pages read() simply finds no composer and says so.
 */
export const meta = {
  id: 'outlook',
  label: 'Outlook on the web',
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  editorKind: 'contenteditable',
  examples: {
    match: [
      'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D',
      'https://outlook.office365.com/mail/0/inbox/id/AAQkADAwATM0MDAAMS1iNTcyLTQ0',
      'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATZiZmYAZC05',
    ],
    noMatch: [
      'https://outlook.com/',
      'https://www.office.com/',
      'http://outlook.office.com/mail/',
      'https://outlook.office.com.evil.example/mail/inbox',
      'https://mail.google.com/mail/u/0/#inbox',
    ],
  },
} as const satisfies HostMeta;
