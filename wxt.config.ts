import { defineConfig } from 'wxt';

// The manifest is a function: Chrome-only keys (sidePanel) must not leak into Firefox and vice versa.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    // No host access up front: a standard Hoory server answers /public/api with open CORS and WebSockets
    // need none. Only a server without CORS makes "Save" ask for its one origin at runtime.
    const anyOrigin = ['https://*/*', 'http://*/*'];
    return {
      name: 'Hoory Sidebar',
      description: 'Chat with a support team from your browser side panel.',
      permissions: ['storage', 'contextMenus', 'activeTab', 'alarms'],
      // WXT drops optional_host_permissions from MV2 manifests: Firefox gets the origins here.
      optional_permissions: firefox ? ['notifications', 'tabs', ...anyOrigin] : ['notifications', 'tabs'],
      ...(firefox ? {} : { optional_host_permissions: anyOrigin }),
      action: { default_title: 'Hoory Sidebar' },
      commands: firefox
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+H' }, description: 'Open Hoory Sidebar' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+H' }, description: 'Open Hoory Sidebar' } },
      ...(firefox
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
    };
  },
  webExt: { disabled: true },
});
