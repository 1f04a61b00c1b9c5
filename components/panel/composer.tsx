// The message box: Enter sends, Shift+Enter adds a line; grows up to about six lines.
import { useComputed, useSignalEffect, type Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { PanelModel } from '@/utils/panel/models';
import { strings } from '@/utils/strings';
import { AttachPageToggle } from './attach-page-toggle';

const MAX_LINES = 6;

export function Composer({ model, focusComposer }: { model: PanelModel; focusComposer?: Signal<number> }) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const blank = useComputed(() => model.draft.value.trim() === '');

  const grow = () => {
    const el = textarea.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const line = parseFloat(style.lineHeight) || 20;
    const chrome = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, line * MAX_LINES + chrome)}px`;
  };
  // The draft also changes from outside (sent, handed off from the context menu): resize after the DOM has it.
  useSignalEffect(() => {
    void model.draft.value;
    requestAnimationFrame(grow);
  });

  const focusTick = focusComposer?.value ?? 0;
  useEffect(() => {
    const el = textarea.current;
    if (!focusTick || !el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, [focusTick]);

  const send = () => {
    if (!blank.value) void model.send();
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <AttachPageToggle model={model} />
      <div class="composer__row">
        <textarea
          ref={textarea}
          class="composer__input"
          aria-label={strings.message}
          placeholder={strings.messagePlaceholder}
          rows={1}
          dir="auto"
          value={model.draft}
          onInput={(e) => {
            model.draft.value = e.currentTarget.value;
            model.noteTyping();
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
