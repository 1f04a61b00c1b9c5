import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getActivePage, pageLine, readActivePage } from '@/utils/page-context';
import { requestPermission } from '@/utils/platform';

vi.mock('@/utils/platform', () => ({ requestPermission: vi.fn(async () => true) }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(requestPermission).mockClear();
});

describe('page context', () => {
  // The fake browser's tabs carry no titles: give `query` the tab Chrome would return.
  const activeTab = (tab: { url?: string; title?: string }) =>
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false, ...tab }] as never);

  it('reads the active tab\'s title and URL, only for web pages', async () => {
    const query = activeTab({ url: 'https://docs.example/guide', title: 'Guide' });
    expect(await readActivePage()).toEqual({ url: 'https://docs.example/guide', title: 'Guide' });
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    activeTab({ url: 'chrome://settings', title: 'Settings' });
    expect(await readActivePage()).toBeNull();
    activeTab({ title: 'URL hidden without activeTab or tabs' });
    expect(await readActivePage()).toBeNull();
    activeTab({ url: 'https://untitled.example/' });
    expect(await readActivePage()).toEqual({ url: 'https://untitled.example/', title: 'https://untitled.example/' });
  });

  it('asks for the tabs permission only through getActivePage, and reads again once granted', async () => {
    activeTab({ url: 'https://docs.example/a', title: 'A' });
    expect(await getActivePage()).toEqual({ url: 'https://docs.example/a', title: 'A' });
    expect(requestPermission).toHaveBeenCalledWith('tabs');
    vi.mocked(requestPermission).mockResolvedValueOnce(false);
    expect(await getActivePage()).toBeNull();
  });

  it('writes the line the agent sees', () => {
    expect(pageLine({ url: 'https://x.example/p', title: 'Pricing' })).toBe('Page: Pricing — https://x.example/p');
  });
});
