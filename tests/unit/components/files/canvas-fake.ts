// A 2D context that records what is painted, per canvas (happy-dom has no canvas rendering), and PNG
// previews with a size: happy-dom reads a data: image's width and height from its header.
import { vi } from 'vitest';

export interface Painted {
  /** In the page when first painted (the shown canvas), or not (the export's). */
  shown: boolean;
  fillStyle: string;
  drawn: number;
  fills: { x: number; y: number; w: number; h: number; style: string }[];
  strokes: { x: number; y: number; w: number; h: number }[];
}

export function recordCanvases() {
  const painted = new Map<HTMLCanvasElement, Painted>();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const record: Painted = painted.get(this) ?? { shown: this.isConnected, fillStyle: '', drawn: 0, fills: [], strokes: [] };
    painted.set(this, record);
    const ctx = {
      globalAlpha: 1,
      globalCompositeOperation: 'source-over',
      lineWidth: 1,
      strokeStyle: '',
      set fillStyle(v: string) {
        record.fillStyle = v;
      },
      get fillStyle() {
        return record.fillStyle;
      },
      clearRect: () => {
        record.fills = [];
        record.strokes = [];
      },
      drawImage: () => void record.drawn++,
      fillRect: (x: number, y: number, w: number, h: number) => void record.fills.push({ x, y, w, h, style: record.fillStyle }),
      strokeRect: (x: number, y: number, w: number, h: number) => void record.strokes.push({ x, y, w, h }),
    };
    return ctx as unknown as CanvasRenderingContext2D;
  });
  return painted;
}

/** The shown canvas is `width`×`height` CSS pixels at the page's top left. */
export function placeCanvas(width: number, height: number) {
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 0, y: 0, left: 0, top: 0, width, height, right: width, bottom: height, toJSON: () => ({}),
  });
}

/** A PNG data: URL whose header says `width`×`height` (the pixels are never decoded here). */
export function pngOfSize(width: number, height: number): string {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  bytes.push(...u32(width), ...u32(height), 8, 6, 0, 0, 0, 0, 0, 0, 0);
  return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
}
