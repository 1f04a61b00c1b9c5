// The panel's header: back, the inbox and team presence, the connection when it is not live, resolve.
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import './header.css';

export function Header({ model }: { model: PanelModel }) {
  const view = model.view.value;
  const thread = model.thread.current.value;
  const status = model.connection.status.value;
  const state = status?.connection ?? 'connecting';
  const canResolve = view.kind === 'thread' && thread?.status === 'open';
  return (
    <header class="header">
      {view.kind !== 'list' && (
        <button type="button" class="icon-button" aria-label={strings.back} title={strings.back} onClick={model.showList}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class="flip-rtl">
            <path fill="currentColor" d="M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z" />
          </svg>
        </button>
      )}
      <div class="header__titles">
        <h1 class="header__title"><bdi>{status?.inboxName ?? strings.appTitle}</bdi></h1>
        {status?.agentsOnline !== undefined && (
          <p class={`header__presence${status?.agentsOnline ? ' header__presence--online' : ''}`}>
            {status?.agentsOnline ? strings.teamOnline : strings.teamAway}
          </p>
        )}
      </div>
      {/* Nothing to say while connected: the pill appears only when live updates are not flowing. */}
      {state !== 'online' && (
        <span class={`pill pill--${state}`} title={status?.issue ? strings.error(status.issue) : undefined} role="status">
          <span class="pill__dot" aria-hidden="true" />
          {strings.connection(state)}
        </span>
      )}
      {canResolve && (
        <button
          type="button"
          class="icon-button"
          aria-label={strings.resolveConversation}
          title={strings.resolveConversation}
          onClick={() => void model.thread.resolve()}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path
              fill="currentColor"
              d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm4.3 4.3L10.5 14l-2.8-2.8-1.4 1.4 4.2 4.2 7.2-7.1z"
            />
          </svg>
        </button>
      )}
    </header>
  );
}
