import type { ThreadMessage } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import { fileName, safeUrl } from './safe-url';

export function Attachments({ attachments }: { attachments: ThreadMessage['attachments'] }) {
  const items = attachments.filter((a) => safeUrl(a.url));
  if (items.length === 0) return null;
  return (
    <div class="attachments">
      {items.map((a) =>
        a.fileType === 'image' ? (
          <a key={a.url} class="attachment attachment--image" href={safeUrl(a.url)} target="_blank" rel="noopener noreferrer">
            <img src={safeUrl(a.thumbUrl) ?? safeUrl(a.url)} alt={strings.image} loading="lazy" />
          </a>
        ) : (
          <a key={a.url} class="attachment attachment--file" href={safeUrl(a.url)} target="_blank" rel="noopener noreferrer" download>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
              <path
                fill="currentColor"
                d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z"
              />
            </svg>
            <span>{fileName(a.url) || strings.attachment}</span>
          </a>
        ),
      )}
    </div>
  );
}
