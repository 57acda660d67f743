import { defineConfig } from 'wxt';
import { hostMatches } from './lib/adapters/hosts';
import { ACME_ORIGIN, GLOBEX_ORIGIN } from './tests/e2e/fixtures/hosts/in-house/guide';

// e2e builds only (RAPPORT_E2E=1, set by `npm run test:e2e`): the in-house fixture origins are
// granted at install, standing in for the agent's "Allow" on the permission prompt, which headless
// Chromium cannot show. A real grant: the runtime registration code path is what gets tested.
const e2eGrantedOrigins = process.env.RAPPORT_E2E === '1' ? [ACME_ORIGIN, GLOBEX_ORIGIN] : [];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // App code imports WXT APIs explicitly from '#imports'; auto-imports would turn every
  // component in components/ into an implicit global.
  imports: false,
  // Parallel builds (several e2e runs on one machine) each get their own output folder.
  outDir: process.env.RAPPORT_OUT_DIR || '.output',
  manifest: {
    name: 'Rapport',
    description:
      'Caller history, empathetic phrasing and canned-reply checks inside the helpdesk and mail tools you already use. Customer data stays on this machine.',
    // notifications: follow-up reminders before a promised time and when it is missed.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting', 'notifications'],
    host_permissions: [...hostMatches, ...e2eGrantedOrigins],
    // Enterprise policy for the team guide (URL, pinned key, lock); see README "Enterprise roll-out".
    storage: { managed_schema: 'managed-schema.json' },
    // Asked at runtime, one origin at a time, when the agent enables an in-house tool from the
    // team guide (options page); never granted at install.
    optional_host_permissions: ['https://*/*'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Show or hide the Rapport sidebar',
      },
    },
    action: { default_title: 'Rapport' },
  },
  hooks: {
    // The sidebar's stylesheet is fetched into its shadow root from the host page's context, so it
    // must be web-accessible wherever the sidebar runs, including in-house tools enabled at
    // runtime. The dynamic URL keeps it from identifying Rapport to pages.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const entry of manifest.web_accessible_resources ?? []) {
        if (typeof entry === 'object' && entry.resources.includes('content-scripts/sidebar.css') && 'matches' in entry) {
          entry.matches = [...new Set([...(entry.matches ?? []), 'https://*/*'])];
        }
      }
    },
  },
});
