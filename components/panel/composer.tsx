// The message box: Enter sends, Shift+Enter adds a line; grows with the text up to about six lines, and
// shows a scrollbar only beyond that.
import { useComputed, useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { AttachPageToggle } from './attach-page-toggle';
import './composer.css';

const MAX_LINES = 6;

export function Composer({ model }: { model: PanelModel }) {
  const { composer } = model;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const blank = useComputed(() => composer.draft.value.trim() === '');

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
    if (!blank.value) void composer.send();
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
      <div class="composer__row">
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
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
            e.preventDefault();
            send();
          }}
        />
        <button type="submit" class="composer__send" aria-label={strings.send} title={strings.send} disabled={blank}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class="flip-rtl">
            <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
          </svg>
        </button>
      </div>
    </form>
  );
}
