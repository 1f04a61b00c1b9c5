// The full-size image in an overlay dialog inside the panel. Focus moves into it and stays there (Tab
// cycles), Escape or Close or a click outside the image closes it, and focus goes back to what opened it.
import { useEffect, useRef } from 'preact/hooks';
import { richStrings } from '@/utils/rich-strings';
import './viewer.css';

export function ImageViewer({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('a[href], button') ?? [])];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div
      ref={dialog}
      class="viewer"
      role="dialog"
      aria-modal="true"
      aria-label={richStrings.imageViewer}
      onKeyDown={onKeyDown}
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <img class="viewer__image" src={src} alt={alt} />
      <div class="viewer__bar">
        <a class="button button--small" href={src} target="_blank" rel="noopener noreferrer">
          {richStrings.openOriginal}
        </a>
        <button ref={close} type="button" class="button button--small button--primary" onClick={onClose}>
          {richStrings.close}
        </button>
      </div>
    </div>
  );
}
