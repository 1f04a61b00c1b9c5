// The page the user is looking at, with the least permission that works: activeTab grants the URL after
// a toolbar click, menu click or shortcut; otherwise the optional `tabs` permission is asked on first use.
import { browser } from 'wxt/browser';
import type { PageContext } from './protocol';
import { hasPermission, requestPermission } from './platform';

export async function readActivePage(): Promise<PageContext | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab?.url || !/^https?:/.test(tab.url)) return null;
  return { url: tab.url, title: tab.title || tab.url };
}

/** Read the active page, asking for `tabs` when the URL is hidden. Call from a click handler. */
export async function getActivePage(): Promise<PageContext | null> {
  const page = await readActivePage();
  if (page) return page;
  // Ask only when it can help: without `tabs` the URL of a tab the user did not invoke us on is hidden.
  if (await hasPermission('tabs').catch(() => true)) return null;
  const granted = await requestPermission('tabs').catch(() => false);
  return granted ? readActivePage() : null;
}

/** The line added to a message so the agent sees the page in Hoory's dashboard. */
export function pageLine(page: PageContext): string {
  return `📄 Page: ${page.title} — ${page.url}`;
}
