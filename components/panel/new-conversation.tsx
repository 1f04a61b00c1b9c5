// The "new conversation" view: an intro, the messages sent so far (until the conversation exists), the
// composer. The area takes dropped files; a file being blacked out (a screenshot) takes the area's place.
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { Composer } from './composer';
import { DropZone } from './files/drop-zone';
import { RedactionView } from './files/redaction-view';
import { MessageList } from './message-list';
import { ChatIcon } from './not-configured';

export function NewConversation({ model }: { model: PanelModel }) {
  const pending = model.pendingNew.value;
  if (model.files.editing.value) {
    return (
      <div class="thread">
        <RedactionView files={model.files} onClose={model.composer.requestFocus} />
      </div>
    );
  }
  return (
    <DropZone files={model.files}>
      {pending.length === 0 ? (
        <div class="intro">
          <ChatIcon />
          <p>{strings.newIntro}</p>
        </div>
      ) : (
        <MessageList listKey="new" messages={pending} hasOlder={false} loadingOlder={false} onRetry={model.thread.retry} />
      )}
      <Composer model={model} />
    </DropZone>
  );
}
