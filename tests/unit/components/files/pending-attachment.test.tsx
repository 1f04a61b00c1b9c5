import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageItem } from '@/components/panel/message-item';
import { pendingMessage } from '../fake-connector';

afterEach(cleanup);

describe('own files still in the outbox', () => {
  it('show as a card with name and size and no link (their bytes have no URL yet)', () => {
    const message = pendingMessage('e1', {
      content: 'The invoice',
      attachments: [
        { fileType: 'file', url: '', fileName: 'invoice.pdf', fileSize: 2048 },
        { fileType: 'image', url: '', fileName: 'screenshot.png', fileSize: 1_572_864 },
      ],
    });
    const { container } = render(<MessageItem message={message} startsGroup />);
    expect(screen.getByText('invoice.pdf')).toBeTruthy();
    expect(screen.getByText('2 KB')).toBeTruthy();
    expect(screen.getByText('screenshot.png')).toBeTruthy();
    expect(screen.getByText('1.5 MB')).toBeTruthy();
    expect(container.querySelectorAll('a, img')).toHaveLength(0);
    expect(screen.getByText('Sending…')).toBeTruthy();
  });

  it('an attachment with neither URL nor name is still left out', () => {
    const message = pendingMessage('e2', { content: 'x', attachments: [{ fileType: 'file', url: '' }] });
    const { container } = render(<MessageItem message={message} startsGroup />);
    expect(container.querySelectorAll('.attachment')).toHaveLength(0);
  });
});
