// The conversations, newest first. One Tab stop: the arrow keys (and Home, End) move between them, Enter
// opens one; the last one focused stays the Tab stop (roving tabindex).
import { useSignal, type ReadonlySignal } from '@preact/signals';
import { relativeTime } from '@/utils/format';
import type { ConversationSummary } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import { useNow } from './use-now';
import './conversation-list.css';

export interface ConversationListProps {
  conversations: ReadonlySignal<ConversationSummary[]>;
  onOpen: (conversationId: number) => void;
  onNew: () => void;
}

export function ConversationList({ conversations, onOpen, onNew }: ConversationListProps) {
  const now = useNow();
  const items = conversations.value;
  /** The conversation that takes the Tab stop: the one last focused while it is listed, else the first. */
  const focused = useSignal<number | null>(null);
  const tabStop = items.some((c) => c.id === focused.value) ? focused.value : (items[0]?.id ?? null);

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('.conversation')];
    const at = buttons.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  };
  return (
    <section class="list" aria-labelledby="list-title">
      <div class="list__toolbar">
        <h2 id="list-title" class="list__title">{strings.conversations}</h2>
        <button type="button" class="button button--primary button--small" onClick={onNew}>
          <span aria-hidden="true" class="button__icon">+</span>
          {strings.newConversation}
        </button>
      </div>
      {items.length === 0 ? (
        <p class="list__empty muted">{strings.noConversations}</p>
      ) : (
        <ul class="list__items" aria-labelledby="list-title" onKeyDown={onKeyDown}>
          {items.map((c) => (
            <li key={c.id}>
              <ConversationItem
                conversation={c}
                now={now.value}
                onOpen={onOpen}
                tabbable={c.id === tabStop}
                onFocus={() => (focused.value = c.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  conversation: ConversationSummary;
  now: Date;
  onOpen: (id: number) => void;
  tabbable: boolean;
  onFocus: () => void;
}

function ConversationItem({ conversation: c, now, onOpen, tabbable, onFocus }: ItemProps) {
  const last = c.lastMessage;
  const preview = !last ? strings.noMessagesYet : last.fromAgent ? last.content : strings.ownPreview(last.content);
  return (
    <button
      type="button"
      class={`conversation${c.unread > 0 ? ' conversation--unread' : ''}`}
      data-conversation-id={c.id}
      tabIndex={tabbable ? 0 : -1}
      onFocus={onFocus}
      onClick={() => onOpen(c.id)}
    >
      <span class="conversation__top">
        <span class={`badge badge--${c.status}`}>{strings.status(c.status)}</span>
        {/* Server text in any language: <bdi> isolates its direction from the layout's (Arabic, Hebrew…). */}
        <span class="conversation__title"><bdi>{c.pageTitle ?? strings.conversationNumber(c.id)}</bdi></span>
        <time class="conversation__time" dateTime={new Date(c.lastActivityAt * 1000).toISOString()}>
          {relativeTime(c.lastActivityAt, now)}
        </time>
      </span>
      <span class="conversation__bottom">
        <span class="conversation__preview"><bdi>{preview}</bdi></span>
        {c.unread > 0 && (
          <span class="unread">
            <span aria-hidden="true">{c.unread}</span>
            <span class="sr-only">{strings.unreadCount(c.unread)}</span>
          </span>
        )}
      </span>
    </button>
  );
}
