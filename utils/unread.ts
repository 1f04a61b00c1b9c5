// Unread agent replies are the client's job: the server's unread_count fields count the agent's unread.
import type { Message } from './api/schemas';

/** Agent or bot (1) and template (3) messages newer than the contact's last view of the conversation. */
export function isAgentMessage(message: Pick<Message, 'message_type'>): boolean {
  return message.message_type === 1 || message.message_type === 3;
}

export function unreadCount(messages: readonly Message[], contactLastSeenAt: number): number {
  let count = 0;
  for (const message of messages) {
    if (isAgentMessage(message) && message.created_at > contactLastSeenAt && !message.private) count++;
  }
  return count;
}
