// One message: avatar and name for agents (first of a group, with a Bot or AI tag), the bubble, what the
// message asks (options, rating, cards, form…), its time and delivery state. Each row renders inside its own
// error boundary, so one message that can't be shown never blanks the list.
import { fullDateTime, formatTime } from '@/utils/format';
import type { ThreadMessage } from '@/utils/protocol';
import { strings } from '@/utils/strings';
import { Attachments } from './attachments';
import { Avatar } from './avatar';
import { InteractiveInput } from './interactive-input';
import { MessageContent } from './message-content';
import { MessageBoundary } from './rich/message-boundary';
import { SenderLabel } from './rich/sender-label';
import { UploadProgress } from './upload-progress';
import { memo } from './virtual/memo';


export interface MessageActions {
  onRetry?: (echoId: string) => void;
  /** Answers an interactive message (input_select, input_csat, form, input_email): PATCH submitted_values. */
  onSubmit?: (messageId: number, values: unknown) => Promise<void> | void;
  /** Sends text as the customer's own message: a card's postback button (its payload, else its text). */
  onReply?: (text: string) => Promise<void> | void;
}

type MessageItemProps = { message: ThreadMessage; startsGroup: boolean; endsGroup?: boolean } & MessageActions;

/** Renders again only when its props change: the thread model keeps an unchanged message's object. */
export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  return (
    <MessageBoundary message={props.message}>
      <MessageRow {...props} />
    </MessageBoundary>
  );
});

function MessageRow({ message: m, startsGroup, endsGroup = true, onRetry, onSubmit, onReply }: MessageItemProps) {
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
        {!own && startsGroup && (
          <div class="msg__sender">
            {name}
            <SenderLabel message={m} />
          </div>
        )}
        {hasBubble && (
          <div class="bubble">
            <MessageContent content={m.content} contentType={m.contentType} deleted={m.contentAttributes.deleted === true} />
            <Attachments attachments={m.attachments} />
          </div>
        )}
        <InteractiveInput message={m} onSubmit={onSubmit} onReply={onReply} />
        {(endsGroup || (own && (m.delivery === 'sending' || m.delivery === 'waiting' || m.delivery === 'failed'))) && (
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
      if (m.progress !== undefined) return <UploadProgress percent={m.progress} />;
      return <span class="delivery delivery--sending">{strings.sending}</span>;
    case 'waiting':
      return <span class="delivery delivery--sending">{strings.waitingForNetwork}</span>;
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
        <span class="delivery delivery--failed" title={m.error ? strings.error(m.error) : undefined}>
          {strings.failed}
          {/* Why, in words (a file type the server refuses, a file gone…): not only in a tooltip. */}
          {m.error && <span class="delivery__why">{strings.error(m.error)}</span>}
          {m.echoId && onRetry && (
            <button type="button" class="link-button" onClick={() => onRetry(m.echoId!)}>
              {strings.retry}
            </button>
          )}
        </span>
      );
  }
}
