import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { editorVendorFiles, type ServedHost } from '@/lib/dev/host-routing';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The sample helpdesk lives at a Zendesk URL so the production manifest's patterns apply. */
export const DEMO_ORIGIN = 'https://rapport-demo.zendesk.com';

export const demoHost: ServedHost = {
  hostname: (h) => h === 'rapport-demo.zendesk.com',
  page: (u) => (u.pathname.startsWith('/agent/') ? join(here, 'index.html') : null),
  staticDir: here.replace(/\/$/, ''),
  vendor: editorVendorFiles(root),
};
