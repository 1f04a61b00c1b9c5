// The scrolling list of messages with day separators. Keeps the reader's place: sticks to the bottom when
// new messages arrive (if the reader was there) and keeps the top message still when older ones load.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { dayKey, dayLabel } from '@/utils/format';
import type { ThreadMessage } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import { MessageItem, type MessageActions } from './message-item';
import './message-list.css';
// The styles of the rows' own parts, loaded with the list that shows them.
import './message-item.css';
import './avatar.css';
import './attachments.css';
import './interactive-input.css';

export interface MessageListProps extends MessageActions {
  /** Changes when another conversation is shown: the list then starts at the bottom again. */
  listKey: string;
  messages: ThreadMessage[];
  hasOlder: boolean;
  /** A "New messages" line goes before this message. */
  firstUnreadKey?: string;
  loadingOlder: boolean;
  onLoadOlder?: () => void;
}

const NEAR_BOTTOM_PX = 32;
const NEAR_TOP_PX = 48;
const GROUP_GAP_S = 5 * 60;

export function MessageList({ listKey, messages, hasOlder, firstUnreadKey, loadingOlder, onLoadOlder, ...actions }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  /** The message on top when older ones were asked for, and its distance from the viewport's top. */
  const anchor = useRef<{ key: string; top: number } | null>(null);
  const shownKey = useRef(listKey);
  const lastKey = useRef<string | undefined>(undefined);

  const messageTop = (el: HTMLElement, key: string) => {
    const node = el.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    return node ? node.getBoundingClientRect().top - el.getBoundingClientRect().top : null;
  };

  const requestOlder = () => {
    const el = scroller.current;
    if (!el || !hasOlder || loadingOlder || !onLoadOlder) return;
    const first = messages[0];
    const top = first ? messageTop(el, first.key) : null;
    anchor.current = first && top !== null ? { key: first.key, top } : null;
    onLoadOlder();
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (el.scrollTop < NEAR_TOP_PX) requestOlder();
  };

  // The box shrinks when the typing row shows or the composer grows, and images load late: stay at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current && !anchor.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    const content = el.querySelector('.messages__list');
    if (content) observer.observe(content);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (shownKey.current !== listKey) {
      shownKey.current = listKey;
      atBottom.current = true;
      anchor.current = null;
    }
    const last = messages[messages.length - 1];
    const ownNew = last && last.key !== lastKey.current && last.from === 'me' && lastKey.current !== undefined;
    lastKey.current = last?.key;

    const a = anchor.current;
    if (a) {
      // Put the anchored message back where it was, whatever was inserted above it.
      const top = messageTop(el, a.key);
      if (top !== null) el.scrollTop += top - a.top;
      if (!loadingOlder) anchor.current = null;
    } else if (atBottom.current || ownNew) {
      el.scrollTop = el.scrollHeight;
      atBottom.current = true;
    }
    // Nothing to scroll yet but more history exists: fetch it now, the scroll event would never come.
    if (el.clientHeight > 0 && el.scrollHeight <= el.clientHeight && hasOlder && !loadingOlder) requestOlder();
  }, [listKey, messages, loadingOlder, hasOlder]);

  const rows = [];
  // A group is a run of messages from one sender, close in time: name and avatar on its first message,
  // time (and delivery) on its last.
  const starts = messages.map((m, i) => {
    const previous = messages[i - 1];
    return (
      !previous ||
      m.key === firstUnreadKey ||
      dayKey(previous.createdAt) !== dayKey(m.createdAt) ||
      previous.from !== m.from ||
      previous.sender?.name !== m.sender?.name ||
      m.createdAt - previous.createdAt > GROUP_GAP_S
    );
  });
  for (const [i, m] of messages.entries()) {
    const previous = messages[i - 1];
    const newDay = !previous || dayKey(previous.createdAt) !== dayKey(m.createdAt);
    const startsGroup = starts[i]!;
    const endsGroup = i === messages.length - 1 || starts[i + 1]!;
    if (newDay) {
      rows.push(
        <div key={`day-${dayKey(m.createdAt)}`} class="day">
          <span class="day__label">{dayLabel(m.createdAt)}</span>
        </div>,
      );
    }
    if (m.key === firstUnreadKey) {
      rows.push(
        <div key="unread-line" class="unread-line" role="separator">
          <span class="unread-line__label">{strings.newMessages}</span>
        </div>,
      );
    }
    rows.push(<MessageItem key={m.key} message={m} startsGroup={startsGroup} endsGroup={endsGroup} {...actions} />);
  }

  return (
    <div class="messages" ref={scroller} onScroll={onScroll}>
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
      <div class="messages__list" role="log" aria-label={strings.messages}>
        {rows}
      </div>
    </div>
  );
}
