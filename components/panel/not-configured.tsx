import { strings } from '@/utils/strings';
import './not-configured.css';

export function NotConfigured({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <main class="panel panel--center">
      <div class="empty">
        <ChatIcon />
        <h1 class="empty__title">{strings.notConfiguredTitle}</h1>
        <p class="muted">{strings.notConfiguredBody}</p>
        <button type="button" class="button button--primary" onClick={onOpenSettings}>
          {strings.openSettings}
        </button>
      </div>
    </main>
  );
}

export function ChatIcon() {
  return (
    <svg class="empty__icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
      <path
        fill="currentColor"
        d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"
      />
    </svg>
  );
}
