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
            <span aria-hidden="true">📎</span> {fileName(a.url) || strings.attachment}
          </a>
        ),
      )}
    </div>
  );
}
