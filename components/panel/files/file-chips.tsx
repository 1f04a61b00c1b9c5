// The files waiting in the composer, one chip each: a thumbnail for images (else an icon), the name, the
// size in human units, and why it cannot be sent when it cannot. Each has "Remove <name>"; images also
// "Black out parts of <name>", which opens the redaction view.
import { useRef } from 'preact/hooks';
import { MAX_FILE_BYTES } from '@/utils/files/file-store';
import type { FilesModel, PendingFile } from '@/utils/panel/files-model';
import { richStrings } from '@/utils/rich-strings';
import { strings } from '@/utils/strings';
import { safeSrc } from '../safe-url';
import { FileIcon, PenIcon } from './icons';
import './files.css';

interface Props {
  files: FilesModel;
  /** Where the focus goes when the last chip is removed (the message box). */
  onEmptied?: () => void;
}

export function FileChips({ files, onEmptied }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const pending = files.files.value;
  if (pending.length === 0) return null;

  // The focus stays in the list after a removal: on the chip that took its place, else the one before.
  const remove = (key: string, index: number) => {
    files.remove(key);
    setTimeout(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.file-chip__remove');
      const next = buttons?.[Math.min(index, buttons.length - 1)];
      if (next) next.focus();
      else onEmptied?.();
    }, 0);
  };

  return (
    <ul class="file-chips" aria-label={strings.filesToSend} ref={list}>
      {pending.map((file, index) => (
        <Chip key={file.key} file={file} onRemove={() => remove(file.key, index)} onEdit={() => files.edit(file.key)} />
      ))}
    </ul>
  );
}

function Chip({ file, onRemove, onEdit }: { file: PendingFile; onRemove: () => void; onEdit: () => void }) {
  const preview = safeSrc(file.preview);
  const image = file.type.startsWith('image/');
  const storing = !file.ref && !file.error;
  return (
    <li class={`file-chip${file.error ? ' file-chip--error' : ''}`} aria-busy={storing || undefined}>
      {preview ? (
        <img class="file-chip__thumb" src={preview} alt="" />
      ) : (
        <span class="file-chip__thumb file-chip__thumb--icon" aria-hidden="true">
          <FileIcon />
        </span>
      )}
      <span class="file-chip__text">
        <span class="file-chip__name" title={file.name}>
          {file.name}
        </span>
        <span class="file-chip__size">{richStrings.fileSize(file.size)}</span>
        {file.error && (
          <span class="file-chip__error" role="alert">
            {strings.error(file.error)}
            {file.error === 'file_too_large' && ` ${strings.fileLimit(richStrings.fileSize(MAX_FILE_BYTES))}`}
          </span>
        )}
      </span>
      {image && file.preview && !file.error && (
        <button type="button" class="icon-button file-chip__edit" aria-label={strings.redactFile(file.name)} title={strings.redactFile(file.name)} onClick={onEdit}>
          <PenIcon />
        </button>
      )}
      <button type="button" class="icon-button file-chip__remove" aria-label={strings.removeFile(file.name)} title={strings.removeFile(file.name)} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
