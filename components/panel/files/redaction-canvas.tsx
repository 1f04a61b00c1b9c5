// The image on a canvas, its boxes black on it. Dragging with the mouse, pen or a finger draws a box; with
// the canvas focused, the arrow keys move the last box, Shift and the arrows change its size, and Delete
// removes it. The canvas holds the image at its own size; CSS only scales what is shown.
import { useSignal, useSignalEffect, type Signal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { strings } from '@/utils/strings';
import { boxBetween, MIN_BOX, nudge, paint, toImagePoint, type Box } from './redact';
import type { LoadedImage } from './use-image';

interface Props {
  loaded: LoadedImage;
  boxes: Signal<Box[]>;
  describedBy?: string;
  /** The canvas, for the view to focus after "Add a box". */
  canvasRef: RefObject<HTMLCanvasElement | null>;
}

export function RedactionCanvas({ loaded, boxes, describedBy, canvasRef }: Props) {
  const canvas = canvasRef;
  const start = useRef<{ x: number; y: number; pointer: number } | null>(null);
  /** The box being dragged, drawn but not yet kept. */
  const draft = useSignal<Box | null>(null);
  const size = { width: loaded.width, height: loaded.height };

  useSignalEffect(() => {
    const kept = boxes.value;
    const drawing = draft.value;
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    paint(ctx, loaded.image, size, drawing ? [...kept, drawing] : kept);
    // The box the keys act on (the last one) gets an outline, on screen only: the export paints none.
    const outlined = drawing ?? kept.at(-1);
    if (!outlined) return;
    const rect = canvas.current!.getBoundingClientRect();
    ctx.lineWidth = Math.max(2, (2 * loaded.width) / Math.max(rect.width, 1));
    ctx.strokeStyle = '#4c8dff';
    ctx.strokeRect(outlined.x, outlined.y, outlined.w, outlined.h);
  });

  const point = (e: PointerEvent) => toImagePoint(e.clientX, e.clientY, canvas.current!.getBoundingClientRect(), size);

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    canvas.current?.focus();
    canvas.current?.setPointerCapture?.(e.pointerId);
    start.current = { ...point(e), pointer: e.pointerId };
    draft.value = null;
  };
  const onPointerMove = (e: PointerEvent) => {
    const from = start.current;
    if (!from || from.pointer !== e.pointerId) return;
    draft.value = boxBetween(from, point(e), size);
  };
  const onPointerUp = (e: PointerEvent) => {
    const from = start.current;
    if (!from || from.pointer !== e.pointerId) return;
    start.current = null;
    const box = boxBetween(from, point(e), size);
    draft.value = null;
    if (box.w >= MIN_BOX && box.h >= MIN_BOX) boxes.value = [...boxes.value, box];
  };
  const onPointerCancel = () => {
    start.current = null;
    draft.value = null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const last = boxes.value.at(-1);
    if (!last) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      boxes.value = boxes.value.slice(0, -1);
      return;
    }
    const step = Math.max(2, Math.round(loaded.width / 50));
    const moved = nudge(last, e.key, e.shiftKey, step, size);
    if (!moved) return;
    e.preventDefault();
    boxes.value = [...boxes.value.slice(0, -1), moved];
  };

  return (
    <canvas
      ref={canvas}
      class="redaction__canvas"
      width={loaded.width}
      height={loaded.height}
      role="img"
      aria-label={strings.redactImage}
      aria-describedby={describedBy}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onKeyDown={onKeyDown}
    />
  );
}
