import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_PAGE, MENU_SELECTION, menuItems, onMenuClick } from '@/utils/context-menu';
import { draftHandoffItem, draftText } from '@/utils/draft-handoff';
import { openPanel } from '@/utils/platform';

vi.mock('@/utils/platform', () => ({ openPanel: vi.fn(() => Promise.resolve()) }));

const tab = { id: 3, windowId: 7, url: 'https://shop.example/cart', title: 'Cart' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(openPanel).mockClear();
});

describe('context menu', () => {
  it('offers the page and the selection', () => {
    expect(menuItems()).toEqual([
      { id: MENU_PAGE, title: 'Ask support about this page', contexts: ['page'] },
      { id: MENU_SELECTION, title: 'Ask support about this selection', contexts: ['selection'] },
    ]);
  });

  it('opens the panel of the tab\'s window synchronously, before anything is awaited', () => {
    void onMenuClick({ menuItemId: MENU_PAGE, pageUrl: tab.url }, tab);
    // Still inside the click's task: the browser only opens the panel while it sees the user gesture.
    expect(openPanel).toHaveBeenCalledWith(7);
  });

  it('hands the page and the quoted selection to the panel', async () => {
    await onMenuClick({ menuItemId: MENU_SELECTION, pageUrl: tab.url, selectionText: 'Total: 0 €\nwhy?' }, tab);
    const handoff = await draftHandoffItem.getValue();
    expect(handoff).toMatchObject({ page: { url: 'https://shop.example/cart', title: 'Cart' }, selection: 'Total: 0 €\nwhy?' });
    expect(draftText(handoff!)).toBe('> Total: 0 €\n> why?\n\n');
  });

  it('falls back to the page URL when the tab has none, and ignores other menu items', async () => {
    await onMenuClick({ menuItemId: MENU_PAGE, pageUrl: 'https://a.example/' }, { windowId: 1 });
    expect(await draftHandoffItem.getValue()).toMatchObject({ page: { url: 'https://a.example/', title: 'https://a.example/' } });
    await draftHandoffItem.setValue(null);
    await onMenuClick({ menuItemId: 'someone-else' }, tab);
    expect(openPanel).toHaveBeenCalledTimes(1);
    expect(await draftHandoffItem.getValue()).toBeNull();
  });
});
