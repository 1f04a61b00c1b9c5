// The thread (or new-conversation) area as a drop target for files: while files are dragged over it, it
// says "Drop files here to attach them"; dropped files join the composer. Drags of text or links are left
// to the browser.
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { FilesModel } from '@/utils/panel/files-model';
import { strings } from '@/utils/strings';
import './files.css';

interface Props {
  files: FilesModel;
  /** No composer to attach to (a resolved conversation): drops are not taken. */
  disabled?: boolean;
  children: ComponentChildren;
}

const carriesFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

export function DropZone({ files, disabled = false, children }: Props) {
  const over = useSignal(false);
  // dragenter and dragleave fire for every child crossed: count them, so the target does not flicker.
  const depth = useRef(0);
  const reset = () => {
    depth.current = 0;
    over.value = false;
  };
  const on = !disabled;

  return (
    <div
      class={`thread drop-zone${over.value ? ' drop-zone--over' : ''}`}
      onDragEnter={(e) => {
        if (!on || !carriesFiles(e)) return;
        e.preventDefault();
        depth.current++;
        over.value = true;
      }}
      onDragOver={(e) => {
        if (!on || !carriesFiles(e)) return;
        e.preventDefault(); // without it the browser opens the file instead of dropping it here
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        over.value = true;
      }}
      onDragLeave={(e) => {
        if (!on || !carriesFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) over.value = false;
      }}
      onDrop={(e) => {
        if (!on || !carriesFiles(e)) return;
        e.preventDefault();
        reset();
        const dropped = [...(e.dataTransfer?.files ?? [])];
        if (dropped.length) void files.addFiles(dropped);
      }}
    >
      {children}
      {over.value && (
        <div class="drop-zone__target" role="status">
          <span class="drop-zone__label">{strings.dropFiles}</span>
        </div>
      )}
    </div>
  );
}
