// Attachments shown as cards: a file (icon, name, size, download) and a location (a map link).
import { richStrings } from '@/utils/rich-strings';
import type { Attachment } from '../attachments';
import { FileIcon, PinIcon } from '../files/icons';
import { fileName, mapUrl, safeSrc } from '../safe-url';

export function FileCard({ attachment: a, href }: { attachment: Attachment; href: string }) {
  // The server gives no file name (only the end of its URL), except for fallbacks, which have a title.
  const name = a.fileName || a.fallbackTitle || fileName(a.url) || richStrings.attachment;
  const details = [a.extension?.toUpperCase(), a.fileSize !== undefined ? richStrings.fileSize(a.fileSize) : undefined]
    .filter(Boolean)
    .join(' · ');
  return (
    <a class="attachment file-card" href={href} target="_blank" rel="noopener noreferrer" download>
      <span class="file-card__icon" aria-hidden="true">
        <FileIcon />
      </span>
      <span class="file-card__text">
        <span class="file-card__name">{name}</span>
        {details && <span class="file-card__details">{details}</span>}
      </span>
      <span class="file-card__action">{richStrings.download}</span>
    </a>
  );
}

export function LocationCard({ attachment: a }: { attachment: Attachment }) {
  // OpenStreetMap from the coordinates; the server's own link only if it is http(s) and there are none.
  const href = mapUrl(a.lat, a.long) ?? safeSrc(a.url);
  const title = a.fallbackTitle || richStrings.location;
  if (!href) {
    return (
      <span class="attachment file-card file-card--location">
        <span class="file-card__icon" aria-hidden="true">
          <PinIcon />
        </span>
        <span class="file-card__name">{title}</span>
      </span>
    );
  }
  return (
    <a class="attachment file-card file-card--location" href={href} target="_blank" rel="noopener noreferrer">
      <span class="file-card__icon" aria-hidden="true">
        <PinIcon />
      </span>
      <span class="file-card__text">
        <span class="file-card__name">{title}</span>
        <span class="file-card__details">{richStrings.openMap}</span>
      </span>
    </a>
  );
}
