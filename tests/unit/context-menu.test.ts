import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandoffs } from '@/utils/background/handoffs';
import { createPanels } from '@/utils/background/panels';
import type { BackgroundEvent } from '@/utils/protocol';
import { MENU_PAGE, MENU_SELECTION, menuItems, onMenuClick as click } from '@/utils/context-menu';
import { handoffText } from '@/utils/panel/handoff-text';
import { handoffMailbox } from '@/utils/protocol/mailboxes';
import { openPanel } from '@/utils/platform';

vi.mock('@/utils/platform', () => ({
  openPanel: vi.fn(() => Promise.resolve()),
  captureVisibleTab: vi.fn(() => Promise.reject(new Error('Missing activeTab permission'))),
}));

const tab = { id: 3, windowId: 7, url: 'https://shop.example/cart', title: 'Cart' };

/** The background's hand-offs, as the entrypoint passes them (`service.handOff`), with one panel open. */
let panelEvents: BackgroundEvent[];
let handOff: ReturnType<typeof createHandoffs>['leave'];
const onMenuClick = (info: Parameters<typeof click>[0], on?: Parameters<typeof click>[1]) => click(info, on, handOff);

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(openPanel).mockClear();
  const panels = createPanels();
  panelEvents = [];
  panels.attach({ post: (e) => void panelEvents.push(e) }, () => {});
  handOff = vi.fn(createHandoffs(panels).leave);
});

describe('context menu', () => {
  it('offers the page and the selection', () => {
    expect(menuItems()).toEqual(
      expect.arrayContaining([
        { id: MENU_PAGE, title: 'Ask support about this page', contexts: ['page'] },
        { id: MENU_SELECTION, title: 'Ask support about this selection', contexts: ['selection'] },
      ]),
    );
    expect(new Set(menuItems().map((item) => item.id)).size).toBe(menuItems().length); // ids are unique
  });

  it('opens the panel of the tab\'s window synchronously, before anything is awaited', () => {
    void onMenuClick({ menuItemId: MENU_PAGE, pageUrl: tab.url }, tab);
    // Still inside the click's task: the browser only opens the panel while it sees the user gesture.
    expect(openPanel).toHaveBeenCalledWith(7);
    // Opened before the hand-off is even written.
    expect(vi.mocked(openPanel).mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(handOff).mock.invocationCallOrder[0]!);
  });

  it('hands the page and the quoted selection to the panel', async () => {
    const start = Date.now();
    await onMenuClick({ menuItemId: MENU_SELECTION, pageUrl: tab.url, selectionText: 'Total: 0 €\nwhy?' }, tab);
    const handoff = await handoffMailbox.getValue();
    expect(handoff).toMatchObject({ kind: 'page', page: { url: 'https://shop.example/cart', title: 'Cart' }, selection: 'Total: 0 €\nwhy?' });
    // Stamped, so the panel clears only the hand-off it took (handoff.take { at }).
    expect(handoff!.at).toBeGreaterThanOrEqual(start);
    expect(handoff!.at).toBeLessThanOrEqual(Date.now());
    expect(panelEvents).toEqual([{ type: 'handoff' }]); // a panel already open is told to take it
    if (handoff?.kind !== 'page') throw new Error('a page hand-off');
    expect(handoffText(handoff)).toBe('> Total: 0 €\n> why?\n\n');
  });

  it('falls back to the page URL when the tab has none, and ignores other menu items', async () => {
    await onMenuClick({ menuItemId: MENU_PAGE, pageUrl: 'https://a.example/' }, { windowId: 1 });
    const handoff = await handoffMailbox.getValue();
    expect(handoff).toMatchObject({ kind: 'page', page: { url: 'https://a.example/', title: 'https://a.example/' } });
    expect(handoff).not.toHaveProperty('selection'); // the page item hands no selection over
    await handoffMailbox.setValue(null);
    await onMenuClick({ menuItemId: 'someone-else' }, tab);
    expect(openPanel).toHaveBeenCalledTimes(1);
    expect(handOff).toHaveBeenCalledTimes(1);
    expect(await handoffMailbox.getValue()).toBeNull();
  });

  it('a page item click hands over no selection, even with text selected', async () => {
    await onMenuClick({ menuItemId: MENU_PAGE, pageUrl: tab.url, selectionText: 'ignored' }, tab);
    expect(await handoffMailbox.getValue()).not.toHaveProperty('selection');
  });

  it('a panel that cannot open still gets the hand-off', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.mocked(openPanel).mockRejectedValueOnce(new Error('no gesture'));
    await onMenuClick({ menuItemId: MENU_PAGE, pageUrl: tab.url }, tab);
    expect(await handoffMailbox.getValue()).toMatchObject({ kind: 'page', page: { url: tab.url } });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('the screenshot item', () => {
  it('a page that cannot be captured leaves the panel it opens a "screenshot failed" hand-off, not nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await onMenuClick({ menuItemId: 'hoory-screenshot', pageUrl: tab.url }, tab);
    expect(openPanel).toHaveBeenCalledWith(7);
    expect(await handoffMailbox.getValue()).toMatchObject({ kind: 'screenshot.failed' });
    expect(panelEvents).toEqual([{ type: 'handoff' }]);
    warn.mockRestore();
  });
});

describe('handoffText', () => {
  const page = { url: 'https://a.example/', title: 'A' };
  it('quotes each line of the selection as Markdown, trimmed, with a blank line to write after', () => {
    expect(handoffText({ kind: 'page', page, selection: '  one\r\ntwo  ', at: 1 })).toBe('> one\n> two\n\n');
  });
  it('is empty without a selection, or with a blank one', () => {
    expect(handoffText({ kind: 'page', page, at: 1 })).toBe('');
    expect(handoffText({ kind: 'page', page, selection: ' \n ', at: 1 })).toBe('');
  });
});
