// article: a list of help articles, each a link (safe URLs only; otherwise its title as text) with a
// description under it.
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import { safeHref } from '../safe-url';
import { items, str } from './attributes';

export function Articles({ message }: { message: ThreadMessage }) {
  const list = items(message.contentAttributes).flatMap((item) => {
    const title = str(item.title);
    return title ? [{ title, description: str(item.description), href: safeHref(str(item.link)) }] : [];
  });
  if (list.length === 0) return null;
  return (
    <ul class="articles" aria-label={richStrings.articles}>
      {list.map((a, i) => (
        <li key={i} class="article">
          {a.href ? (
            <a class="article__title" href={a.href} target="_blank" rel="noopener noreferrer">
              {a.title}
            </a>
          ) : (
            <span class="article__title">{a.title}</span>
          )}
          {a.description && <p class="article__description">{a.description}</p>}
        </li>
      ))}
    </ul>
  );
}
