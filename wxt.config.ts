import { defineConfig } from 'wxt';

// Manifest as a function: Chrome-only keys (sidePanel) must not leak into Firefox and vice versa.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Hoory Sidebar',
    description: 'Chat with a support team from your browser side panel.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'alarms'],
    action: { default_title: 'Open Hoory Sidebar' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'hoory-sidebar@hoory.com',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
});
