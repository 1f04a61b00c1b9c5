import type { ReadonlySignal } from '@preact/signals';
import type { ErrorCode } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import './error-banner.css';

export function ErrorBanner({ error, onDismiss }: { error: ReadonlySignal<ErrorCode | null>; onDismiss: () => void }) {
  const code = error.value;
  if (!code) return null;
  return (
    <div class="banner banner--error" role="alert">
      <span class="banner__text">{strings.error(code)}</span>
      <button type="button" class="icon-button" aria-label={strings.dismiss} title={strings.dismiss} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
