// A message's attachments, each by its file_type: images inline (a click opens the viewer), video and
// audio in the browser's own players, a location as a map link, anything else as a file card. Only
// http(s) URLs (or this page's blob: previews) reach src and href; an attachment without one is dropped,
// except the customer's own files still in the outbox (no URL yet), shown by name and size.
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import { PendingAttachment } from './rich/attachment-pending';
import { FileCard, LocationCard } from './rich/file-card';
import { ImageAttachment } from './rich/image-attachment';
import { safeSrc } from './safe-url';
import './rich/attachments.css';

export type Attachment = ThreadMessage['attachments'][number];

export function Attachments({ attachments }: { attachments: ThreadMessage['attachments'] }) {
  if (attachments.length === 0) return null;
  return <div class="attachments">{attachments.map((a, i) => <AttachmentView key={`${i}:${a.url || a.fileName}`} attachment={a} />)}</div>;
}

function AttachmentView({ attachment: a }: { attachment: Attachment }) {
  // A location is its coordinates: it needs no URL of its own.
  if (a.fileType === 'location') return <LocationCard attachment={a} />;
  if (a.url === '' && a.fileName) return <PendingAttachment attachment={a} />;
  const src = safeSrc(a.url);
  if (!src) return null;
  switch (a.fileType) {
    case 'image':
      return <ImageAttachment attachment={a} src={src} />;
    case 'video':
      return (
        <video class="attachment attachment--video" src={src} controls preload="metadata" width={a.width} height={a.height}>
          <a href={src} target="_blank" rel="noopener noreferrer">
            {richStrings.download}
          </a>
        </video>
      );
    case 'audio':
      return <audio class="attachment attachment--audio" src={src} controls preload="metadata" />;
    default:
      // file, fallback and whatever a newer server sends: a card that downloads it.
      return <FileCard attachment={a} href={src} />;
  }
}
