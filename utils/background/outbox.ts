// The outbox of the session in use: the queue (outbox-queue.ts) sends through the bound session's API and
// writes what it holds into the store, where the panels see messages waiting, sending or failed.
import { MessageType } from '../api/message-type';
import { clearFiles, deleteFile, type FileRef } from '../files/file-store';
import { CodedError } from '../protocol/errors';
import { throttleProgress } from '../upload/progress-throttle';
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
      // A file gone from the store fails the message (it cannot be sent): the uploader says file_missing.
      createMessage: (id, content, echoId, attachments) =>
        api.createMessage(id, content, echoId, attachments, throttleProgress((percent) => queue.progress(echoId, percent))),
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
    sent(item, message) {
      store.applyMessage(message);
      forget(item.attachments);
    },
    changed: () => store.setPending(queue.items()),
  });

  return {
    ...queue,
    /** The cable echoed our message: it is on the server, files and all. */
    async echoed(echoId: string) {
      forget((await queue.echoed(echoId))?.attachments);
    },
    /** Forget every item, and their files: they belong to a session that is no longer ours. */
    async clear() {
      await queue.clear();
      await clearFiles().catch((e) => console.warn('Could not clear the files', e));
    },
    async load() {
      queue.load(await outboxItem.getValue());
      store.setPending(queue.items());
    },
    /** A customer message: persisted, then sent in order, exactly once. */
    async enqueue(item: Pick<OutboxItem, 'conversationId' | 'content' | 'customAttributes' | 'attachments' | 'follows'>) {
      if (!session.current.peek()) throw new CodedError('not_configured');
      const echoId = crypto.randomUUID();
      await queue.enqueue({ echoId, ...item });
      return echoId;
    },
  };
}

export type SessionOutbox = ReturnType<typeof createSessionOutbox>;

function forget(refs: FileRef[] = []) {
  for (const ref of refs) void deleteFile(ref.id).catch(() => {});
}
