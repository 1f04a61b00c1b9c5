// A desktop notification for an agent's new reply, when the customer turned them on and no panel shows
// that thread. The words come from the strings; the click is handled in the entrypoint.
import type { Message } from '../api/schemas';
import { t } from '../i18n/messages';
import type { Panels } from './panels';
import type { Session } from './session';

export type Notify = (id: string, title: string, message: string) => Promise<void>;

export const notificationId = (conversationId: number, messageId: number) => `hoory:${conversationId}:${messageId}`;

/** The conversation a notification is about, or null if it is not one of ours. */
export function conversationOfNotification(id: string): number | null {
  const [prefix, conversation] = id.split(':');
  const conversationId = Number(conversation);
  return prefix === 'hoory' && Number.isInteger(conversationId) && conversationId > 0 ? conversationId : null;
}

export function createNotifier(session: Session, panels: Panels, notify: Notify) {
  return {
    agentReplied(message: Message) {
      const id = message.conversation_id;
      if (panels.isVisible(id) || !session.settings.peek().notifications) return;
      const name = message.sender?.available_name || message.sender?.name || t('agentFallbackName');
      const text = message.content?.slice(0, 200) || t('newReply');
      void notify(notificationId(id, message.id), name, text).catch(() => {});
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
