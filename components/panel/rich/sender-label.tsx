// A small "Bot" or "AI" tag beside the sender's name, so a customer knows when no person wrote a reply.
// People (and messages from servers that don't say) get none.
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import './message.css';

function senderKindOf(message: ThreadMessage): ThreadMessage['senderKind'] {
  return message.senderKind ?? (message.from === 'bot' ? 'bot' : undefined);
}

export function SenderLabel({ message }: { message: ThreadMessage }) {
  const kind = senderKindOf(message);
  if (kind === 'bot') {
    return (
      <span class="sender-kind sender-kind--bot" title={richStrings.botTitle}>
        {richStrings.botLabel}
      </span>
    );
  }
  if (kind === 'ai') {
    return (
      <span class="sender-kind sender-kind--ai" title={richStrings.aiTitle}>
        {richStrings.aiLabel}
      </span>
    );
  }
  return null;
}
