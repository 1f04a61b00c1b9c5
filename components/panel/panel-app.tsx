// The side panel: picks a screen from the model's state. Purely presentational; the model does the work.
import type { Signal } from '@preact/signals';
import type { PanelModel } from '@/utils/panel/models';
import { strings } from '@/utils/strings';
import { ConversationList } from './conversation-list';
import { ErrorBanner } from './error-banner';
import { Header } from './header';
import { NewConversation } from './new-conversation';
import { NotConfigured } from './not-configured';
import { ThreadScreen } from './thread-screen';

export interface PanelAppProps {
  model: PanelModel;
  /** Bumped to move the focus to the composer (e.g. after a context-menu handoff). */
  focusComposer?: Signal<number>;
  openSettings?: () => void;
}

export function PanelApp({ model, focusComposer, openSettings }: PanelAppProps) {
  const configured = model.configured.value;
  if (configured === null) {
    // Waiting for the first snapshot; if the background fails to answer, say so rather than spin for ever.
    return (
      <div class="panel">
        <ErrorBanner error={model.error} />
        <main class="panel__body panel--center">
          <p class="muted" role="status">{strings.loading}</p>
        </main>
      </div>
    );
  }
  if (!configured) return <NotConfigured onOpenSettings={openSettings} />;

  const view = model.view.value;
  return (
    <div class="panel" data-connection={model.connection.value}>
      <Header model={model} />
      <ErrorBanner error={model.error} />
      <main class="panel__body">
        {view.kind === 'list' && (
          <ConversationList
            conversations={model.sortedConversations}
            onOpen={(id) => void model.openConversation(id)}
            onNew={() => model.startNewConversation()}
          />
        )}
        {view.kind === 'thread' && <ThreadScreen model={model} focusComposer={focusComposer} />}
        {view.kind === 'new' && <NewConversation model={model} focusComposer={focusComposer} />}
      </main>
    </div>
  );
}
