import type { Signal } from '@preact/signals';
import { strings } from '@/utils/strings';

export function ErrorBanner({ error }: { error: Signal<string | null> }) {
  if (!error.value) return null;
  return (
    <div class="banner banner--error" role="alert">
      <span class="banner__text">{error}</span>
      <button type="button" class="icon-button" aria-label={strings.dismiss} title={strings.dismiss} onClick={() => (error.value = null)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
