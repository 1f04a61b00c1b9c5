// The Markdown parser is a lazy chunk: plain text never loads it; Markdown shows as plain text first and
// re-renders as Markdown once the chunk has arrived.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageContent } from '@/components/panel/message-content';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/components/panel/rich/markdown', async (original) => {
  loads.count++;
  return original();
});

afterEach(cleanup);

describe('lazy Markdown', () => {
  it('plain text does not load the parser', async () => {
    render(<MessageContent content={'Hello there, how can I help?\nSecond line.'} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(loads.count).toBe(0);
    expect(document.querySelector('p.msg__text')?.textContent).toBe('Hello there, how can I help?\nSecond line.');
  });

  it('Markdown shows as text at once, then as Markdown when the parser has loaded', async () => {
    render(<MessageContent content="Some **bold** words" />);
    expect(document.querySelector('p.msg__text')?.textContent).toBe('Some **bold** words');
    expect((await screen.findByText('bold')).tagName).toBe('STRONG');
    expect(loads.count).toBe(1);
    render(<MessageContent content="more *text*" />);
    expect(document.querySelector('em')?.textContent).toBe('text'); // loaded: synchronous from now on
    expect(loads.count).toBe(1);
  });
});
