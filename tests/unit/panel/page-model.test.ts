import { describe, expect, it, vi } from 'vitest';
import { createPageModel } from '@/utils/panel/page-model';
import { fakeConnector, type FakeOptions } from '../components/fake-connector';

const PAGE = { url: 'https://shop.example.com/cart', title: 'Your cart' };
const OTHER = { url: 'https://other.example.com/', title: 'Other' };

function model(options: FakeOptions = {}) {
  const fake = fakeConnector({}, options);
  return { fake, page: createPageModel(fake.connector) };
}

describe('page model', () => {
  it('shows the active tab’s page when the browser shows its address, without asking', async () => {
    const { fake, page } = model({ page: PAGE });
    expect(page.page.value).toBeNull();
    await page.refresh();
    expect(page.page.value).toEqual(PAGE);
    expect(page.attach.value).toBe(false);
    expect(fake.connector.requestPage).not.toHaveBeenCalled();
  });

  it('a hidden address forgets a page only shown, and keeps one to attach', async () => {
    const { fake, page } = model({ page: PAGE });
    await page.refresh();
    fake.setPage(OTHER, { readable: false });
    await page.refresh();
    expect(page.page.value).toBeNull();

    page.attachPage(PAGE);
    await page.refresh();
    expect(page.page.value).toEqual(PAGE);
    expect(page.attach.value).toBe(true);
    fake.setPage(OTHER);
    await page.refresh(); // a readable page is shown, even over one to attach
    expect(page.page.value).toEqual(OTHER);
  });

  it('a failure to read the tab counts as a hidden address', async () => {
    const { fake, page } = model({ page: PAGE });
    await page.refresh();
    vi.mocked(fake.connector.readPage).mockRejectedValueOnce(new Error('no tab'));
    await page.refresh();
    expect(page.page.value).toBeNull();
  });

  it('switching on with a known page attaches it, asking nothing', async () => {
    const { fake, page } = model({ page: PAGE });
    await page.refresh();
    await page.setAttach(true);
    expect(page.attach.value).toBe(true);
    expect(page.notice.value).toBeNull();
    await page.setAttach(false);
    expect(page.attach.value).toBe(false);
    expect(fake.connector.requestPage).not.toHaveBeenCalled();
  });

  it('switching on with no page asks for it in the click, says it is reading, then attaches it', async () => {
    const { fake, page } = model({ page: PAGE, readable: false, answers: { page: true } });
    const on = page.setAttach(true);
    expect(fake.connector.requestPage).toHaveBeenCalledOnce(); // before anything is awaited
    expect(page.notice.value).toBe('reading');
    expect(page.attach.value).toBe(true);
    await on;
    expect(page.notice.value).toBeNull();
    expect(page.page.value).toEqual(PAGE);
    expect(page.attach.value).toBe(true);
  });

  it('switching on when the page cannot be read says so and stays off; the next toggle clears the notice', async () => {
    const { fake, page } = model({ page: PAGE, readable: false, answers: { page: false } });
    await page.setAttach(true);
    expect(page.notice.value).toBe('cant_read');
    expect(page.attach.value).toBe(false);
    expect(page.page.value).toBeNull();

    vi.mocked(fake.connector.requestPage).mockRejectedValueOnce(new Error('refused'));
    await page.setAttach(true);
    expect(page.notice.value).toBe('cant_read');
    await page.setAttach(false);
    expect(page.notice.value).toBeNull();
  });

  it('a page handed over is attached; a message sent with it turns the switch off', () => {
    const { page } = model();
    page.attachPage(PAGE);
    expect(page.page.value).toEqual(PAGE);
    expect(page.attach.value).toBe(true);
    page.sent();
    expect(page.attach.value).toBe(false);
    expect(page.page.value).toEqual(PAGE); // still shown
  });

  it('watches the active tab until told to stop', async () => {
    const { fake, page } = model();
    const stop = page.watch();
    expect(fake.watchers()).toBe(1);
    await fake.switchTab(OTHER);
    expect(page.page.value).toEqual(OTHER);
    stop();
    expect(fake.watchers()).toBe(0);
    await fake.switchTab(PAGE);
    expect(page.page.value).toEqual(OTHER);
  });
});
