// "Ask support about this page" / "…this selection": opens the panel, then hands it the page.
import { openPanel, type MenuClickInfo, type MenuTab } from './platform';
import type { Handoff } from './protocol/mailboxes';
import { strings } from './strings';

export const MENU_PAGE = 'hoory-ask-page';
export const MENU_SELECTION = 'hoory-ask-selection';

export const menuItems = () => [
  { id: MENU_PAGE, title: strings.menuAskPage, contexts: ['page'] },
  { id: MENU_SELECTION, title: strings.menuAskSelection, contexts: ['selection'] },
];

/** `handOff` leaves the page (and the quote) for the panel the click opens. */
export function onMenuClick(info: MenuClickInfo, tab: MenuTab | undefined, handOff: (handoff: Handoff) => Promise<void>): Promise<void> {
  if (info.menuItemId !== MENU_PAGE && info.menuItemId !== MENU_SELECTION) return Promise.resolve();
  // Open first and synchronously: after an `await` the browser no longer sees a user gesture and refuses.
  const opened = openPanel(tab?.windowId).catch((e) => console.warn('Could not open the panel', e));
  const url = tab?.url || info.pageUrl || '';
  const handoff = handOff({
    kind: 'page',
    page: { url, title: tab?.title || url },
    ...(info.menuItemId === MENU_SELECTION && info.selectionText ? { selection: info.selectionText } : {}),
    at: Date.now(),
  });
  return Promise.all([opened, handoff]).then(() => {});
}
