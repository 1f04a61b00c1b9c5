// Unread agent replies are the client's job: the server's unread_count fields count the agent's unread.
import { MessageType } from './api/message-type';
import type { Message } from './api/schemas';

/** Agent or bot (1) and template (3) messages newer than the contact's last view of the conversation. */
export function isAgentMessage(message: Pick<Message, 'message_type'>): boolean {
  return message.message_type === MessageType.outgoing || message.message_type === MessageType.template;
}

/**
 * The widget counts `created_at > contact_last_seen_at`. Both are whole seconds, so a reply in the same
 * second as the last view is ambiguous, and tests (and fast agents) hit it. We count such a tie as unread,
 * unless it is not newer than `readUpToId`, the newest message id on screen when this contact last looked.
 */
export function isUnread(message: Message, contactLastSeenAt: number, readUpToId = 0): boolean {
  return isAgentMessage(message) && !message.private && message.id > readUpToId && message.created_at >= contactLastSeenAt;
}

export function unreadCount(messages: readonly Message[], contactLastSeenAt: number, readUpToId = 0): number {
  let count = 0;
  for (const message of messages) if (isUnread(message, contactLastSeenAt, readUpToId)) count++;
  return count;
}
