import { defineConfig } from 'wxt';
import { hostMatches } from './lib/adapters/hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // App code imports WXT APIs explicitly from '#imports'; auto-imports would turn every
  // component in components/ into an implicit global.
  imports: false,
  manifest: {
    name: 'Rapport',
    description:
      'Caller history, empathetic phrasing and canned-reply checks inside the helpdesk and mail tools you already use. Customer data stays on this machine.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    host_permissions: hostMatches,
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Show or hide the Rapport sidebar',
      },
    },
    action: { default_title: 'Rapport' },
  },
});
