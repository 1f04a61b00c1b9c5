// Chrome's worker has no XMLHttpRequest and fetch reports no upload progress, so a message with files is
// uploaded by an offscreen document (offscreen-page.ts): made when an upload starts, reused, closed when
// none is left. The worker talks to it over a port: the parts go (file ids: a runtime message cannot carry
// a Blob), progress and the answer come back, and each message keeps the worker alive through a long upload.
// A worker stopped mid-upload drops its end of the port and the page aborts the request: the outbox's
// recovery then looks for the message on the server before it sends it again.
import { browser } from 'wxt/browser';
import { CodedError } from '../protocol/errors';
import type { Upload, UploadAnswer } from './form-parts';

export const UPLOAD_PORT = 'hoory-upload';

/** What the page sends back: progress, the answer, or why there is none. */
export type UploadReport = { sent: number; total: number } | { answer: UploadAnswer } | { error: 'file_missing' | 'failed' };

interface Offscreen {
  hasDocument(): Promise<boolean>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

export function createOffscreenUpload(offscreen: Offscreen): Upload {
  let active = 0;
  let opening: Promise<void> | null = null;
  let closing: Promise<void> = Promise.resolve();

  async function open() {
    await closing;
    if (await offscreen.hasDocument()) return;
    await offscreen.createDocument({ url: (browser.runtime.getURL as (path: string) => string)('/upload.html'), reasons: ['BLOBS'], justification: 'Uploads files with progress' });
  }

  return async (url, parts, { signal, onProgress }) => {
    active++;
    try {
      await (opening ??= open().finally(() => (opening = null)));
      return await new Promise<UploadAnswer>((resolve, reject) => {
        const port = browser.runtime.connect({ name: UPLOAD_PORT });
        const end = (error: Error) => {
          port.disconnect();
          reject(error);
        };
        signal.addEventListener('abort', () => end(new Error('Upload aborted')), { once: true });
        port.onMessage.addListener((report: UploadReport) => {
          if ('sent' in report) return onProgress?.(report.sent, report.total);
          // The answer, or why there is none: either way this port is done.
          if ('answer' in report) return port.disconnect(), resolve(report.answer);
          end(report.error === 'file_missing' ? new CodedError('file_missing') : new Error('Upload failed'));
        });
        port.onDisconnect.addListener(() => reject(new Error('The upload document went away')));
        port.postMessage({ url, parts });
      });
    } finally {
      if (--active === 0) closing = offscreen.closeDocument().catch(() => {});
    }
  };
}
