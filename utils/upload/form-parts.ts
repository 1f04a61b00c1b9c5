// A message with files, as every uploader takes it: multipart fields that name their files by id in the
// file store, not as Blobs, because Chrome's worker hands the upload to an offscreen document and runtime
// messages cannot carry Blobs there. Each uploader builds the FormData where it sends it.
import { getFile } from '../files/file-store';
import { CodedError } from '../protocol/errors';

/** A multipart field: text, or a file of the file store (utils/files/file-store.ts) by its id. */
export type FormPart = { name: string; value: string } | { name: string; fileId: string; fileName: string };

/** What came back, still unparsed: the client maps it exactly as it maps any other answer. */
export interface UploadAnswer {
  status: number;
  body: string;
  retryAfter: string | null;
}

export interface UploadOptions {
  signal: AbortSignal;
  /** Bytes of the request body sent so far, of how many; only where the platform can tell. */
  onProgress?: (sent: number, total: number) => void;
}

/** Rejects with CodedError('file_missing') for a file gone from the store, else with any Error when no
 *  answer came (the client calls that unreachable). */
export type Upload = (url: string, parts: FormPart[], options: UploadOptions) => Promise<UploadAnswer>;

export async function buildForm(parts: FormPart[]): Promise<FormData> {
  const form = new FormData();
  for (const part of parts) {
    if ('value' in part) {
      form.append(part.name, part.value);
      continue;
    }
    // Gone from the store (a new session cleared it): the message cannot be sent, and must not be retried.
    const stored = await getFile(part.fileId);
    if (!stored) throw new CodedError('file_missing');
    form.append(part.name, stored.blob, part.fileName);
  }
  return form;
}

export async function answerOf(response: Response): Promise<UploadAnswer> {
  return { status: response.status, body: await response.text().catch(() => ''), retryAfter: response.headers.get('Retry-After') };
}

/** Where neither XMLHttpRequest nor an offscreen document exists: fetch, which reports no progress. */
export function fetchUpload(doFetch: typeof fetch): Upload {
  return async (url, parts, { signal }) =>
    answerOf(await doFetch(url, { method: 'POST', headers: { Accept: 'application/json' }, body: await buildForm(parts), signal }));
}
