// An image attachment: its thumbnail inline, with its box reserved when the size is known (no jump when it
// loads). A plain click opens the full image in the panel's viewer; a middle or modified click still opens
// it in a tab, as the link it is.
import { useSignal } from '@preact/signals';
import { richStrings } from '@/utils/rich-strings';
import type { Attachment } from '../attachments';
import { safeSrc } from '../safe-url';
import { interactiveRenderers, loadInteractive } from './use-interactive';

export function ImageAttachment({ attachment: a, src }: { attachment: Attachment; src: string }) {
  const open = useSignal(false);
  const thumb = safeSrc(a.thumbUrl) ?? src;
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open.value = true;
    void loadInteractive(); // the viewer is in a lazy chunk; it shows as soon as that has loaded
  };
  const Viewer = open.value ? interactiveRenderers()?.ImageViewer : undefined;
  return (
    <>
      <a
        class="attachment attachment--image"
        href={src}
        target="_blank"
        rel="noopener noreferrer"
        aria-haspopup="dialog"
        title={richStrings.openImage}
        onClick={onClick}
      >
        <img src={thumb} alt={richStrings.image} width={a.width} height={a.height} loading="lazy" decoding="async" />
      </a>
      {Viewer && <Viewer src={src} alt={richStrings.image} onClose={() => (open.value = false)} />}
    </>
  );
}
