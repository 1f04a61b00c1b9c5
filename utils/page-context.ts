// The page the user is looking at, with the least permission that works: activeTab grants the URL after
// a toolbar click, menu click or shortcut; otherwise the optional `tabs` permission is asked on first use.
import { browser } from 'wxt/browser';
import type { PageContext } from './protocol';
import { requestPermission } from './platform';
import { t } from './i18n/messages';

export async function readActivePage(): Promise<PageContext | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.url || !/^https?:/.test(tab.url)) return null;
  return { url: tab.url, title: tab.title || tab.url };
}

/**
 * Read the active page when its URL is hidden (activeTab was not granted for it): asks for the optional
 * `tabs` permission. Call it first thing in a click handler: the request must start before any `await`,
 * or the browser no longer sees the user's gesture. Already granted, it resolves without a prompt.
 */
export async function getActivePage(): Promise<PageContext | null> {
  const granted = await requestPermission('tabs').catch(() => false);
  return granted ? readActivePage() : null;
}

/** The line added to a message so the agent sees the page in Hoory's dashboard. */
export function pageLine(page: PageContext): string {
  return t('pageLine', page.title, page.url);
}
