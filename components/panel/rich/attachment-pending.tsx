// A file of the customer's own message still on its way: its bytes are in the file store, not at a URL
// yet, so it shows as a card with its name and size and no link.
import { richStrings } from '@/utils/rich-strings';
import type { Attachment } from '../attachments';
import { FileIcon } from '../files/icons';
import '../files/files.css';

export function PendingAttachment({ attachment: a }: { attachment: Attachment }) {
  return (
    <span class="attachment file-card file-card--pending">
      <span class="file-card__icon" aria-hidden="true">
        <FileIcon />
      </span>
      <span class="file-card__text">
        <span class="file-card__name">{a.fileName || richStrings.attachment}</span>
        {a.fileSize !== undefined && <span class="file-card__details">{richStrings.fileSize(a.fileSize)}</span>}
      </span>
    </span>
  );
}
