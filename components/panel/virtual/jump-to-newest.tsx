// "Jump to newest": floats at the bottom of the thread while the reader is away from the newest messages.
// A real button (Tab reaches it, Enter and Space press it); focus goes to the log after the jump rather
// than to the page, since the button leaves with the jump.
import { useRef } from 'preact/hooks';
import { strings } from '@/utils/strings';

export function JumpToNewest({ onJump }: { onJump: (hadFocus: boolean) => void }) {
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div class="messages__jump">
      <button
        ref={button}
        type="button"
        class="button button--small messages__jump-button"
        onClick={() => onJump(document.activeElement === button.current)}
      >
        <span aria-hidden="true">↓</span> {strings.jumpToNewest}
      </button>
    </div>
  );
}
