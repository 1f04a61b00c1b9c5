// The text of a message. Plain text with line breaks kept (CSS pre-wrap), never innerHTML.
// Kept in its own component so a Markdown renderer can replace it later.
export function MessageContent({ content }: { content: string; contentType?: string }) {
  if (!content) return null;
  return <p class="msg__text" dir="auto">{content}</p>;
}
