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
  // A document left by the worker's previous life (stopped mid-upload: its request was aborted) is closed,
  // unless an upload of this life already uses it.
  void offscreen.hasDocument().then(
    (left) => void (left && active === 0 && (closing = offscreen.closeDocument().catch(() => {}))),
    () => {},
  );

  async function open() {
    await closing;
    if (await offscreen.hasDocument()) return;
    await offscreen.createDocument({ url: (browser.runtime.getURL as (path: string) => string)('/upload.html'), reasons: ['BLOBS'], justification: 'File uploads' });
  }

  return async (url, parts, { signal, onProgress }) => {
    active++;
    try {
      await (opening ??= open().finally(() => (opening = null)));
      return await new Promise<UploadAnswer>((resolve, reject) => {
        const port = browser.runtime.connect({ name: UPLOAD_PORT });
        const noAnswer = () => new Error('No answer from the upload document');
        const onAbort = () => end(noAnswer());
        // The answer, or why there is none: either way this port is done (and the timeout with it).
        const end = (outcome: UploadAnswer | Error) => {
          signal.removeEventListener('abort', onAbort);
          port.disconnect();
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        };
        signal.addEventListener('abort', onAbort);
        port.onMessage.addListener((report: UploadReport) => {
          if ('sent' in report) return onProgress?.(report.sent, report.total);
          end('answer' in report ? report.answer : report.error === 'file_missing' ? new CodedError('file_missing') : noAnswer());
        });
        // The document closed or crashed: no answer.
        port.onDisconnect.addListener(() => reject(noAnswer()));
        port.postMessage({ url, parts });
      });
    } finally {
      if (--active === 0) closing = offscreen.closeDocument().catch(() => {});
    }
  };
}
