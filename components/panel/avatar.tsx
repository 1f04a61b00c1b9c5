import { useSignal } from '@preact/signals';
import { initials } from '@/utils/format';
import { safeSrc } from './safe-url';

/** An agent's picture, or their initials when there is none or it fails to load. */
export function Avatar({ name, url }: { name: string; url?: string }) {
  const failed = useSignal(false);
  const src = safeSrc(url);
  if (src && !failed.value) {
    return <img class="avatar" src={src} alt="" width={28} height={28} onError={() => (failed.value = true)} />;
  }
  return (
    <span class="avatar avatar--initials" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
