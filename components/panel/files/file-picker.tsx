// "Attach files": a labelled button in front of a real <input type="file" multiple>, which it opens. The
// input stays in the page (hidden), so the browser's own file chooser and automation both reach it.
import { useRef } from 'preact/hooks';
import type { FilesModel } from '@/utils/panel/files-model';
import { strings } from '@/utils/strings';
import { PaperclipIcon } from './icons';

export function FilePicker({ files }: { files: FilesModel }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class="icon-button composer__tool"
        aria-label={strings.attachFiles}
        title={strings.attachFiles}
        onClick={() => input.current?.click()}
      >
        <PaperclipIcon />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={strings.attachFiles}
        onChange={(e) => {
          const el = e.currentTarget;
          const chosen = [...(el.files ?? [])];
          el.value = ''; // the same file can be chosen again after it was removed
          if (chosen.length) void files.addFiles(chosen);
        }}
      />
    </>
  );
}
