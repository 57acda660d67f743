import type { HostMeta } from '../hosts';

/** Front is one single-page app on one host; conversations open in place (…/open/cnv_…). */
export const meta = {
  id: 'front',
  label: 'Front',
  matches: ['https://app.frontapp.com/*'],
  editorKind: 'contenteditable',
  examples: {
    match: [
      'https://app.frontapp.com/open/cnv_55c8c149',
      'https://app.frontapp.com/inboxes/teams/folders/1234567/unassigned/0',
    ],
    noMatch: [
      'https://front.com/',
      'https://help.front.com/en/articles/2257',
      'http://app.frontapp.com/open/cnv_55c8c149',
      'https://app.frontapp.com.evil.example/open/cnv_1',
    ],
  },
} as const satisfies HostMeta;
