// A message with files goes through the uploader (platform.ts picks it) and its answer is read exactly as
// any other: the same kinds of ApiError, a 413/422 for the file, Retry-After, zod at the edge.
import { describe, expect, it, vi } from 'vitest';
import { createClientApi } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import { CodedError } from '@/utils/protocol/errors';
import type { Upload, UploadAnswer } from '@/utils/upload/form-parts';

vi.mock('@/utils/files/file-store', () => ({ getFile: async (id: string) => (id === 'f1' ? { blob: new Blob(['abc']), name: 'a.txt' } : undefined) }));

const message = { id: 5, content: 'Hi', message_type: 0, content_type: 'text', content_attributes: {}, created_at: 1700000000, conversation_id: 3 };
const file = { id: 'f1', name: 'a.txt' };

function withUpload(answer: UploadAnswer | Error) {
  const upload = vi.fn<Upload>(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const api = createClientApi({ installationUrl: 'https://chat.example.com', inboxIdentifier: 'in', upload, fetch: vi.fn() });
  return { api, upload };
}

describe('createMessage with files', () => {
  it('hands the uploader the contract parts (files by store id), a 120 s signal and the progress callback', async () => {
    const { api, upload } = withUpload({ status: 200, body: JSON.stringify(message), retryAfter: null });
    const onProgress = vi.fn();
    expect(await api.createMessage('s', 3, 'Hi', 'e1', [file], onProgress)).toMatchObject({ id: 5 });
    const [url, parts, options] = upload.mock.calls[0]!;
    expect(url).toBe('https://chat.example.com/public/api/v1/inboxes/in/contacts/s/conversations/3/messages');
    expect(parts).toEqual([
      { name: 'content', value: 'Hi' },
      { name: 'echo_id', value: 'e1' },
      { name: 'attachments[]', fileId: 'f1', fileName: 'a.txt' },
    ]);
    expect(options.onProgress).toBe(onProgress);
    expect(options.signal.aborted).toBe(false);
  });

  it('maps answers as request() does: 413 too_large, 422 with its fields, 429 with Retry-After, 5xx, garbage', async () => {
    const error = async (answer: UploadAnswer) => withUpload(answer).api.createMessage('s', 3, '', 'e', [file]).catch((e) => e as ApiError);
    expect(await error({ status: 413, body: '', retryAfter: null })).toMatchObject({ kind: 'too_large', status: 413 });
    const invalid = await error({ status: 422, body: '{"message":"Attachments type not allowed","attributes":["attachments"]}', retryAfter: null });
    expect(invalid).toMatchObject({ kind: 'invalid', message: 'Attachments type not allowed', fields: ['attachments'], jsonBody: true });
    expect(await error({ status: 429, body: 'Retry later\n', retryAfter: '7' })).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(await error({ status: 503, body: '', retryAfter: null })).toMatchObject({ kind: 'server' });
    expect(await error({ status: 200, body: '{"id":', retryAfter: null })).toMatchObject({ kind: 'bad_response' });
    expect(await error({ status: 200, body: '{"id":"x"}', retryAfter: null })).toMatchObject({ kind: 'bad_response' });
  });

  it('no answer is unreachable; a file gone from the store stays file_missing', async () => {
    const lost = await withUpload(new Error('Upload failed')).api.createMessage('s', 3, '', 'e', [file]).catch((e) => e);
    expect(lost).toBeInstanceOf(ApiError);
    expect(lost.kind).toBe('unreachable');
    const missing = await withUpload(new CodedError('file_missing')).api.createMessage('s', 3, '', 'e', [file]).catch((e) => e);
    expect(missing).toEqual(new CodedError('file_missing'));
  });

  it('without an uploader, fetch posts the multipart form built from the store (no progress)', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(message), { status: 200 }));
    const api = createClientApi({ installationUrl: 'https://chat.example.com', inboxIdentifier: 'in', fetch });
    await api.createMessage('s', 3, '', 'e1', [file]);
    const form = fetch.mock.calls[0]![1]!.body as FormData;
    expect([...form.keys()]).toEqual(['echo_id', 'attachments[]']);
    expect(await (form.get('attachments[]') as File).text()).toBe('abc');
    const missing = await api.createMessage('s', 3, '', 'e1', [{ id: 'gone', name: 'x' }]).catch((e) => e);
    expect(missing).toEqual(new CodedError('file_missing'));
  });
});
