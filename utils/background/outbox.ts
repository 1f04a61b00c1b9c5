// The outbox of the session in use: the queue (outbox-queue.ts) sends through the bound session's API and
// writes what it holds into the store, where the panels see messages waiting, sending or failed.
import { MessageType } from '../api/message-type';
import { CodedError } from '../protocol/errors';
import { createOutbox, type OutboxItem, type OutboxTransport } from './outbox-queue';
import type { Session } from './session';
import { outboxItem } from './storage';
import type { Store } from './store';

export function createSessionOutbox(session: Session, store: Store) {
  const transport = (): OutboxTransport | null => {
    const bound = session.current.peek();
    if (!bound) return null;
    const { api } = bound;
    return {
      createConversation: (attributes) => api.createConversation(attributes),
      createMessage: (id, content, echoId) => api.createMessage(id, content, echoId),
      latestMessages: (id) => api.listMessages(id),
      newestConversationId: () => Math.max(0, ...store.conversations.peek().keys()),
      async orphanConversation(after) {
        const list = await api.listConversations();
        return list.find((c) => c.id > after && !c.messages.some((m) => m.message_type === MessageType.incoming));
      },
    };
  };
  const queue = createOutbox([], transport, {
    save: (items) => outboxItem.setValue(items),
    conversationCreated(item, conversation) {
      store.applyConversation(conversation, true);
      store.conversationStarted(item.echoId, conversation.id);
    },
    sent: (_item, message) => void store.applyMessage(message),
    changed: () => store.setPending(queue.items()),
  });

  return {
    ...queue,
    async load() {
      queue.load(await outboxItem.getValue());
      store.setPending(queue.items());
    },
    /** A customer message: persisted, then sent in order, exactly once. */
    async enqueue(item: Pick<OutboxItem, 'conversationId' | 'content' | 'customAttributes'>) {
      if (!session.current.peek()) throw new CodedError('not_configured');
      const echoId = crypto.randomUUID();
      await queue.enqueue({ echoId, ...item });
      return echoId;
    },
  };
}

export type SessionOutbox = ReturnType<typeof createSessionOutbox>;
