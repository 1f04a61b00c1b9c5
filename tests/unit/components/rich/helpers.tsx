// Builders for rich-message tests: a ThreadMessage from the team, rendered as a row with spy callbacks.
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { MessageItem } from '@/components/panel/message-item';
import type { ThreadMessage } from '@/utils/protocol';

let seq = 0;

export function agentMessage(extra: Partial<ThreadMessage> = {}): ThreadMessage {
  seq++;
  return {
    key: `m${seq}`,
    id: seq,
    content: '',
    contentType: 'text',
    contentAttributes: {},
    attachments: [],
    createdAt: 1_700_000_000,
    from: 'agent',
    sender: { name: 'Dana' },
    delivery: 'sent',
    ...extra,
  };
}

export function renderMessage(message: ThreadMessage) {
  const onSubmit = vi.fn<(messageId: number, values: unknown) => Promise<void>>(async () => {});
  const onReply = vi.fn<(text: string) => Promise<void>>(async () => {});
  const onRetry = vi.fn<(echoId: string) => void>();
  const view = render(<MessageItem message={message} startsGroup onSubmit={onSubmit} onReply={onReply} onRetry={onRetry} />);
  const rerender = (next: ThreadMessage) =>
    view.rerender(<MessageItem message={next} startsGroup onSubmit={onSubmit} onReply={onReply} onRetry={onRetry} />);
  return { ...view, rerender, onSubmit, onReply, onRetry };
}
