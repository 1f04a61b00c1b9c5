// The text of a message. Plain text with line breaks kept (CSS pre-wrap), never innerHTML.
// Kept in its own component so a Markdown renderer can replace it later.
import { strings } from '@/utils/strings';

export function MessageContent({ content, deleted = false }: { content: string; contentType?: string; deleted?: boolean }) {
  // An agent deleted it: Chatwoot keeps "This message was deleted" as its content; say it in our words.
  if (deleted) return <p class="msg__text msg__text--deleted">{strings.messageDeleted}</p>;
  if (!content) return null;
  return <p class="msg__text" dir="auto">{content}</p>;
}
