import type { ReadonlySignal } from '@preact/signals';
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
        <ul class="list__items">
          {items.map((c) => (
            <li key={c.id}>
              <ConversationItem conversation={c} now={now.value} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConversationItem({ conversation: c, now, onOpen }: { conversation: ConversationSummary; now: Date; onOpen: (id: number) => void }) {
  const last = c.lastMessage;
  const preview = !last ? strings.noMessagesYet : last.fromAgent ? last.content : strings.ownPreview(last.content);
  return (
    <button
      type="button"
      class={`conversation${c.unread > 0 ? ' conversation--unread' : ''}`}
      data-conversation-id={c.id}
      onClick={() => onOpen(c.id)}
    >
      <span class="conversation__top">
        <span class={`badge badge--${c.status}`}>{strings.status(c.status)}</span>
        <span class="conversation__title">{c.pageTitle ?? strings.conversationNumber(c.id)}</span>
        <time class="conversation__time" dateTime={new Date(c.lastActivityAt * 1000).toISOString()}>
          {relativeTime(c.lastActivityAt, now)}
        </time>
      </span>
      <span class="conversation__bottom">
        <span class="conversation__preview">{preview}</span>
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
