import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { placeCanvas, pngOfSize, recordCanvases, type Painted } from './canvas-fake';
import { choose, file, fileInput, renderNew, stubPreviews } from './helpers';

// Pointer handlers: Preact listens for `pointerdown` when elements have `onpointerdown`, as browsers' do.
for (const name of ['onpointerdown', 'onpointermove', 'onpointerup', 'onpointercancel']) {
  if (!(name in HTMLElement.prototype)) Object.defineProperty(HTMLElement.prototype, name, { value: null, writable: true, configurable: true });
}

let painted: Map<HTMLCanvasElement, Painted>;
beforeEach(() => {
  stubPreviews(pngOfSize(200, 100));
  painted = recordCanvases();
  placeCanvas(100, 50); // shown at half its size: screen points are doubled into image pixels
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The panel with a screenshot handed over by the context menu, in the redaction view. */
async function withScreenshot() {
  const rendered = await renderNew({}, { sidePanel: true });
  const ref = await rendered.fake.connector.putFile(new Blob(['original'], { type: 'image/png' }), 'screenshot.png');
  await rendered.fake.handoff({ kind: 'screenshot', file: ref, at: 1 });
  const dialog = await screen.findByRole('dialog', { name: 'Black out private details' });
  const canvas = (await screen.findByRole('img', { name: 'Screenshot to black out' })) as HTMLCanvasElement;
  return { ...rendered, ref, dialog, canvas };
}

function drag(canvas: HTMLCanvasElement, from: [number, number], to: [number, number]) {
  fireEvent.pointerDown(canvas, { pointerId: 1, button: 0, clientX: from[0], clientY: from[1] });
  fireEvent.pointerMove(canvas, { pointerId: 1, clientX: (from[0] + to[0]) / 2, clientY: (from[1] + to[1]) / 2 });
  fireEvent.pointerMove(canvas, { pointerId: 1, clientX: to[0], clientY: to[1] });
  fireEvent.pointerUp(canvas, { pointerId: 1, clientX: to[0], clientY: to[1] });
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const blackFills = (canvas: HTMLCanvasElement) => painted.get(canvas)!.fills.filter((f) => f.style === '#000000');

describe('a screenshot the menu could not take', () => {
  it('says so in the panel the menu opened, and opens no redaction view', async () => {
    const rendered = await renderNew({}, { sidePanel: true });
    await rendered.fake.handoff({ kind: 'screenshot.failed', at: 1 });
    expect((await screen.findByRole('alert')).textContent).toContain('Can’t take a screenshot of this page.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the redaction view', () => {
  it('opens on a screenshot hand-off with the image at its own size, the focus on its title', async () => {
    const { canvas } = await withScreenshot();
    expect([canvas.width, canvas.height]).toEqual([200, 100]);
    expect(document.activeElement?.textContent).toBe('Black out private details');
    await waitFor(() => expect(painted.get(canvas)?.drawn).toBeGreaterThan(0));
    expect(button('Remove the last box').disabled).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull(); // the view takes the composer's place
  });

  it('dragging draws black boxes in image pixels; the last can be removed, or all', async () => {
    const { canvas } = await withScreenshot();
    drag(canvas, [10, 5], [30.2, 20]);
    drag(canvas, [60, 30], [50, 40]); // any direction
    drag(canvas, [70, 10], [71, 11]); // a click, not a box
    await waitFor(() => expect(blackFills(canvas)).toEqual([
      { x: 20, y: 10, w: 41, h: 30, style: '#000000' },
      { x: 100, y: 60, w: 20, h: 20, style: '#000000' },
    ]));
    fireEvent.click(button('Remove the last box'));
    await waitFor(() => expect(blackFills(canvas)).toHaveLength(1));
    fireEvent.click(button('Remove all boxes'));
    await waitFor(() => expect(blackFills(canvas)).toHaveLength(0));
    expect(button('Remove the last box').disabled).toBe(true);
  });

  it('"Done" paints the boxes into a new PNG that replaces the file; the original leaves the store', async () => {
    const { fake, canvas, ref, model } = await withScreenshot();
    drag(canvas, [10, 5], [30, 20]);
    await waitFor(() => expect(blackFills(canvas)).toHaveLength(1));
    fireEvent.click(button('Done'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The export: a canvas of the image's size, the image drawn, then the box opaque black on it.
    const exported = [...painted.keys()].find((c) => !painted.get(c)!.shown)!;
    expect([exported.width, exported.height]).toEqual([200, 100]);
    expect(painted.get(exported)!.drawn).toBe(1);
    expect(painted.get(exported)!.fills).toEqual([{ x: 20, y: 10, w: 40, h: 30, style: '#000000' }]);
    expect(painted.get(exported)!.strokes).toEqual([]); // the on-screen outline is not in the file
    await waitFor(() => expect(model.files.files.value[0]!.ref).toBeDefined());
    const [pending] = model.files.files.value;
    expect(pending!.ref!.id).not.toBe(ref.id);
    expect(pending!.type).toBe('image/png');
    expect(fake.files.has(ref.id)).toBe(false);
    expect(fake.files.get(pending!.ref!.id)!.name).toBe('screenshot.png');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' })));
  });

  it('"Cancel" and Escape keep the original', async () => {
    const { fake, canvas, ref, model } = await withScreenshot();
    drag(canvas, [10, 5], [30, 20]);
    fireEvent.click(button('Cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(model.files.files.value[0]!.ref).toEqual(ref);
    expect(fake.files.has(ref.id)).toBe(true);
    // Opened again from its chip, then Escape.
    fireEvent.click(await screen.findByRole('button', { name: 'Black out parts of screenshot.png' }));
    fireEvent.keyDown(await screen.findByRole('dialog'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(model.files.files.value[0]!.ref).toEqual(ref);
  });

  it('"Done" with no box keeps the original as it is', async () => {
    const { ref, model } = await withScreenshot();
    fireEvent.click(button('Done'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(model.files.files.value[0]!.ref).toEqual(ref);
  });

  it('with the keyboard: "Add a box", arrows move it, Shift with arrows resizes it, Delete removes it', async () => {
    const { canvas } = await withScreenshot();
    fireEvent.click(button('Add a box'));
    expect(document.activeElement).toBe(canvas);
    await waitFor(() => expect(blackFills(canvas)).toEqual([{ x: 80, y: 40, w: 40, h: 20, style: '#000000' }]));
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    fireEvent.keyDown(canvas, { key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(blackFills(canvas)).toEqual([{ x: 84, y: 40, w: 40, h: 24, style: '#000000' }]));
    expect(painted.get(canvas)!.strokes).toEqual([{ x: 84, y: 40, w: 40, h: 24 }]); // the box the keys move
    for (let i = 0; i < 100; i++) fireEvent.keyDown(canvas, { key: 'ArrowLeft' }); // stays inside the image
    await waitFor(() => expect(blackFills(canvas)[0]!.x).toBe(0));
    fireEvent.keyDown(canvas, { key: 'Delete' });
    await waitFor(() => expect(blackFills(canvas)).toHaveLength(0));
  });

  it('a picked image opens in it from its chip', async () => {
    await renderNew();
    choose(fileInput(), [file('photo.png', 'image/png', 'png')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Black out parts of photo.png' }));
    expect(await screen.findByRole('dialog', { name: 'Black out private details' })).toBeTruthy();
  });
});

describe('the screenshot button', () => {
  it('captures the page and opens the capture in the redaction view', async () => {
    const { fake } = await renderNew({
      'screenshot.capture': async () => fake.connector.putFile(new Blob(['shot'], { type: 'image/png' }), 'screenshot.png'),
    });
    fireEvent.click(button('Send a screenshot of this page'));
    expect(await screen.findByRole('dialog', { name: 'Black out private details' })).toBeTruthy();
    expect(fake.sent('screenshot.capture')).toHaveLength(1);
  });

  it('a page that cannot be captured makes the banner say so', async () => {
    const { CodedError } = await import('@/utils/protocol/errors');
    await renderNew({
      'screenshot.capture': async () => {
        throw new CodedError('no_screenshot');
      },
    });
    await act(async () => void fireEvent.click(button('Send a screenshot of this page')));
    expect((await screen.findByRole('alert')).textContent).toContain('Can’t take a screenshot of this page.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
