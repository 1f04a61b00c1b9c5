// The "new conversation" view: an intro, the messages sent so far (until the conversation exists), the composer.
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { ChatIcon } from './not-configured';

export function NewConversation({ model }: { model: PanelModel }) {
  const pending = model.pendingNew.value;
  return (
    <div class="thread">
      {pending.length === 0 ? (
        <div class="intro">
          <ChatIcon />
          <p>{strings.newIntro}</p>
        </div>
      ) : (
        <MessageList listKey="new" messages={pending} hasOlder={false} loadingOlder={false} onRetry={model.thread.retry} />
      )}
      <Composer model={model} />
    </div>
  );
}
