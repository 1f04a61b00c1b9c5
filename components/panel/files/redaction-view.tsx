// The redaction view for the file being edited (a screenshot, or an image the customer chose to edit): the
// image on a canvas, boxes dragged over what support should not see, and "Done", which replaces the file
// with a PNG whose pixels under the boxes are black. "Cancel" keeps the file as it was.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { FilesModel } from '@/utils/panel/files-model';
import { strings } from '@/utils/strings';
import { centredBox, exportRedacted, type Box } from './redact';
import { RedactionCanvas } from './redaction-canvas';
import { useImage } from './use-image';
import './redaction.css';

interface Props {
  files: FilesModel;
  /** Where the focus goes back to once the view closes. */
  onClose?: () => void;
}

export function RedactionView({ files, onClose }: Props) {
  const key = files.editing.value;
  const file = key ? files.files.value.find((f) => f.key === key) : undefined;
  if (!key || !file) return null;
  // A new file, a new editor: its boxes start empty.
  return <Editor key={`${key}:${file.preview ?? ''}`} files={files} fileKey={key} preview={file.preview} error={!!file.error} onClose={onClose} />;
}

interface EditorProps extends Props {
  fileKey: string;
  preview: string | undefined;
  error: boolean;
}

function Editor({ files, fileKey, preview, error, onClose }: EditorProps) {
  const loaded = useImage(preview);
  const boxes = useSignal<Box[]>([]);
  const saving = useSignal(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const close = () => {
    files.edit(null);
    onClose?.();
  };
  const done = async () => {
    if (!loaded || saving.value) return;
    if (boxes.value.length === 0) return close(); // nothing blacked out: the original is what was meant
    saving.value = true;
    try {
      await files.replace(fileKey, await exportRedacted(loaded.image, loaded, boxes.value));
      onClose?.();
    } catch (e) {
      console.warn('Could not black out the image', e);
      saving.value = false;
    }
  };
  /** The keyboard's way in: a box in the middle, then the arrow keys on the canvas. */
  const addBox = () => {
    if (!loaded) return;
    boxes.value = [...boxes.value, centredBox(loaded)];
    canvas.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  };

  const count = boxes.value.length;
  return (
    <section class="redaction" role="dialog" aria-labelledby="redaction-title" onKeyDown={onKeyDown}>
      <h2 id="redaction-title" class="redaction__title" tabIndex={-1} ref={heading}>
        {strings.redactTitle}
      </h2>
      <p class="redaction__help">{strings.redactHelp}</p>
      <div class="redaction__stage">
        {loaded ? (
          <RedactionCanvas loaded={loaded} boxes={boxes} describedBy="redaction-keys" canvasRef={canvas} />
        ) : (
          <p class="muted" role={loaded === false || error ? 'alert' : 'status'}>
            {loaded === false || error ? strings.error('file_missing') : strings.loading}
          </p>
        )}
      </div>
      <p id="redaction-keys" class="redaction__keys">{strings.redactKeys}</p>
      <div class="redaction__tools">
        <button type="button" class="button button--small" disabled={!loaded} onClick={addBox}>
          {strings.addBox}
        </button>
        <button type="button" class="button button--small" disabled={count === 0} onClick={() => (boxes.value = boxes.value.slice(0, -1))}>
          {strings.undoBox}
        </button>
        <button type="button" class="button button--small" disabled={count === 0} onClick={() => (boxes.value = [])}>
          {strings.clearBoxes}
        </button>
      </div>
      <div class="redaction__actions">
        <button type="button" class="button" onClick={close}>
          {strings.cancel}
        </button>
        <button type="button" class="button button--primary" disabled={!loaded || saving.value} onClick={() => void done()}>
          {strings.done}
        </button>
      </div>
    </section>
  );
}
