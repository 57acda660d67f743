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
];
