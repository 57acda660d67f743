import type { HostMeta } from '../hosts';

export const meta = {
  id: 'gmail',
  label: 'Gmail',
  matches: ['https://mail.google.com/*'],
  editorKind: 'contenteditable',
  examples: {
    match: [
      'https://mail.google.com/mail/u/0/#inbox',
      'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmlx',
    ],
    noMatch: ['https://www.google.com/', 'https://mail.yahoo.com/', 'http://mail.google.com/mail/u/0/'],
  },
} as const satisfies HostMeta;
