// An existing conversation: its messages, the typing indicator and the composer (or the resolved notice).
import type { Signal } from '@preact/signals';
import type { PanelModel } from '@/utils/panel/models';
import { strings } from '@/utils/strings';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';

export function ThreadScreen({ model, focusComposer }: { model: PanelModel; focusComposer?: Signal<number> }) {
  const thread = model.currentThread.value;
  if (!thread) {
    return (
      <div class="thread thread--loading">
        <p class="muted" role="status">{strings.loadingThread}</p>
      </div>
    );
  }
  const resolved = thread.status === 'resolved';
  return (
    <div class="thread">
      <MessageList
        listKey={String(thread.conversationId)}
        messages={thread.messages}
        hasOlder={thread.hasOlder}
        firstUnreadKey={thread.firstUnreadKey}
        loadingOlder={model.loadingOlder.value}
        onLoadOlder={() => void model.loadOlder()}
        onRetry={model.retry}
        onSubmit={model.submit}
      />
      <TypingIndicator agent={model.agentTyping.value} />
      {resolved ? (
        <div class="resolved">
          <p class="resolved__text">{strings.resolvedNotice}</p>
          <button type="button" class="button button--primary" onClick={() => model.startNewConversation()}>
            {strings.startNewConversation}
          </button>
        </div>
      ) : (
        <Composer model={model} focusComposer={focusComposer} />
      )}
    </div>
  );
}
