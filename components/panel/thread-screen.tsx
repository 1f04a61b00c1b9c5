// An existing conversation: its messages, the typing indicator and the composer (or the resolved notice).
// The whole area takes dropped files; a file being blacked out (a screenshot) takes the area's place.
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { Composer } from './composer';
import { DropZone } from './files/drop-zone';
import { RedactionView } from './files/redaction-view';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';
import './thread-screen.css';

export function ThreadScreen({ model }: { model: PanelModel }) {
  const { thread: threadModel } = model;
  const thread = threadModel.current.value;
  if (!thread) {
    return (
      <div class="thread thread--loading">
        <p class="muted" role="status">{strings.loadingThread}</p>
      </div>
    );
  }
  const resolved = thread.status === 'resolved';
  if (model.files.editing.value) {
    return (
      <div class="thread">
        <RedactionView files={model.files} onClose={model.composer.requestFocus} />
      </div>
    );
  }
  return (
    <DropZone files={model.files} disabled={resolved}>
      <MessageList
        listKey={String(thread.conversationId)}
        messages={thread.messages}
        hasOlder={thread.hasOlder}
        firstUnreadKey={thread.firstUnreadKey}
        loadingOlder={threadModel.loadingOlderShown.value}
        onLoadOlder={() => void threadModel.loadOlder()}
        onRetry={threadModel.retry}
        onSubmit={threadModel.submit}
        onReply={model.composer.reply}
      />
      <TypingIndicator agent={threadModel.agentTyping.value} />
      {resolved ? (
        <div class="resolved">
          <p class="resolved__text">{strings.resolvedNotice}</p>
          <button type="button" class="button button--primary" onClick={() => model.startNewConversation()}>
            {strings.startNewConversation}
          </button>
        </div>
      ) : (
        <Composer model={model} />
      )}
    </DropZone>
  );
}
