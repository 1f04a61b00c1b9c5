import { beforeEach, describe, expect, it, vi } from 'vitest';
import { xhrUpload } from '@/utils/upload/xhr-upload';
import { FakeXhr, fakeXhr } from './fake-xhr';

beforeEach(() => (FakeXhr.last = null));

describe('xhrUpload', () => {
  it('posts the form as JSON-accepting multipart, reports progress and hands back status, body and Retry-After', async () => {
    const form = new FormData();
    form.append('echo_id', 'e1');
    const onProgress = vi.fn();
    const done = xhrUpload('https://h.example/messages', form, { signal: new AbortController().signal, onProgress }, fakeXhr);
    const xhr = FakeXhr.last!;
    expect([xhr.method, xhr.url, xhr.headers.Accept, xhr.body]).toEqual(['POST', 'https://h.example/messages', 'application/json', form]);
    xhr.progress(1_000, 4_000);
    xhr.progress(4_000, 4_000);
    xhr.answer(429, 'Retry later\n', { 'Retry-After': '7' });
    expect(await done).toEqual({ status: 429, body: 'Retry later\n', retryAfter: '7' });
    expect(onProgress.mock.calls).toEqual([[1_000, 4_000], [4_000, 4_000]]);
  });

  it('ignores progress the browser cannot measure', async () => {
    const onProgress = vi.fn();
    const done = xhrUpload('u', new FormData(), { signal: new AbortController().signal, onProgress }, fakeXhr);
    FakeXhr.last!.upload.onprogress!({ lengthComputable: false, loaded: 5, total: 0 });
    FakeXhr.last!.answer(200, '{}');
    await done;
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('rejects with no answer (network error), and aborts the request when its signal does (the timeout)', async () => {
    const failing = xhrUpload('u', new FormData(), { signal: new AbortController().signal }, fakeXhr);
    FakeXhr.last!.onerror!();
    await expect(failing).rejects.toThrow(/failed/);

    const controller = new AbortController();
    const slow = xhrUpload('u', new FormData(), { signal: controller.signal }, fakeXhr);
    controller.abort();
    expect(FakeXhr.last!.aborted).toBe(true);
    await expect(slow).rejects.toThrow(/aborted/);
  });

  it('does not start when its signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(xhrUpload('u', new FormData(), { signal: controller.signal }, fakeXhr)).rejects.toThrow(/aborted/);
    expect(FakeXhr.last).toBeNull();
  });
});
