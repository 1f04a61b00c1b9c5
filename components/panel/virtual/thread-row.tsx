// One row of the windowed thread: the day separator and the "New messages" line that go before a message,
// and the message. The row is what is measured (its height places the rows around it) and it renders again
// only when one of its props changed.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { dayLabel } from '@/utils/format';
import type { ThreadMessage } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import { MessageItem, type MessageActions } from '../message-item';
import { memo } from './memo';

interface ThreadRowProps extends MessageActions {
  message: ThreadMessage;
  newDay: boolean;
  unread: boolean;
  startsGroup: boolean;
  endsGroup: boolean;
  /** Measures the row while it is rendered; answers how to stop. */
  register: (key: string, el: HTMLElement) => () => void;
}

function ThreadRow({ message, newDay, unread, startsGroup, endsGroup, register, onRetry, onSubmit, onReply }: ThreadRowProps) {
  const row = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => register(message.key, row.current!), [message.key, register]);
  return (
    <div class="messages__row" data-row={message.key} ref={row}>
      {newDay && (
        <div class="day">
          <span class="day__label">{dayLabel(message.createdAt)}</span>
        </div>
      )}
      {unread && (
        <div class="unread-line" role="separator">
          <span class="unread-line__label">{strings.newMessages}</span>
        </div>
      )}
      <MessageItem message={message} startsGroup={startsGroup} endsGroup={endsGroup} onRetry={onRetry} onSubmit={onSubmit} onReply={onReply} />
    </div>
  );
}

export const ThreadRowView = memo(ThreadRow);
