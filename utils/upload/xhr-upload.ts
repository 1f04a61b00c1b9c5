// An upload that reports its progress: fetch cannot (no upload streams with progress), XMLHttpRequest can.
// Firefox's persistent background page has it; Chrome's worker does not, so its offscreen document
// (offscreen-page.ts) runs this same code.
import { buildForm, type FormPart, type UploadAnswer, type UploadOptions } from './form-parts';

export function xhrUpload(url: string, form: FormData, { signal, onProgress }: UploadOptions, Xhr: typeof XMLHttpRequest = XMLHttpRequest): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => () => reject(new Error(`Upload ${why}`));
    if (signal.aborted) return fail('aborted')();
    const xhr = new Xhr();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total);
    xhr.onload = () => resolve({ status: xhr.status, body: String(xhr.responseText ?? ''), retryAfter: xhr.getResponseHeader('Retry-After') });
    xhr.onerror = fail('failed');
    xhr.onabort = fail('aborted');
    xhr.ontimeout = fail('timed out');
    // The client's 120 s timeout (and nothing else) ends it.
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** The uploader of a context that has XMLHttpRequest (Firefox's background page). */
export async function xhrUploader(url: string, parts: FormPart[], options: UploadOptions): Promise<UploadAnswer> {
  return xhrUpload(url, await buildForm(parts), options);
}
