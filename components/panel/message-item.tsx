// One message: avatar and name for agents (first of a group), the bubble, its time and delivery state.
import { fullDateTime, formatTime } from '@/utils/format';
import type { ThreadMessage } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import { Attachments } from './attachments';
import { Avatar } from './avatar';
import { MessageContent } from './message-content';
import { InteractiveInput } from './interactive-input';

export interface MessageActions {
  onRetry?: (echoId: string) => void;
  onSubmit?: (messageId: number, values: unknown) => Promise<void> | void;
}

export function MessageItem({
  message: m,
  startsGroup,
  endsGroup = true,
  onRetry,
  onSubmit,
}: { message: ThreadMessage; startsGroup: boolean; endsGroup?: boolean } & MessageActions) {
  const own = m.from === 'me';
  const name = m.sender?.name || (m.from === 'bot' ? strings.botFallback : strings.agentFallbackName);
  const hasBubble = m.content.trim() !== '' || m.attachments.length > 0;
  return (
    <div
      class={`msg msg--${own ? 'own' : 'agent'}${startsGroup ? ' msg--first' : ''}${m.delivery === 'failed' ? ' msg--failed' : ''}`}
      data-key={m.key}
    >
      {!own && <div class="msg__avatar">{startsGroup && <Avatar name={name} url={m.sender?.avatarUrl} />}</div>}
      <div class="msg__body">
        {!own && startsGroup && <div class="msg__sender">{name}</div>}
        {hasBubble && (
          <div class="bubble">
            <MessageContent content={m.content} contentType={m.contentType} deleted={m.contentAttributes.deleted === true} />
            <Attachments attachments={m.attachments} />
          </div>
        )}
        <InteractiveInput message={m} onSubmit={onSubmit} />
        {(endsGroup || (own && (m.delivery === 'sending' || m.delivery === 'failed'))) && (
          <div class="msg__meta">
            <time dateTime={new Date(m.createdAt * 1000).toISOString()} title={fullDateTime(m.createdAt)}>
              {formatTime(m.createdAt)}
            </time>
            {own && <Delivery message={m} onRetry={onRetry} />}
          </div>
        )}
      </div>
    </div>
  );
}

function Delivery({ message: m, onRetry }: { message: ThreadMessage; onRetry?: (echoId: string) => void }) {
  switch (m.delivery) {
    case 'sending':
      return <span class="delivery delivery--sending">{strings.sending}</span>;
    case 'sent':
      return (
        <span class="delivery delivery--sent" title={strings.sent}>
          <span aria-hidden="true">✓</span>
          <span class="sr-only">{strings.sent}</span>
        </span>
      );
    case 'read':
      return (
        <span class="delivery delivery--read" title={strings.read}>
          <span aria-hidden="true">✓✓</span>
          <span class="sr-only">{strings.read}</span>
        </span>
      );
    case 'failed':
      return (
        <span class="delivery delivery--failed" title={m.error}>
          {strings.failed}
          {m.echoId && onRetry && (
            <button type="button" class="link-button" onClick={() => onRetry(m.echoId!)}>
              {strings.retry}
            </button>
          )}
        </span>
      );
  }
}
