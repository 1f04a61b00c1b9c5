// "Send a screenshot of this page": the visible tab, captured with the least permission that works
// (activeTab, granted by the menu click, the toolbar button or the keyboard shortcut), stored as a file the
// customer redacts in the panel before sending.
import { putFile, type FileRef } from '../files/file-store';
import { CodedError } from '../protocol/errors';
import { captureVisibleTab } from '../platform';

export async function captureScreenshot(windowId?: number): Promise<FileRef> {
  let dataUrl: string;
  try {
    dataUrl = await captureVisibleTab(windowId);
  } catch (error) {
    // No activeTab grant for this page, or a page no extension may capture (the browser's own pages).
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
