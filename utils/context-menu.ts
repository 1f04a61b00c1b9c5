// "Ask support about this page" / "…this selection": opens the panel, then hands it the page.
import { openPanel, type MenuClickInfo, type MenuTab } from './platform';
import { handoffMailbox } from './protocol/mailboxes';
import { strings } from './strings';

export const MENU_PAGE = 'hoory-ask-page';
export const MENU_SELECTION = 'hoory-ask-selection';

export const menuItems = () => [
  { id: MENU_PAGE, title: strings.menuAskPage, contexts: ['page'] },
  { id: MENU_SELECTION, title: strings.menuAskSelection, contexts: ['selection'] },
];

export function onMenuClick(info: MenuClickInfo, tab?: MenuTab): Promise<void> {
  if (info.menuItemId !== MENU_PAGE && info.menuItemId !== MENU_SELECTION) return Promise.resolve();
  // Open first and synchronously: after an `await` the browser no longer sees a user gesture and refuses.
  const opened = openPanel(tab?.windowId).catch((e) => console.warn('Could not open the panel', e));
  const url = tab?.url || info.pageUrl || '';
  const handoff = handoffMailbox.setValue({
    kind: 'page',
    page: { url, title: tab?.title || url },
    ...(info.menuItemId === MENU_SELECTION && info.selectionText ? { selection: info.selectionText } : {}),
    at: Date.now(),
  });
  return Promise.all([opened, handoff]).then(() => {});
}
