// The side panel: picks a screen from the model's state. Purely presentational; the model does the work.
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { ConversationList } from './conversation-list';
import { ErrorBanner } from './error-banner';
import { Header } from './header';
import { NewConversation } from './new-conversation';
import { NotConfigured } from './not-configured';
import { ThreadScreen } from './thread-screen';

export function PanelApp({ model }: { model: PanelModel }) {
  const { connection } = model;
  const banner = <ErrorBanner error={connection.error} onDismiss={connection.dismissError} />;
  const configured = connection.configured.value;
  if (configured === null) {
    // Waiting for the first snapshot; if the background fails to answer, say so rather than spin for ever.
    return (
      <div class="panel">
        {banner}
        <main class="panel__body panel--center">
          <p class="muted" role="status">{strings.loading}</p>
        </main>
      </div>
    );
  }
  if (!configured) return <NotConfigured onOpenSettings={model.openSettings} />;

  const view = model.view.value;
  return (
    <div class="panel" data-connection={connection.status.value?.connection}>
      <Header model={model} />
      {banner}
      <main class="panel__body">
        {view.kind === 'list' && (
          <ConversationList
            conversations={model.list.conversations}
            onOpen={(id) => void model.openConversation(id)}
            onNew={() => model.startNewConversation()}
          />
        )}
        {view.kind === 'thread' && <ThreadScreen model={model} />}
        {view.kind === 'new' && <NewConversation model={model} />}
      </main>
    </div>
  );
}
