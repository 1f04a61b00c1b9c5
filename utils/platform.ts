// Every Chrome/Firefox difference, and every browser API the test fake lacks (sidePanel, menus,
// permissions, notifications), lives here. Unit tests replace this module with vi.mock.
import { browser } from 'wxt/browser';
import type { Upload } from './upload/form-parts';
import { createOffscreenUpload } from './upload/offscreen-upload';
import { xhrUploader } from './upload/xhr-upload';

const isFirefox = import.meta.env.FIREFOX;

// Loosely typed handles: the polyfill's types do not know sidePanel, and Firefox MV2 has browserAction.
const api = browser as unknown as Record<string, any>;
const action = () => api.action ?? api.browserAction;
const menus = () => api.menus ?? api.contextMenus;

/** Open the panel. Must be called synchronously inside a user-gesture handler: no `await` before it. */
export function openPanel(windowId?: number): Promise<void> {
  if (isFirefox) return api.sidebarAction.open();
  return api.sidePanel.open(windowId === undefined ? {} : { windowId });
}

/** Toolbar icon and keyboard command open the panel. */
export function openPanelOnActionClick(): void {
  if (isFirefox) {
    action().onClicked.addListener(() => {
      const sidebar = api.sidebarAction;
      void (sidebar.toggle ? sidebar.toggle() : sidebar.open());
    });
  } else {
    void api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  }
}

export async function setBadge(text: string, title: string): Promise<void> {
  await action().setBadgeText({ text });
  await action().setTitle({ title });
  if (text) await action().setBadgeBackgroundColor({ color: '#1f6feb' });
}


export interface MenuItem {
  id: string;
  title: string;
  contexts: string[];
}
export async function createMenus(items: MenuItem[]): Promise<void> {
  await menus().removeAll();
  for (const item of items) menus().create(item);
}
export function onMenuClicked(listener: (info: MenuClickInfo, tab?: MenuTab) => void): void {
  menus().onClicked.addListener(listener);
}
export interface MenuClickInfo {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}
export interface MenuTab {
  id?: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/** Runs when the active tab changes, or the active tab's address, title or load state does. */
export function watchActiveTab(onChange: () => void): () => void {
  const onUpdated = (_id: number, change: { url?: string; title?: string; status?: string }) => {
    if (change.url || change.title || change.status === 'complete') onChange();
  };
  browser.tabs.onActivated.addListener(onChange);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.tabs.onActivated.removeListener(onChange);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

/** A keyboard shortcut of the manifest's `commands`, with the tab it was pressed on. */
export function onCommand(listener: (command: string, tab?: MenuTab) => void): void {
  browser.commands?.onCommand.addListener((command: string, tab?: MenuTab) => listener(command, tab));
}

// ---- Permissions -----------------------------------------------------------------------------------
const originPattern = (origin: string) => `${new URL(origin).origin}/*`;

export async function hasOrigin(origin: string): Promise<boolean> {
  return api.permissions.contains({ origins: [originPattern(origin)] });
}
/** Asks the user; must run inside a click handler. Resolves false when refused. */
export async function requestOrigin(origin: string): Promise<boolean> {
  return api.permissions.request({ origins: [originPattern(origin)] });
}
export async function requestPermission(permission: 'notifications' | 'tabs'): Promise<boolean> {
  return api.permissions.request({ permissions: [permission] });
}

// ---- Notifications ---------------------------------------------------------------------------------
export async function notify(id: string, title: string, message: string): Promise<void> {
  if (!api.notifications) return;
  await api.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}
export function onNotificationClicked(listener: (id: string) => void): void {
  api.notifications?.onClicked.addListener(listener);
}
export async function clearNotification(id: string): Promise<void> {
  await api.notifications?.clear(id);
}

// ---- Screenshots ---------------------------------------------------------------------------------
/** The visible part of a window's active tab, as a PNG data URL. Needs activeTab (a toolbar, menu or
 *  keyboard shortcut gesture on that tab) — never `<all_urls>`. */
export async function captureVisibleTab(windowId?: number): Promise<string> {
  return windowId === undefined
    ? browser.tabs.captureVisibleTab({ format: 'png' })
    : browser.tabs.captureVisibleTab(windowId, { format: 'png' });
}

// ---- Network --------------------------------------------------------------------------------------
/** The worker's (or page's) network, as the browser sees it: a hint, not a promise that a server answers. */
export const isOnline = () => globalThis.navigator?.onLine !== false;

export function onNetworkChange(listener: (online: boolean) => void): void {
  globalThis.addEventListener?.('online', () => listener(true));
  globalThis.addEventListener?.('offline', () => listener(false));
}

// ---- Uploads --------------------------------------------------------------------------------------
/** How a message with files goes up, with progress where the platform allows: Firefox's background page
 *  has XMLHttpRequest; Chrome's worker has none and hands the upload to an offscreen document. Undefined:
 *  the client's fetch, without progress. */
export function uploader(): Upload | undefined {
  if (isFirefox) return typeof XMLHttpRequest === 'function' ? xhrUploader : undefined;
  return api.offscreen ? createOffscreenUpload(api.offscreen) : undefined;
}
