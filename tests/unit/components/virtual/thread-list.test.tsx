// The windowed list without a layout (happy-dom has none): it degrades to rendering the newest rows, and its
// rows render again only when their message changed.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageList, type MessageListProps } from '@/components/panel/message-list';
import type { ThreadMessage } from '@/utils/protocol';
import { message } from '../fake-connector';

const formatted = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/utils/format', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/utils/format')>();
  // Every row that shows its time asks for its tooltip once per render: a count of rows rendered.
  return { ...original, fullDateTime: (s: number) => (formatted.count++, original.fullDateTime(s)) };
});

// The list is a lazy chunk: loaded once here, so that no test waits for it.
beforeAll(() => import('@/components/panel/virtual/thread-list'));
beforeEach(() => (formatted.count = 0));
afterEach(cleanup);

/** Messages ten minutes apart: each one a group of its own, each showing its time. */
const thread = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => message({ id: from + i, content: `text ${from + i}`, createdAt: 1_700_000_000 + (from + i) * 600 }));

const props = (messages: ThreadMessage[]): MessageListProps => ({ listKey: '5', messages, hasOlder: false, loadingOlder: false });

describe('the windowed thread without a layout', () => {
  it('renders every row of a thread that fits the fallback, in order, in a labelled log', async () => {
    render(<MessageList {...props(thread(30))} />);
    const log = await screen.findByRole('log', { name: 'Messages' });
    expect([...log.querySelectorAll('.msg__text')].map((p) => p.textContent)).toEqual(thread(30).map((m) => m.content));
  });

  it('renders the newest 400 rows of a longer one, and no "Jump to newest"', async () => {
    render(<MessageList {...props(thread(450))} />);
    const log = await screen.findByRole('log');
    const texts = [...log.querySelectorAll('.msg__text')].map((p) => p.textContent);
    expect(texts).toHaveLength(400);
    expect(texts[0]).toBe('text 51');
    expect(texts.at(-1)).toBe('text 450');
    expect(screen.queryByRole('button', { name: 'Jump to newest' })).toBeNull();
  });

  it('a new message renders one row: the others keep their message objects', async () => {
    const messages = thread(20);
    const { rerender } = render(<MessageList {...props(messages)} />);
    await screen.findByRole('log');
    formatted.count = 0;
    const longer = [...messages, ...thread(1, 21)];
    rerender(<MessageList {...props(longer)} />);
    expect(screen.getByText('text 21')).toBeTruthy();
    expect(formatted.count).toBe(1);
    // A changed message (a new object) renders its row again, and only it.
    formatted.count = 0;
    const changed = [...longer];
    changed[5] = { ...changed[5]!, content: 'edited' };
    rerender(<MessageList {...props(changed)} />);
    expect(screen.getByText('edited')).toBeTruthy();
    expect(formatted.count).toBe(1);
  });
});
