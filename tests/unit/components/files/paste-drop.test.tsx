import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { file, renderNew, stubPreviews } from './helpers';

// Preact listens for `dragenter` when the element has an `ondragenter` property, as every browser's has;
// happy-dom's elements lack the drag ones, so give them theirs.
for (const name of ['ondragenter', 'ondragover', 'ondragleave', 'ondrop']) {
  if (!(name in HTMLElement.prototype)) Object.defineProperty(HTMLElement.prototype, name, { value: null, writable: true, configurable: true });
}

beforeEach(() => stubPreviews());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A DataTransfer as the browser fills it for files (happy-dom's has no item list of files). */
function transfer(files: File[], types = ['Files']) {
  return { files, types, dropEffect: 'none', getData: () => '' };
}

describe('pasting and dropping files', () => {
  it('an image pasted into the message box joins the files, and is not pasted as text', async () => {
    const { fake, box } = await renderNew();
    fireEvent.input(box, { target: { value: 'See this' } });
    const pasted = fireEvent.paste(box, { clipboardData: transfer([file('image.png', 'image/png', 'png')], ['Files']) });
    expect(pasted).toBe(false); // default prevented
    await waitFor(() => expect(fake.files.size).toBe(1));
    expect(screen.getByRole('list', { name: 'Files to send' }).textContent).toContain('image.png');
    expect(box.value).toBe('See this');
  });

  it('pasting text is left alone', async () => {
    const { fake, box } = await renderNew();
    const pasted = fireEvent.paste(box, { clipboardData: { files: [], types: ['text/plain'], getData: () => 'hi' } });
    expect(pasted).toBe(true);
    expect(fake.connector.putFile).not.toHaveBeenCalled();
  });

  it('dragging files over the thread shows the drop target; dropping attaches them', async () => {
    const { fake, box } = await renderNew();
    const zone = box.closest('.drop-zone')!;
    const dt = transfer([file('a.txt', 'text/plain'), file('b.pdf', 'application/pdf')]);
    expect(fireEvent.dragEnter(zone, { dataTransfer: dt })).toBe(false);
    expect(fireEvent.dragOver(zone, { dataTransfer: dt })).toBe(false); // lets the drop happen here
    expect(await screen.findByText('Drop files here to attach them')).toBeTruthy();
    // Crossing a child: enter it, leave the zone's own box; still over the zone.
    fireEvent.dragEnter(box, { dataTransfer: dt });
    fireEvent.dragLeave(zone, { dataTransfer: dt });
    expect(screen.getByText('Drop files here to attach them')).toBeTruthy();
    expect(fireEvent.drop(box, { dataTransfer: dt })).toBe(false);
    await waitFor(() => expect(fake.files.size).toBe(2));
    expect(screen.queryByText('Drop files here to attach them')).toBeNull();
    const list = screen.getByRole('list', { name: 'Files to send' });
    expect(list.textContent).toContain('a.txt');
    expect(list.textContent).toContain('b.pdf');
  });

  it('leaving without dropping hides the target', async () => {
    const { box } = await renderNew();
    const zone = box.closest('.drop-zone')!;
    const dt = transfer([file('a.txt', 'text/plain')]);
    fireEvent.dragEnter(zone, { dataTransfer: dt });
    expect(await screen.findByText('Drop files here to attach them')).toBeTruthy();
    fireEvent.dragLeave(zone, { dataTransfer: dt });
    await waitFor(() => expect(screen.queryByText('Drop files here to attach them')).toBeNull());
  });

  it('dragging text (not files) is left to the browser', async () => {
    const { box } = await renderNew();
    const zone = box.closest('.drop-zone')!;
    expect(fireEvent.dragOver(zone, { dataTransfer: transfer([], ['text/plain']) })).toBe(true);
    expect(screen.queryByText('Drop files here to attach them')).toBeNull();
  });
});
