// The text of a message: plain text with line breaks kept (CSS pre-wrap), web addresses made links, never
// innerHTML. Kept in its own component so a Markdown renderer can replace it later.
import { strings } from '@/utils/strings';
import { safeUrl } from './safe-url';

// http(s) addresses; trailing punctuation that usually ends a sentence stays outside the link.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/g;

export function MessageContent({ content, deleted = false }: { content: string; contentType?: string; deleted?: boolean }) {
  // An agent deleted it: Chatwoot keeps "This message was deleted" as its content; say it in our words.
  if (deleted) return <p class="msg__text msg__text--deleted">{strings.messageDeleted}</p>;
  if (!content) return null;
  return (
    <p class="msg__text" dir="auto">
      {linkify(content)}
    </p>
  );
}

function linkify(text: string) {
  const parts: (string | preact.JSX.Element)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = safeUrl(match[0]);
    if (!href) continue;
    parts.push(text.slice(last, match.index), (
      <a key={match.index} href={href} target="_blank" rel="noopener noreferrer">
        {match[0]}
      </a>
    ));
    last = match.index! + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}
