import type { HostMeta } from '../hosts';

/**
 * The whole app host: Help Scout is a single-page app, and an agent who starts at the mailbox
 * list reaches conversations without a reload, so a /conversation/-only pattern would miss them.
 */
export const meta = {
  id: 'help-scout',
  label: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],
  editorKind: 'contenteditable',
  examples: {
    match: [
      'https://secure.helpscout.net/conversation/2199011258/891142?folderId=39835',
      'https://secure.helpscout.net/conversation/3100000001/1842/',
    ],
    noMatch: [
      'https://www.helpscout.com/',
      'https://docs.helpscout.com/article/120-keyboard-shortcuts',
      'http://secure.helpscout.net/conversation/1/2',
      'https://secure.helpscout.net.evil.example/conversation/1/2',
    ],
  },
} as const satisfies HostMeta;
