/** The fixture hosts of the e2e suite, served at their real URLs (see lib/dev/host-routing.ts). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { editorVendorFiles, type ServedHost } from '../../../lib/dev/host-routing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = join(root, 'tests/e2e/fixtures/hosts');

const vendor = editorVendorFiles(root);

export const fixtureHosts: ServedHost[] = [
  {
    hostname: (h) => h === 'mail.google.com',
    page: (u) => (u.pathname.startsWith('/mail/') ? join(dir, 'gmail/mail.html') : null),
    staticDir: dir,
    vendor,
    trustedTypes: true,
  },
  {
    hostname: (h) => /^[a-z0-9-]+\.zendesk\.com$/.test(h),
    page: (u) => (u.pathname.startsWith('/agent/') ? join(dir, 'zendesk/agent.html') : null),
    staticDir: dir,
    vendor,
  },
  {
    // One page for all three OWA hosts; outlook-data.js picks the mailbox (and UI language) by host.
    hostname: (h) => ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'].includes(h),
    page: (u) => (u.pathname.startsWith('/mail/') ? join(dir, 'outlook/mail.html') : null),
    staticDir: dir,
  },
  {
    hostname: (h) => h === 'secure.helpscout.net',
    page: (u) => (u.pathname.startsWith('/conversation/') || u.pathname.startsWith('/mailbox/') ? join(dir, 'help-scout/conversation.html') : null),
    staticDir: dir,
  },
  {
    hostname: (h) => h === 'app.frontapp.com',
    page: () => join(dir, 'front/app.html'),
    staticDir: dir,
    trustedTypes: true,
  },
  {
    hostname: (h) => /^[a-z0-9-]+\.(lightning\.force|my\.salesforce)\.com$/.test(h),
    page: (u) =>
      u.pathname.startsWith('/lightning/') ? join(dir, 'salesforce/console.html')
      // The email publisher's frame (the outer of the two iframe layers); its path is invented.
      : u.pathname === '/_ui/core/email/publisher/EmailPublisherFrame' ? join(dir, 'salesforce/composer.html')
      : null,
    staticDir: dir,
    vendor,
  },
  {
    hostname: (h) => h === 'app.hubspot.com' || h === 'app-eu1.hubspot.com',
    page: (u) => (/^\/live-messages\/\d+\/inbox\//.test(u.pathname) ? join(dir, 'hubspot/inbox.html') : null),
    staticDir: dir,
    vendor,
  },
  {
    hostname: (h) => /^[a-z0-9-]+\.freshdesk\.com$/.test(h),
    page: (u) => (u.pathname.startsWith('/a/tickets/') ? join(dir, 'freshdesk/ticket.html') : null),
    staticDir: dir,
  },
  // In-house tools a team guide describes (lib/adapters/generic); not in the manifest.
  {
    hostname: (h) => h === 'support.acme-internal.example',
    page: (u) => (u.pathname.startsWith('/tickets/') ? join(dir, 'in-house/acme-ticket.html') : null),
    staticDir: dir,
    vendor,
  },
  {
    hostname: (h) => h === 'helpdesk.globex-internal.example',
    page: (u) => (u.pathname.startsWith('/cases/') ? join(dir, 'in-house/globex-case.html') : null),
    staticDir: dir,
  },
];
