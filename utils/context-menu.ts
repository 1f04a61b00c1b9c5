// "Ask support about this page" / "…this selection" / "Send a screenshot of this page": opens the panel,
// then hands it the page (or the screenshot, which the click's activeTab grant lets us capture).
import { captureScreenshot } from './background/screenshot';
import { openPanel, type MenuClickInfo, type MenuTab } from './platform';
import type { Handoff } from './protocol/mailboxes';
import { t } from './i18n/messages';

export const MENU_PAGE = 'hoory-ask-page';
export const MENU_SELECTION = 'hoory-ask-selection';
const MENU_SCREENSHOT = 'hoory-screenshot';
/** The keyboard shortcut's command name (manifest `commands`). */
export const SCREENSHOT_COMMAND = 'send-screenshot';

export const menuItems = () => [
  { id: MENU_PAGE, title: t('menuAskPage'), contexts: ['page'] },
  { id: MENU_SELECTION, title: t('menuAskSelection'), contexts: ['selection'] },
  { id: MENU_SCREENSHOT, title: t('menuScreenshot'), contexts: ['page'] },
];

type HandOff = (handoff: Handoff) => Promise<void>;

/** The menu item or the shortcut: the panel opens at once, the screenshot follows into it. */
export function sendScreenshot(tab: MenuTab | undefined, handOff: HandOff): Promise<void> {
  const opened = openPanel(tab?.windowId).catch((e) => console.warn('Could not open the panel', e));
  const url = tab?.url ?? '';
  const captured = captureScreenshot(tab?.windowId).then(
    (file) => handOff({ kind: 'screenshot', file, ...(url ? { page: { url, title: tab?.title || url } } : {}), at: Date.now() }),
    (e) => {
      console.warn('No screenshot', e);
      return handOff({ kind: 'screenshot.failed', at: Date.now() });
    },
  );
  return Promise.all([opened, captured]).then(() => {});
}

/** `handOff` leaves the page (and the quote) for the panel the click opens. */
export function onMenuClick(info: MenuClickInfo, tab: MenuTab | undefined, handOff: HandOff): Promise<void> {
  if (info.menuItemId === MENU_SCREENSHOT) return sendScreenshot(tab, handOff);
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
