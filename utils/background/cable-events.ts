// What a /cable event does to the chat: messages and conversations go into the store, our own echoes
// complete their outbox items, an agent's new reply may notify, typing and presence are shown.
import { MessageType } from '../api/message-type';
import type { CableEvent } from '../cable/events';
import { t } from '../i18n/messages';
import { isAgentMessage } from '../unread';
import type { Notifier } from './notifications';
import type { SessionOutbox } from './outbox';
import type { Session } from './session';
import type { Store } from './store';

export function createCableEventHandler(session: Session, store: Store, outbox: SessionOutbox, notifier: Notifier) {
  /** A message of a conversation not held yet (started elsewhere, or by an agent): fetch the rest of it. */
  async function fetchConversation(id: number) {
    const conversation = await session.current.peek()?.api.getConversation(id).catch(() => null);
    if (conversation) store.applyConversation(conversation, true);
  }

  return {
    fetchConversation,
    handle(event: CableEvent) {
      switch (event.kind) {
        case 'message': {
          const { message } = event;
          if (message.private || message.message_type === MessageType.activity) return;
          const isNew = !store.held(message.conversation_id)?.messages.some((m) => m.id === message.id);
          if (!store.applyMessage(message)) void fetchConversation(message.conversation_id);
          if (message.echo_id !== null && message.echo_id !== undefined) void outbox.echoed(String(message.echo_id));
          // message.updated (e.g. the "read" burst after update_last_seen) is never new activity.
          if (event.created && isNew && isAgentMessage(message)) notifier.agentReplied(message);
          return;
        }
        case 'conversation':
          store.applyConversation(event.conversation, false);
          return;
        case 'typing':
          store.setTyping(
            event.conversationId,
            event.on ? { name: event.agentName || t('agentFallbackName'), ...(event.avatarUrl ? { avatarUrl: event.avatarUrl } : {}) } : null,
          );
          return;
        case 'presence':
          store.setPresence(event.online);
      }
    },
  };
}

export type CableEventHandler = ReturnType<typeof createCableEventHandler>;
