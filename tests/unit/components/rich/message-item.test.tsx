import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageItem } from '@/components/panel/message-item';
import type { ThreadMessage } from '@/utils/protocol';
import { agentMessage, renderMessage } from './helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('who wrote it', () => {
  it('tags a bot’s message "Bot" and an AI assistant’s "AI" beside the name; people get no tag', () => {
    renderMessage(agentMessage({ sender: { name: 'Helper' }, from: 'bot', senderKind: 'bot' }));
    expect(screen.getByText('Bot').closest('.msg__sender')?.textContent).toBe('HelperBot');
    cleanup();
    renderMessage(agentMessage({ sender: { name: 'Captain' }, senderKind: 'ai' }));
    expect(screen.getByText('AI').getAttribute('title')).toBe('Written by an AI assistant');
    cleanup();
    renderMessage(agentMessage({ sender: { name: 'Dana' }, senderKind: 'human' }));
    expect(document.querySelector('.sender-kind')).toBeNull();
  });

  it('falls back to from: "bot" when the view has no senderKind', () => {
    renderMessage(agentMessage({ from: 'bot', sender: { name: 'Helper' } }));
    expect(screen.getByText('Bot')).toBeTruthy();
  });

  it('customers’ own messages have no name and no tag', () => {
    renderMessage(agentMessage({ from: 'me', sender: null, content: 'hi' }));
    expect(document.querySelector('.msg__sender, .sender-kind')).toBeNull();
  });
});

describe('a message that fails to render', () => {
  // A view the renderers can't handle (here: attachments missing) stands for any render error.
  const broken = { ...agentMessage({ content: 'broken' }), attachments: undefined } as unknown as ThreadMessage;

  it('shows only that row as "can’t be shown"; the others render', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = agentMessage({ content: 'still here' });
    render(
      <div>
        <MessageItem message={broken} startsGroup />
        <MessageItem message={good} startsGroup />
      </div>,
    );
    expect(screen.getByText('This message can’t be shown')).toBeTruthy();
    expect(screen.getByText('still here')).toBeTruthy();
    expect(document.querySelector(`[data-key="${broken.key}"]`)?.classList.contains('msg--broken')).toBe(true);
  });

  it('tries again when the message changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender } = renderMessage(broken);
    expect(screen.getByText('This message can’t be shown')).toBeTruthy();
    rerender({ ...broken, attachments: [], content: 'fixed' });
    expect(screen.getByText('fixed')).toBeTruthy();
    expect(screen.queryByText('This message can’t be shown')).toBeNull();
  });
});
