// The thread's messages, windowed (issue 17): only the rows near the viewport are in the DOM, however long
// the thread, with the day separators and the "New messages" line of the whole thread. Keeps the reader's
// place: sticks to the bottom when new messages arrive (if the reader was there), keeps the top message still
// when older ones load, and offers "Jump to newest" when the reader is away from the bottom. Older messages
// load as the top comes near. Its own chunk, with the rows' renderers and styles (see ../message-list.tsx).
import { useMemo, useRef } from 'preact/hooks';
import { strings } from '@/utils/strings';
import type { MessageListProps } from '../message-list';
import { JumpToNewest } from './jump-to-newest';
import { ThreadRowView } from './thread-row';
import { threadRows, type ThreadRow } from './thread-rows';
import { useWindowedList } from './use-windowed-list';
// The styles of the rows' parts, loaded with the rows.
import '../message-item.css';
import '../avatar.css';
import '../attachments.css';
import '../interactive-input.css';

export function ThreadList({ listKey, messages, hasOlder, firstUnreadKey, loadingOlder, onLoadOlder, onRetry, onSubmit, onReply }: MessageListProps) {
  const rows = useMemo(() => threadRows(messages, firstUnreadKey), [messages, firstUnreadKey]);
  const keys = useMemo(() => rows.map((r) => r.key), [rows]);
  const requestOlder = () => {
    if (hasOlder && !loadingOlder && onLoadOlder) onLoadOlder();
  };
  const view = useWindowedList({ keys, resetKey: listKey, onNearTop: requestOlder });

  // The reader's own new message brings the list to the bottom, wherever the reader was.
  const lastKey = useRef<string | undefined>(undefined);
  const shown = useRef(listKey);
  const last = messages[messages.length - 1];
  if (shown.current === listKey && last && lastKey.current !== undefined && last.key !== lastKey.current && last.from === 'me') {
    view.stickToBottom();
  }
  shown.current = listKey;
  lastKey.current = last?.key;

  const row = (r: ThreadRow) => (
    <ThreadRowView
      key={r.key}
      message={r.message}
      newDay={r.newDay}
      unread={r.unread}
      startsGroup={r.startsGroup}
      endsGroup={r.endsGroup}
      register={view.register}
      onRetry={onRetry}
      onSubmit={onSubmit}
      onReply={onReply}
    />
  );

  // One flat keyed list: a row that moves between the window and the newest rows keeps its DOM (and state).
  const children = rows.slice(view.start, view.end).map(row);
  if (view.tailStart > view.end) children.push(<div key="gap" class="messages__gap" aria-hidden="true" style={{ blockSize: `${view.gap}px` }} />);
  children.push(...rows.slice(view.tailStart).map(row));

  return (
    <div class="messages" ref={view.scroller} onScroll={view.onScroll}>
      {loadingOlder ? (
        <p class="messages__older muted" role="status">
          <span class="spinner" aria-hidden="true" />
          {strings.loadingOlder}
        </p>
      ) : (
        hasOlder &&
        onLoadOlder && (
          <p class="messages__older">
            <button type="button" class="button button--ghost button--small" onClick={requestOlder}>
              {strings.showOlder}
            </button>
          </p>
        )
      )}
      <div
        class="messages__list"
        role="log"
        aria-label={strings.messages}
        // How many messages the panel holds, rendered or not (the benchmark reads it).
        data-count={rows.length}
        tabIndex={-1}
        ref={view.list}
        style={{ paddingBlockStart: `${view.padTop}px`, paddingBlockEnd: `${view.padBottom}px` }}
      >
        {children}
      </div>
      {view.away && (
        <JumpToNewest
          onJump={(keyboard) => {
            view.stickToBottom();
            view.refresh();
            if (keyboard) view.list.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </div>
  );
}
