// The message box: Enter sends, Shift+Enter adds a line; grows with the text up to about six lines, and
// shows a scrollbar only beyond that. Files come with it: picked (the paper clip), pasted into the box, or
// dropped on the thread (files/drop-zone.tsx); a screenshot of the page from the camera button. Nothing
// is sent while a file is being stored or cannot be sent (its chip says why): the text stays.
import { useComputed, useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { AttachPageToggle } from './attach-page-toggle';
import { FileChips } from './files/file-chips';
import { FilePicker } from './files/file-picker';
import { ScreenshotButton } from './files/screenshot-button';
import './composer.css';

const MAX_LINES = 6;

export function Composer({ model }: { model: PanelModel }) {
  const { composer, files } = model;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const cannotSend = useComputed(
    () => (composer.draft.value.trim() === '' && files.files.value.length === 0) || !files.ready.value || files.blocked.value,
  );

  const grow = () => {
    const el = textarea.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const line = parseFloat(style.lineHeight) || 20;
    const padding = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
    // The box is border-box: its height must hold the borders too, or one line already scrolls.
    const borders = (parseFloat(style.borderTopWidth) || 0) + (parseFloat(style.borderBottomWidth) || 0);
    const max = line * MAX_LINES + padding;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, max) + borders}px`;
    el.style.overflowY = el.scrollHeight > max ? 'auto' : 'hidden';
  };
  // The draft also changes from outside (sent, handed off from the context menu): resize after the DOM has it.
  useSignalEffect(() => {
    void composer.draft.value;
    requestAnimationFrame(grow);
  });
  // "New conversation", a hand-off: the first thing typed goes here.
  useSignalEffect(() => {
    const el = textarea.current;
    if (!composer.focus.value || !el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  });

  const send = () => {
    if (!cannotSend.value) void composer.send();
  };
  // An image (or any file) pasted into the box joins the files; its name, often pasted beside it, does not.
  const onPaste = (e: ClipboardEvent) => {
    const pasted = [...(e.clipboardData?.files ?? [])];
    if (pasted.length === 0) return;
    e.preventDefault();
    void files.addFiles(pasted);
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <AttachPageToggle page={model.page} />
      <FileChips files={files} onEmptied={() => textarea.current?.focus()} />
      <div class="composer__row">
        <FilePicker files={files} />
        <ScreenshotButton model={model} />
        <textarea
          ref={textarea}
          class="composer__input"
          aria-label={strings.message}
          placeholder={strings.messagePlaceholder}
          rows={1}
          dir="auto"
          value={composer.draft}
          onInput={(e) => {
            composer.setDraft(e.currentTarget.value);
            grow();
          }}
          onPaste={onPaste}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
            e.preventDefault();
            send();
          }}
        />
        <button type="submit" class="composer__send" aria-label={strings.send} title={strings.send} disabled={cannotSend}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class="flip-rtl">
            <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
          </svg>
        </button>
      </div>
    </form>
  );
}
