import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { oneInitialChunk } from './scripts/one-initial-chunk';

// The manifest is a function: Chrome-only keys (sidePanel) must not leak into Firefox and vice versa.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // OUT_DIR lets parallel work (and its end-to-end runs) build into a folder of its own.
  outDir: process.env.OUT_DIR ?? '.output',
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    // No host access up front: a standard Hoory server answers /public/api with open CORS and WebSockets
    // need none. Only a server without CORS makes "Save" ask for its one origin at runtime.
    const anyOrigin = ['https://*/*', 'http://*/*'];
    // Extension pages (and Chrome's worker) run only the extension's own scripts: no eval, no plugins, no
    // <base>, no forms, never framed. They talk to, and show avatars and attachments from, whatever
    // installation the user sets (https, or http for the local sandbox or a LAN server), and show blob:
    // previews of files being sent: connect-src, img-src and media-src stay open to those schemes.
    // tests/e2e/manifest.test.ts holds the exact policy of both builds.
    const extensionPagesCsp = [
      "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
      "frame-ancestors 'none'", "connect-src 'self' https: wss: http: ws:", "img-src 'self' https: http: data: blob:",
      "media-src 'self' https: http: blob:",
    ].join('; ');
    return {
      // Words from public/_locales (English when the browser's language has no folder there).
      name: '__MSG_appName__',
      description: '__MSG_appDescription__',
      default_locale: 'en',
      // Company-wide settings through browser policy (chrome.storage.managed); Firefox reads its policies.json.
      ...(firefox ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
      // offscreen (Chrome): its worker has no XMLHttpRequest, so an offscreen document uploads files with progress.
      permissions: ['storage', 'contextMenus', 'activeTab', 'alarms', ...(firefox ? [] : ['offscreen'])],
      // WXT drops optional_host_permissions from MV2 manifests: Firefox gets the origins here.
      optional_permissions: firefox ? ['notifications', 'tabs', ...anyOrigin] : ['notifications', 'tabs'],
      ...(firefox ? {} : { optional_host_permissions: anyOrigin }),
      action: { default_title: '__MSG_appName__' },
      // public/options.html (not an HTML entrypoint, so WXT does not add it).
      options_ui: { page: 'options.html', open_in_tab: true },
      commands: {
        ...(firefox
          ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_openPanelCommand__' } }
          : { _execute_action: { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_openPanelCommand__' } }),
        // The shortcut grants activeTab on the page, which is all a screenshot needs.
        'send-screenshot': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_menuScreenshot__' },
      },
      content_security_policy: firefox ? extensionPagesCsp : { extension_pages: extensionPagesCsp },
      // sidePanel.open (the context menu and "Open the chat") needs Chrome 116.
      ...(firefox ? {} : { minimum_chrome_version: '116' }),
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
  hooks: {
    // Chrome's offscreen document for uploads with progress (utils/upload/offscreen-upload.ts), copied as it
    // is: as an HTML entrypoint it would share a chunk with the side panel (see the file).
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') files.push({ absoluteSrc: resolve('utils/upload/offscreen.html'), relativeDest: 'upload.html' });
    },
    // Firefox MV2: a persistent background page, said explicitly (WXT leaves the key out; MV2 then defaults to
    // persistent). The ActionCable socket that delivers agent replies lives there; an event page
    // (`persistent: false`) is unloaded when idle and the socket with it, so replies would wait for the next
    // alarm tick. Chrome's MV3 service worker is untouched.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox' && manifest.manifest_version === 2 && manifest.background) {
        manifest.background = { ...manifest.background, persistent: true };
      }
    },
  },
  zip: {
    // The sources zip (AMO review) holds what builds the add-on; WXT already leaves out node_modules, .output,
    // dotfiles and *.test.* files. Tests, the dev sandbox and screenshots are not part of the build.
    excludeSources: ['tests/**', 'sandbox/**', 'docs/screenshots/**', 'tmp/**', 'stats.html'],
  },
  webExt: { disabled: true },
  vite: () => ({ build: { sourcemap: process.env.SOURCEMAP === '1' }, plugins: [oneInitialChunk()] }),
});
