// Blacking out parts of an image: boxes in the image's own pixels, painted opaque black into a copy of it.
// The export is a new PNG whose covered pixels are black: nothing of what was under a box is left to send.

/** A box in image pixels (whole numbers, inside the image). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Boxes smaller than this (in image pixels) are a click, not a drag: they are dropped. */
export const MIN_BOX = 4;

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** The box between two corners, grown outward to whole pixels and kept inside the image. */
export function boxBetween(a: { x: number; y: number }, b: { x: number; y: number }, size: Size): Box {
  const x0 = clamp(Math.floor(Math.min(a.x, b.x)), 0, size.width);
  const y0 = clamp(Math.floor(Math.min(a.y, b.y)), 0, size.height);
  const x1 = clamp(Math.ceil(Math.max(a.x, b.x)), 0, size.width);
  const y1 = clamp(Math.ceil(Math.max(a.y, b.y)), 0, size.height);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A point on the shown (scaled) canvas, in the image's pixels. */
export function toImagePoint(clientX: number, clientY: number, rect: DOMRect, size: Size) {
  const sx = rect.width > 0 ? size.width / rect.width : 1;
  const sy = rect.height > 0 ? size.height / rect.height : 1;
  return { x: (clientX - rect.left) * sx, y: (clientY - rect.top) * sy };
}

/** The box a keyboard user starts from: a fifth of the image, in its middle. */
export function centredBox(size: Size): Box {
  const w = Math.max(MIN_BOX, Math.round(size.width / 5));
  const h = Math.max(MIN_BOX, Math.round(size.height / 5));
  return { x: Math.round((size.width - w) / 2), y: Math.round((size.height - h) / 2), w, h };
}

/** Arrow keys move a box; with Shift they change its size. `step` is in image pixels. */
export function nudge(box: Box, key: string, resize: boolean, step: number, size: Size): Box | null {
  const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
  if (!d) return null;
  const [dx, dy] = [d[0]! * step, d[1]! * step];
  if (resize) {
    const w = clamp(box.w + dx, MIN_BOX, size.width - box.x);
    const h = clamp(box.h + dy, MIN_BOX, size.height - box.y);
    return { ...box, w, h };
  }
  return { ...box, x: clamp(box.x + dx, 0, size.width - box.w), y: clamp(box.y + dy, 0, size.height - box.h) };
}

/** The image and its boxes, opaque black, at the image's own size. */
export function paint(ctx: CanvasRenderingContext2D, image: CanvasImageSource, size: Size, boxes: readonly Box[]) {
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.drawImage(image, 0, 0, size.width, size.height);
  ctx.fillStyle = '#000000';
  for (const b of boxes) ctx.fillRect(b.x, b.y, b.w, b.h);
}

/** A PNG of the image with the boxes painted into its pixels. */
export function exportRedacted(image: CanvasImageSource, size: Size, boxes: readonly Box[]): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('No 2D canvas'));
  paint(ctx, image, size, boxes);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the image'))), 'image/png'),
  );
}
