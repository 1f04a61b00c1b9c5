// "Send a screenshot of this page": the visible tab, captured with the least permission that works
// (activeTab, granted by the menu click, the toolbar button or the keyboard shortcut), stored as a file the
// customer redacts in the panel before sending.
import { putFile, type FileRef } from '../files/file-store';
import { CodedError } from '../protocol/errors';
import { captureVisibleTab } from '../platform';

/** Chromium's capture waits for a frame of the tab; a tab hidden at that moment (the user switched away at
 *  once) gives none, and the capture never ends. Past this, the screenshot failed. */
const CAPTURE_TIMEOUT_MS = 5_000;

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no capture after ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export async function captureScreenshot(windowId?: number, timeoutMs = CAPTURE_TIMEOUT_MS): Promise<FileRef> {
  let dataUrl: string;
  try {
    dataUrl = await withinTimeout(captureVisibleTab(windowId), timeoutMs);
  } catch (error) {
    // No activeTab grant for this page, a page no extension may capture (the browser's own pages), or no
    // picture in time.
    console.warn('Could not capture the tab', error);
    throw new CodedError('no_screenshot');
  }
  // Decoded by hand: the extension's CSP (connect-src) does not let fetch() read a data: URL.
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], { type: /^data:([^;,]+)/.exec(head)?.[1] ?? 'image/png' });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return putFile(blob, `screenshot-${stamp}.png`);
}
