import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/panel-app';
import { createPanelModel } from '@/utils/panel/panel-model';
import type { OlderRows, ThreadMessage, ThreadView } from '@/utils/protocol';
import { at, deferred, fakeConnector, message, olderRows, snapshot, summary, thread } from './fake-connector';
import { strings } from '@/utils/strings';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 2, 10, 15, 0) }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Renders the panel already inside conversation 5, showing `view`. */
async function openThread(view: ThreadView, handlers: Parameters<typeof fakeConnector>[0] = {}) {
  const fake = fakeConnector({
    'snapshot.get': () => snapshot([summary(view.conversationId)]),
    'thread.open': () => view,
    ...handlers,
  });
  const model = createPanelModel(fake.connector);
  render(<PanelApp model={model} />);
  await screen.findByRole('button', { name: /Conversation #/ });
  await act(() => model.openConversation(view.conversationId));
  await screen.findByRole('log');
  return { fake, model };
}

const own = (extra: Partial<ThreadMessage>) => message({ from: 'me', sender: null, ...extra });

describe('thread', () => {
  it('shows delivery states and a Retry button for a failed message that asks for message.retry', async () => {
    const { fake } = await openThread(
      thread(5, [
        own({ id: undefined, key: 'eaaa', echoId: 'aaa', content: 'first', delivery: 'sending' }),
        own({ id: 11, content: 'second', delivery: 'sent' }),
        // Ten minutes later: a group of its own, so "second" ends its group and shows its state.
        own({ id: undefined, key: 'ebbb', echoId: 'bbb', content: 'third', delivery: 'failed', error: 'unreachable', createdAt: 1_700_000_600 }),
      ]),
    );
    expect(screen.getByText('Sending…')).toBeTruthy();
    expect(screen.getByText('Sent')).toBeTruthy();
    expect(screen.getByText('Not sent')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(fake.sent('message.retry')).toEqual([{ type: 'message.retry', echoId: 'bbb' }]);
  });

  it('shows the time once per group of messages, on its last one', async () => {
    await openThread(
      thread(5, [
        message({ id: 1, key: 'm1', content: 'one', createdAt: 1_700_000_000 }),
        message({ id: 2, key: 'm2', content: 'two', createdAt: 1_700_000_030 }),
        message({ id: 3, key: 'm3', content: 'three', createdAt: 1_700_000_900 }),
      ]),
    );
    const meta = (text: string) => screen.getByText(text).closest('.msg')!.querySelector('.msg__meta');
    expect(meta('one')).toBeNull();
    expect(meta('two')).not.toBeNull();
    expect(meta('three')).not.toBeNull();
    expect(document.querySelectorAll('.msg__sender')).toHaveLength(2); // the name starts each group
  });

  it('a resolved conversation shows a notice and "Start a new conversation" instead of the composer', async () => {
    const { model } = await openThread(thread(5, [message({ content: 'Glad to help' })], { status: 'resolved' }));
    expect(screen.getByText('This conversation was resolved')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resolve conversation' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Start a new conversation' }));
    expect(model.view.value).toEqual({ kind: 'new' });
    expect(await screen.findByRole('textbox', { name: 'Message' })).toBeTruthy();
  });

  it('an open conversation can be resolved from the header', async () => {
    const { fake } = await openThread(thread(5, [message()]));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve conversation' }));
    expect(fake.sent('conversation.resolve')).toEqual([{ type: 'conversation.resolve', conversationId: 5 }]);
  });

  it('shows the agent typing indicator in a polite live region, only for this conversation', async () => {
    const { fake } = await openThread(thread(5, [message()]));
    fake.emit({ type: 'typing', conversationId: 6, agent: { name: 'Sam' } });
    expect(screen.queryByText('Sam is typing…')).toBeNull();

    fake.emit({ type: 'typing', conversationId: 5, agent: { name: 'Alex' } });
    const indicator = screen.getByText('Alex is typing…');
    expect(indicator.closest('[aria-live="polite"]')).toBeTruthy();

    fake.emit({ type: 'typing', conversationId: 5, agent: null });
    expect(screen.queryByText('Alex is typing…')).toBeNull();
  });

  it('new messages from thread events appear', async () => {
    const { fake } = await openThread(thread(5, [message({ id: 1, content: 'one' })]));
    fake.emit({ type: 'thread', thread: thread(5, [message({ id: 1, content: 'one' }), message({ id: 2, content: 'two' })]) });
    expect(screen.getByText('two')).toBeTruthy();
  });

  it('a thread patch changes only its rows: a reply appears, the sent message replaces its outbox row', async () => {
    const { fake } = await openThread(
      thread(5, [
        message({ id: 1, key: 'm1', content: 'one', createdAt: 1_700_000_000 }),
        own({ id: undefined, key: 'eaaa', echoId: 'aaa', content: 'mine', delivery: 'sending', createdAt: 1_700_000_010 }),
      ]),
    );
    const rowOne = document.querySelector('[data-key="m1"]');
    fake.emit({
      type: 'thread.patch',
      patch: {
        conversationId: 5, status: 'open', hasOlder: false,
        upsert: [own({ id: 2, key: 'm2', content: 'mine', delivery: 'sent', createdAt: 1_700_000_010 }), message({ id: 3, key: 'm3', content: 'two', createdAt: 1_700_000_020 })],
        remove: ['eaaa'],
      },
    });
    const rows = [...document.querySelectorAll('[data-key]')].map((el) => el.getAttribute('data-key'));
    expect(rows).toEqual(['m1', 'm2', 'm3']);
    expect(screen.getByText('two')).toBeTruthy();
    expect(screen.queryByText('Sending…')).toBeNull();
    expect(document.querySelector('[data-key="m1"]')).toBe(rowOne); // the untouched row was not rebuilt
  });

  it('events about another conversation leave this thread alone', async () => {
    const { fake } = await openThread(thread(5, [message({ id: 1, content: 'one' })]));
    fake.emit({ type: 'thread', thread: thread(6, [message({ id: 9, content: 'elsewhere' })]) });
    fake.emit({
      type: 'thread.patch',
      patch: { conversationId: 6, status: 'resolved', hasOlder: false, upsert: [message({ id: 10, content: 'elsewhere too' })], remove: [] },
    });
    expect(screen.queryByText('elsewhere')).toBeNull();
    expect(screen.queryByText('elsewhere too')).toBeNull();
    expect(screen.getByText('one')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resolve conversation' })).toBeTruthy();
  });

  it('a patch that resolves the conversation swaps the composer for the notice', async () => {
    const { fake } = await openThread(thread(5, [message({ id: 1, content: 'one' })]));
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
    fake.emit({ type: 'thread.patch', patch: { conversationId: 5, status: 'resolved', hasOlder: false, upsert: [], remove: [] } });
    expect(screen.getByText('This conversation was resolved')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
  });

  // Source bug: components/panel/message-item.tsx puts the error CODE in the tooltip (title={m.error}),
  // so the customer reads "unreachable"; errors are codes that only the UI turns into words.
  it('a failed message says why in words, not as a code', async () => {
    await openThread(thread(5, [own({ id: undefined, key: 'eccc', echoId: 'ccc', content: 'lost', delivery: 'failed', error: 'unreachable' })]));
    const failed = screen.getByText('Not sent').closest('.delivery')!;
    expect(failed.getAttribute('title')).toBe(strings.error('unreachable'));
  });

  it('loads earlier messages: a loading row while it runs, then the older messages above', async () => {
    const pending = deferred<OlderRows>();
    const { fake } = await openThread(
      thread(5, [message({ id: 10, content: 'recent', createdAt: at(2026, 3, 10, 9, 0) })], { hasOlder: true }),
      { 'thread.older': () => pending.promise },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier messages' }));
    // It asks for what goes before the oldest row it holds, and gets only that.
    expect(fake.sent('thread.older')).toEqual([{ type: 'thread.older', conversationId: 5, panel: 'panel-under-test', before: 'm10' }]);
    expect(await screen.findByText('Loading earlier messages…')).toBeTruthy();

    pending.resolve(olderRows(5, [message({ id: 9, content: 'ancient', createdAt: at(2026, 3, 1, 9, 0) })]));
    await waitFor(() => expect(screen.queryByText('Loading earlier messages…')).toBeNull());
    const texts = [...screen.getByRole('log').querySelectorAll('.msg__text')].map((p) => p.textContent);
    expect(texts).toEqual(['ancient', 'recent']);
    expect(screen.queryByRole('button', { name: 'Show earlier messages' })).toBeNull();
  });

  it('scrolling to the top loads older messages', async () => {
    const { fake } = await openThread(thread(5, [message()], { hasOlder: true }), {
      'thread.older': () => olderRows(5, [], { hasOlder: false }),
    });
    const scroller = document.querySelector('.messages')!;
    scroller.scrollTop = 0;
    fireEvent.scroll(scroller);
    expect(fake.sent('thread.older')).toHaveLength(1);
  });

  it('input_select: option buttons submit the choice; once submitted the choice is shown', async () => {
    const items = [
      { title: 'Billing', value: 'billing' },
      { title: 'Bug', value: 'bug' },
    ];
    const { fake } = await openThread(
      thread(5, [message({ id: 40, content: 'What is it about?', contentType: 'input_select', contentAttributes: { items } })]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Bug' }));
    expect(fake.sent('message.submit')).toEqual([
      { type: 'message.submit', conversationId: 5, messageId: 40, values: [{ title: 'Bug', value: 'bug' }] },
    ]);

    fake.emit({
      type: 'thread',
      thread: thread(5, [
        message({ id: 40, content: 'What is it about?', contentType: 'input_select', contentAttributes: { items, submitted_values: [{ title: 'Bug', value: 'bug' }] } }),
      ]),
    });
    expect(screen.getByText('You chose: Bug')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Billing' })).toBeNull();
  });

  it('input_csat: five rating buttons submit the rating, then thanks', async () => {
    const { fake } = await openThread(thread(5, [message({ id: 41, content: 'Rate us', contentType: 'input_csat' })]));
    const group = screen.getByRole('group', { name: 'Rate this conversation' });
    expect(within(group).getAllByRole('button')).toHaveLength(5);
    fireEvent.click(screen.getByRole('button', { name: 'Rate 4 out of 5' }));
    expect(fake.sent('message.submit')[0]).toMatchObject({ messageId: 41, values: { csat_survey_response: { rating: 4 } } });

    fake.emit({
      type: 'thread.patch',
      patch: {
        conversationId: 5, status: 'open', hasOlder: false, remove: [],
        upsert: [message({ id: 41, content: 'Rate us', contentType: 'input_csat', contentAttributes: { submitted_values: { csat_survey_response: { rating: 4 } } } })],
      },
    });
    expect(screen.getByText('Thanks for your feedback!')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Rate this conversation' })).toBeNull();
  });

  it('attachments: images as linked thumbnails, other files as links; unsafe URLs are dropped', async () => {
    await openThread(
      thread(5, [
        message({
          content: '',
          attachments: [
            { fileType: 'image', url: 'https://cdn.example.com/full.png', thumbUrl: 'https://cdn.example.com/thumb.png' },
            { fileType: 'file', url: 'https://cdn.example.com/files/report%202026.pdf' },
            { fileType: 'file', url: 'javascript:alert(1)' },
          ],
        }),
      ]),
    );
    const image = screen.getByRole('img', { name: 'Image' });
    expect(image.getAttribute('src')).toBe('https://cdn.example.com/thumb.png');
    expect(image.closest('a')?.getAttribute('href')).toBe('https://cdn.example.com/full.png');
    expect(screen.getByRole('link', { name: /report 2026\.pdf/ }).getAttribute('href')).toBe('https://cdn.example.com/files/report%202026.pdf');
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('a hidden panel does not count as reading its thread; shown again, the thread is not opened anew', async () => {
    const { fake, model } = await openThread(thread(5, [message({ content: 'Hello' })]));
    expect(fake.setView).toHaveBeenLastCalledWith(5, true);
    act(() => model.setPageVisible(false));
    expect(fake.setView).toHaveBeenLastCalledWith(null);
    act(() => model.setPageVisible(true));
    // The background keeps the reader's place (its window) for a thread that comes back into view.
    expect(fake.setView).toHaveBeenLastCalledWith(5, false);
    act(() => model.showList());
    expect(fake.setView).toHaveBeenLastCalledWith(null, false);
  });

  it('shows a message the agent deleted as deleted, in the panel’s own words', async () => {
    await openThread(thread(5, [message({ content: 'Este mensaje fue eliminado', contentAttributes: { deleted: true } })]));
    const text = screen.getByText('This message was deleted');
    expect(text.classList.contains('msg__text--deleted')).toBe(true);
    expect(screen.queryByText('Este mensaje fue eliminado')).toBeNull();
  });

  it('draws a "New messages" line before the first reply the customer had not seen', async () => {
    const view = thread(5, [message({ id: 1, key: 'm1', content: 'old' }), message({ id: 2, key: 'm2', content: 'new one' })]);
    await openThread({ ...view, firstUnreadKey: 'm2' });
    const line = screen.getByRole('separator');
    expect(line.textContent).toBe('New messages');
    expect(line.nextElementSibling?.textContent).toContain('new one');
  });

  it('makes web addresses links (new tab, no opener) and leaves everything else as text', async () => {
    await openThread(
      thread(5, [message({ content: 'See https://help.example.com/a?b=1. Or javascript:alert(1) <b>bold</b>' })]),
    );
    const link = screen.getByRole('link', { name: 'https://help.example.com/a?b=1' });
    expect(link.getAttribute('href')).toBe('https://help.example.com/a?b=1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.parentElement!.textContent).toBe('See https://help.example.com/a?b=1. Or javascript:alert(1) <b>bold</b>');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
