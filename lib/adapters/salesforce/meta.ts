import type { HostMeta } from '../hosts';

export const meta = {
  id: 'salesforce',
  label: 'Salesforce Service Console',
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  editorKind: 'ckeditor4-iframe',
  examples: {
    match: [
      'https://acme.lightning.force.com/lightning/r/Case/5004x00000AbCdE/view',
      'https://acme--sandbox.sandbox.lightning.force.com/lightning/page/home',
      'https://acme.my.salesforce.com/500/o',
    ],
    noMatch: [
      'https://acme.lightning.force.com.evil.example/lightning/r/Case/1/view',
      'https://www.salesforce.com/',
      'https://acme.my.salesforce.com.evil.example/',
      'http://acme.lightning.force.com/lightning/r/Case/1/view',
    ],
  },
} as const satisfies HostMeta;
