// The offscreen document's side of offscreen-upload.ts: each port is one upload. The files are read from
// IndexedDB here by their ids, sent with XMLHttpRequest, and the progress and the answer posted back. When
// the worker's end goes (it stopped, or the client's timeout aborted), the request is aborted: nothing
// goes on uploading for a worker that will check the server before it sends again.
import { browser } from 'wxt/browser';
import { CodedError } from '../protocol/errors';
import { buildForm, type FormPart } from './form-parts';
import { UPLOAD_PORT, type UploadReport } from './offscreen-upload';
import { xhrUpload } from './xhr-upload';

export function serveUploads(Xhr: typeof XMLHttpRequest = XMLHttpRequest) {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== UPLOAD_PORT) return;
    const controller = new AbortController();
    const post = (report: UploadReport) => {
      try {
        port.postMessage(report);
      } catch {
        /* the worker's end is gone: the abort below already ended the request */
      }
    };
    port.onDisconnect.addListener(() => controller.abort());
    port.onMessage.addListener(async ({ url, parts }: { url: string; parts: FormPart[] }) => {
      try {
        const form = await buildForm(parts);
        const onProgress = (sent: number, total: number) => post({ sent, total });
        post({ answer: await xhrUpload(url, form, { signal: controller.signal, onProgress }, Xhr) });
      } catch (error) {
        post({ error: error instanceof CodedError && error.code === 'file_missing' ? 'file_missing' : 'failed' });
      }
    });
  });
}
