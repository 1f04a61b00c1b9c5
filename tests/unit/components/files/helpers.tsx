// Files tests: the panel on the fake connector (its file store is a Map), opened on a new conversation.
import { act, render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { PanelApp } from '@/components/panel/panel-app';
import { SidePanel } from '@/components/panel/side-panel';
import { createPanelModel } from '@/utils/panel/panel-model';
import { fakeConnector, type FakeOptions, type Handlers } from '../fake-connector';

export function file(name: string, type: string, bytes: number | string = 'hello') {
  return new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });
}

export async function renderNew(handlers: Handlers = {}, options: FakeOptions & { sidePanel?: boolean } = {}) {
  const fake = fakeConnector(handlers, options);
  const model = createPanelModel(fake.connector);
  render(options.sidePanel ? <SidePanel model={model} /> : <PanelApp model={model} />);
  await screen.findByRole('button', { name: 'New conversation' });
  act(() => model.startNewConversation());
  const box = (await screen.findByRole('textbox', { name: 'Message' })) as HTMLTextAreaElement;
  return { fake, model, box };
}

/** The hidden <input type=file> behind the paper clip. */
export const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

/** What the browser does when files are chosen in its dialog: the input's files change. */
export function choose(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Previews as the browser makes them: `blob:` URLs of this page's origin (happy-dom's say `nodedata:`), or
 * a PNG data: URL, which happy-dom loads as an image with a size (for the redaction canvas).
 */
export function stubPreviews(png?: string) {
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => png ?? `blob:${location.origin}/preview-${++n}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
}
