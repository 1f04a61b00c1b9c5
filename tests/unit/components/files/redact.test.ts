import { describe, expect, it } from 'vitest';
import { boxBetween, centredBox, nudge, toImagePoint } from '@/components/panel/files/redact';

const size = { width: 200, height: 100 };

describe('redaction boxes', () => {
  it('a box between two corners grows outward to whole pixels and stays inside the image', () => {
    expect(boxBetween({ x: 10.6, y: 5.2 }, { x: 3.1, y: 9.9 }, size)).toEqual({ x: 3, y: 5, w: 8, h: 5 });
    expect(boxBetween({ x: -20, y: -5 }, { x: 250, y: 130 }, size)).toEqual({ x: 0, y: 0, w: 200, h: 100 });
  });

  it('screen points are scaled into image pixels', () => {
    const rect = { left: 10, top: 20, width: 100, height: 50 } as DOMRect;
    expect(toImagePoint(60, 45, rect, size)).toEqual({ x: 100, y: 50 });
  });

  it('the keyboard box starts in the middle; arrows move it inside the image, Shift resizes it', () => {
    const box = centredBox(size);
    expect(box).toEqual({ x: 80, y: 40, w: 40, h: 20 });
    expect(nudge(box, 'ArrowUp', false, 50, size)).toEqual({ ...box, y: 0 });
    expect(nudge(box, 'ArrowRight', true, 500, size)).toEqual({ ...box, w: 120 });
    expect(nudge(box, 'ArrowLeft', true, 500, size)).toEqual({ ...box, w: 4 });
    expect(nudge(box, 'Enter', false, 5, size)).toBeNull();
  });
});
