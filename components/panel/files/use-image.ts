// An image loaded from a local preview (this page's blob: URL), with its natural size, for the canvas.
import { useEffect, useState } from 'preact/hooks';
import type { Size } from './redact';

export interface LoadedImage extends Size {
  image: HTMLImageElement;
}

/** `null` while it loads, `false` when it cannot be read. */
export function useImage(src: string | undefined): LoadedImage | null | false {
  const [loaded, setLoaded] = useState<LoadedImage | null | false>(null);
  useEffect(() => {
    setLoaded(null);
    if (!src) return;
    let live = true;
    const image = new Image();
    image.onload = () => {
      if (!live) return;
      const ok = image.naturalWidth > 0 && image.naturalHeight > 0;
      setLoaded(ok ? { image, width: image.naturalWidth, height: image.naturalHeight } : false);
    };
    image.onerror = () => live && setLoaded(false);
    image.src = src;
    return () => {
      live = false;
    };
  }, [src]);
  return loaded;
}
