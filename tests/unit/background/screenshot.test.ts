import { beforeEach, describe, expect, it, vi } from 'vitest';
import { captureScreenshot } from '@/utils/background/screenshot';
import { putFile } from '@/utils/files/file-store';
import { captureVisibleTab } from '@/utils/platform';

vi.mock('@/utils/platform', () => ({ captureVisibleTab: vi.fn() }));
vi.mock('@/utils/files/file-store', () => ({
  putFile: vi.fn(async (blob: Blob, name: string) => ({ id: 'f1', name, size: blob.size, type: blob.type })),
}));

// A 1×1 PNG's first bytes are enough: the capture is stored as it comes.
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

beforeEach(() => {
  vi.mocked(captureVisibleTab).mockReset();
  vi.mocked(putFile).mockClear();
});

describe('captureScreenshot', () => {
  it('stores the capture of the window\'s visible tab as a PNG named by the time', async () => {
    vi.mocked(captureVisibleTab).mockResolvedValue(PNG);
    const ref = await captureScreenshot(7);
    expect(captureVisibleTab).toHaveBeenCalledWith(7);
    expect(ref).toMatchObject({ type: 'image/png', size: 8 });
    expect(ref.name).toMatch(/^screenshot-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.png$/);
  });

  it('a capture the browser refuses is no_screenshot', async () => {
    vi.mocked(captureVisibleTab).mockRejectedValue(new Error('Missing activeTab permission'));
    await expect(captureScreenshot(7)).rejects.toMatchObject({ code: 'no_screenshot' });
    expect(putFile).not.toHaveBeenCalled();
  });

  it('a capture that never ends (its tab hidden at once) is no_screenshot after the timeout, not a wait for ever', async () => {
    vi.useFakeTimers();
    try {
      vi.mocked(captureVisibleTab).mockReturnValue(new Promise(() => {}));
      const outcome = captureScreenshot(7, 5_000).then(() => 'stored', (e: { code?: string }) => e.code);
      await vi.advanceTimersByTimeAsync(4_999);
      let settled = false;
      void outcome.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await outcome).toBe('no_screenshot');
      expect(putFile).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
