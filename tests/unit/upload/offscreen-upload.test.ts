// The worker's side (offscreen-upload.ts) and the offscreen document's (offscreen-page.ts), joined by a
// fake runtime port: the document is made on need, reused and closed; files go by id; progress, answers,
// a missing file and a stopped worker each do what the outbox expects.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CodedError } from '@/utils/protocol/errors';
import { FakeXhr, fakeXhr } from './fake-xhr';

type Listener = (...args: any[]) => void;
const event = () => {
  const listeners: Listener[] = [];
  return { addListener: (l: Listener) => listeners.push(l), fire: (...args: unknown[]) => listeners.forEach((l) => l(...args)) };
};
const onConnect = event();

/** Two ends of a runtime port: what one posts, the other receives; a disconnect tells only the other. */
function portPair(name: string) {
  const a = { name, onMessage: event(), onDisconnect: event(), postMessage: (m: unknown) => queueMicrotask(() => b.onMessage.fire(structuredClone(m))), disconnect: () => b.onDisconnect.fire() };
  const b = { name, onMessage: event(), onDisconnect: event(), postMessage: (m: unknown) => queueMicrotask(() => a.onMessage.fire(structuredClone(m))), disconnect: () => a.onDisconnect.fire() };
  return [a, b] as const;
}

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://id${path}`,
      onConnect: { addListener: (l: Listener) => onConnect.addListener(l) },
      connect: ({ name }: { name: string }) => {
        const [worker, page] = portPair(name);
        onConnect.fire(page);
        return worker;
      },
    },
  },
}));
const files = new Map([['f1', { blob: new Blob(['hello']), name: 'a.txt' }]]);
vi.mock('@/utils/files/file-store', () => ({ getFile: async (id: string) => files.get(id) }));

const { createOffscreenUpload } = await import('@/utils/upload/offscreen-upload');
const { serveUploads } = await import('@/utils/upload/offscreen-page');
serveUploads(fakeXhr);

function offscreen() {
  let open = false;
  return {
    hasDocument: vi.fn(async () => open),
    createDocument: vi.fn(async () => void (open = true)),
    closeDocument: vi.fn(async () => void (open = false)),
  };
}
const parts = [{ name: 'echo_id', value: 'e1' }, { name: 'attachments[]', fileId: 'f1', fileName: 'a.txt' }];
const until = async (check: () => unknown) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(check()).toBeTruthy();
};

beforeEach(() => (FakeXhr.last = null));

describe('uploads through the offscreen document', () => {
  it('makes the document (BLOBS) on need, builds the form there from the file store, relays progress and the answer, then closes it', async () => {
    const api = offscreen();
    const upload = createOffscreenUpload(api);
    const onProgress = vi.fn();
    const done = upload('https://h.example/m', parts, { signal: new AbortController().signal, onProgress });
    await until(() => FakeXhr.last?.body);
    expect(api.createDocument).toHaveBeenCalledWith(expect.objectContaining({ url: 'chrome-extension://id/upload.html', reasons: ['BLOBS'] }));
    const form = FakeXhr.last!.body as FormData;
    expect(form.get('echo_id')).toBe('e1');
    expect(await (form.get('attachments[]') as File).text()).toBe('hello');
    FakeXhr.last!.progress(3, 9);
    await until(() => onProgress.mock.calls.length);
    FakeXhr.last!.answer(201, '{"id":1}', { 'Retry-After': '3' });
    expect(await done).toEqual({ status: 201, body: '{"id":1}', retryAfter: '3' });
    expect(onProgress).toHaveBeenCalledWith(3, 9);
    expect(api.closeDocument).toHaveBeenCalledTimes(1);
  });

  it('reuses a document that is there, and keeps it while another upload runs', async () => {
    const api = offscreen();
    await api.createDocument();
    const upload = createOffscreenUpload(api);
    const signal = new AbortController().signal;
    const first = upload('u1', parts, { signal });
    await until(() => FakeXhr.last?.url === 'u1');
    const one = FakeXhr.last!;
    const second = upload('u2', parts, { signal });
    await until(() => FakeXhr.last?.url === 'u2');
    one.answer(200, '{}');
    await first;
    expect(api.closeDocument).not.toHaveBeenCalled();
    FakeXhr.last!.answer(200, '{}');
    await second;
    expect(api.createDocument).toHaveBeenCalledTimes(1);
    expect(api.closeDocument).toHaveBeenCalledTimes(1);
  });

  it('a file gone from the store is file_missing (not retried); a failed request is an error with no answer', async () => {
    const upload = createOffscreenUpload(offscreen());
    const signal = new AbortController().signal;
    const missing = upload('u', [{ name: 'attachments[]', fileId: 'gone', fileName: 'x' }], { signal }).catch((e) => e);
    expect(await missing).toEqual(new CodedError('file_missing'));
    const failing = upload('u', parts, { signal });
    await until(() => FakeXhr.last);
    FakeXhr.last!.onerror!();
    await expect(failing).rejects.toThrow('No answer from the upload document');
  });

  it('the timeout (or a stopped worker) drops the port, and the document aborts the request', async () => {
    const controller = new AbortController();
    const done = createOffscreenUpload(offscreen())('u', parts, { signal: controller.signal });
    await until(() => FakeXhr.last);
    controller.abort();
    await expect(done).rejects.toThrow('No answer from the upload document');
    expect(FakeXhr.last!.aborted).toBe(true);
  });
});

describe('a document left by an earlier worker life', () => {
  it('is closed when the worker starts and no upload uses it', async () => {
    const api = offscreen();
    await api.createDocument(); // left open by a worker stopped mid-upload
    createOffscreenUpload(api);
    await until(() => api.closeDocument.mock.calls.length);
    expect(await api.hasDocument()).toBe(false);
  });
});
