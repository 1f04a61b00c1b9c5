import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/panel-app';
import { createPanelModel } from '@/utils/panel/panel-model';
import { CodedError } from '@/utils/protocol/errors';
import { at, fakeConnector, message, snapshot, status, summary, thread } from './fake-connector';

const NOW = new Date(2026, 2, 10, 15, 0);

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ids = () => within(screen.getByRole('list')).getAllByRole('button').map((b) => b.getAttribute('data-conversation-id'));

describe('conversation list', () => {
  it('shows the conversations newest first, with status, preview, time and unread count', async () => {
    const fake = fakeConnector({
      'snapshot.get': () =>
        snapshot([
          summary(1, { lastActivityAt: at(2026, 3, 9, 9, 0), status: 'resolved', lastMessage: { content: 'All done', fromAgent: true, createdAt: at(2026, 3, 9, 9, 0) } }),
          summary(2, { lastActivityAt: at(2026, 3, 10, 14, 55), unread: 2, lastMessage: { content: 'We are on it', fromAgent: true, createdAt: at(2026, 3, 10, 14, 55) } }),
          summary(3, { lastActivityAt: at(2026, 3, 10, 12, 0), status: 'pending', lastMessage: { content: 'My printer is on fire', fromAgent: false, createdAt: at(2026, 3, 10, 12, 0) } }),
        ]),
    });
    render(<PanelApp model={createPanelModel(fake.connector)} />);

    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.getAttribute('data-conversation-id'))).toEqual(['2', '3', '1']);

    expect(within(items[0]!).getByText('2 unread')).toBeTruthy();
    expect(within(items[0]!).getByText('We are on it')).toBeTruthy();
    expect(within(items[0]!).getByText('5 min')).toBeTruthy();
    expect(within(items[0]!).getByText('Open')).toBeTruthy();
    expect(within(items[1]!).getByText('You: My printer is on fire')).toBeTruthy();
    expect(within(items[1]!).getByText('Pending')).toBeTruthy();
    expect(within(items[2]!).getByText('Resolved')).toBeTruthy();
    expect(within(items[2]!).getByText('Yesterday')).toBeTruthy();
    expect(within(items[2]!).queryByText(/unread/)).toBeNull();
  });

  it('shows the page title a conversation was started from, and "No messages yet" before any', async () => {
    const fake = fakeConnector({ 'snapshot.get': () => snapshot([summary(4, { pageTitle: 'Checkout' })]) });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    const item = await screen.findByRole('button', { name: /Checkout/ });
    expect(within(item).getByText('No messages yet')).toBeTruthy();
    expect(within(item).queryByText('Conversation #4')).toBeNull();
  });

  it('follows the background’s conversation events: a changed one moves up, a removed one goes', async () => {
    const fake = fakeConnector({
      'snapshot.get': () => snapshot([summary(1, { lastActivityAt: 100 }), summary(2, { lastActivityAt: 200 }), summary(3, { lastActivityAt: 300 })]),
    });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    await screen.findByRole('list');
    expect(ids()).toEqual(['3', '2', '1']);

    fake.emit({
      type: 'conversations',
      upsert: [summary(1, { lastActivityAt: 400, unread: 1, lastMessage: { content: 'A reply', fromAgent: true, createdAt: 400 } })],
      remove: [2],
    });
    expect(ids()).toEqual(['1', '3']);
    expect(screen.getByText('A reply')).toBeTruthy();
    expect(screen.getByText('1 unread')).toBeTruthy();

    fake.emit({ type: 'conversations', upsert: [summary(5, { lastActivityAt: 50 })], remove: [] });
    expect(ids()).toEqual(['1', '3', '5']);
  });

  it('shows an empty state and a "New conversation" button that opens the new view', async () => {
    const fake = fakeConnector();
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);

    expect(await screen.findByText(/No conversations yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New conversation' }));
    expect(model.view.value).toEqual({ kind: 'new' });
    expect(await screen.findByText(/Ask us anything/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
  });

  it('opens a conversation: asks for thread.open and shows its messages with day separators and agent name', async () => {
    const fake = fakeConnector({
      'snapshot.get': () => snapshot([summary(7, { lastActivityAt: at(2026, 3, 10, 14, 31) })]),
      'thread.open': ({ conversationId }) =>
        thread(conversationId, [
          message({ id: 1, content: 'Hello!\nHow can I help?', createdAt: at(2026, 3, 9, 10, 0) }),
          message({ id: 2, from: 'me', sender: null, content: 'My invoice is wrong', createdAt: at(2026, 3, 10, 14, 30), delivery: 'read' }),
          message({ id: 3, content: 'Let me check', createdAt: at(2026, 3, 10, 14, 31), sender: { name: 'Alex Kim', avatarUrl: 'https://cdn.example.com/a.png' } }),
        ]),
    });
    render(<PanelApp model={createPanelModel(fake.connector)} />);

    fireEvent.click(await screen.findByRole('button', { name: /Conversation #7/ }));
    expect(fake.sent('thread.open')).toEqual([{ type: 'thread.open', conversationId: 7, panel: 'panel-under-test' }]);

    const log = await screen.findByRole('log', { name: 'Messages' });
    expect(within(log).getByText('Yesterday')).toBeTruthy();
    expect(within(log).getByText('Today')).toBeTruthy();
    // One name per group: the two agent messages are on different days, so the name shows twice.
    expect(within(log).getAllByText('Alex Kim')).toHaveLength(2);
    expect(within(log).getByText('2:30 PM')).toBeTruthy();
    expect(within(log).getByText('Read')).toBeTruthy();
    // Line breaks are kept as text, not HTML.
    const first = within(log).getByText((_, el) => el?.classList.contains('msg__text') === true && el.textContent === 'Hello!\nHow can I help?');
    expect(first.innerHTML).toBe('Hello!\nHow can I help?');
    // Avatar from the sender's URL, initials as fallback.
    expect(log.querySelector('img.avatar')?.getAttribute('src')).toBe('https://cdn.example.com/a.png');
    expect(within(log).getByText('AK')).toBeTruthy();
    // Own messages are marked so they sit on the right.
    expect(within(log).getByText('My invoice is wrong').closest('.msg')?.classList.contains('msg--own')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Back to conversations' }));
    expect(screen.getByRole('button', { name: 'New conversation' })).toBeTruthy();
    // The background hears which thread is on screen: none, this one, none again.
    expect(fake.setView.mock.calls.map(([id]) => id)).toEqual([null, 7, null]);
  });

  it('shows the connection state and why, and the not-configured screen', async () => {
    const fake = fakeConnector({ 'snapshot.get': () => snapshot([], { status: { connection: 'offline', issue: 'live_silent' } }) });
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);
    const pill = await screen.findByText('Offline');
    expect(pill.getAttribute('title')).toBe('Live updates are not answering; checking for new messages now and then.');
    fake.emit({ type: 'status', status: status({ connection: 'connecting' }) });
    expect(screen.getByText('Connecting…').getAttribute('title') ?? '').toBe(''); // no issue: nothing to explain
    // Connected is the normal state: no pill then.
    fake.emit({ type: 'status', status: status({ connection: 'online' }) });
    await waitFor(() => expect(screen.queryByText('Connecting…')).toBeNull());
    expect(screen.queryByText('Offline')).toBeNull();
    expect(screen.queryByText('Online')).toBeNull();

    cleanup();
    const unconfigured = fakeConnector({ 'snapshot.get': () => snapshot([], { status: { configured: false, connection: 'unconfigured' } }) });
    render(<PanelApp model={createPanelModel(unconfigured.connector)} />);
    expect(await screen.findByText('Connect to your support team')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(unconfigured.connector.openSettings).toHaveBeenCalledOnce();
  });

  it('the panel follows a Save made meanwhile: the not-configured screen gives way to the list', async () => {
    const fake = fakeConnector({ 'snapshot.get': () => snapshot([], { status: { configured: false, connection: 'unconfigured' } }) });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    await screen.findByRole('button', { name: 'Open settings' });
    fake.emit({ type: 'status', status: status({ inboxName: 'Help desk', connection: 'connecting' }) });
    expect(await screen.findByRole('button', { name: 'New conversation' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Help desk' })).toBeTruthy();
  });

  it('shows the inbox name and whether the team is online', async () => {
    const fake = fakeConnector({ 'snapshot.get': () => snapshot([], { status: { inboxName: 'Acme support' } }) });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    expect(await screen.findByRole('heading', { name: 'Acme support' })).toBeTruthy();
    // Nothing said about presence until the server says.
    expect(screen.queryByText(/The team is/)).toBeNull();
    fake.emit({ type: 'status', status: status({ inboxName: 'Acme support', agentsOnline: true }) });
    expect(screen.getByText('The team is online')).toBeTruthy();
    fake.emit({ type: 'status', status: status({ inboxName: 'Acme support', agentsOnline: false }) });
    expect(screen.getByText('The team is away: we reply as soon as we can')).toBeTruthy();
  });

  it('shows the error banner in words, and dismisses it', async () => {
    const fake = fakeConnector({
      'snapshot.get': () => snapshot([summary(7)]),
      'thread.open': () => {
        throw new CodedError('rate_limited');
      },
    });
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);
    fireEvent.click(await screen.findByRole('button', { name: /Conversation #7/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Too many requests: try again in a minute.');
    expect(model.connection.error.value).toBe('rate_limited');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(model.connection.error.value).toBeNull();
  });

  it('an error that is not ours becomes "internal", never its text', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = fakeConnector({
      'snapshot.get': () => snapshot([summary(7)]),
      'conversation.resolve': () => {
        throw new Error('TypeError: secret internals');
      },
    });
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);
    await screen.findByRole('button', { name: /Conversation #7/ });
    await act(() => model.openConversation(7));
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve conversation' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong inside the extension. Try again.');
    expect(alert.textContent).not.toContain('secret');
    error.mockRestore();
  });
});

describe('before the first snapshot', () => {
  it('shows loading, and the error if the background does not answer', async () => {
    const fake = fakeConnector({ 'snapshot.get': () => Promise.reject(new CodedError('no_background')) });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect((await screen.findByRole('alert')).textContent).toContain('The extension is restarting. Try again in a moment.');
  });

  it('a reconnect (the worker restarted) fetches the snapshot again', async () => {
    let answer: () => ReturnType<typeof snapshot> = () => {
      throw new CodedError('no_background');
    };
    const fake = fakeConnector({ 'snapshot.get': () => answer() });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    await screen.findByRole('alert');
    answer = () => snapshot([summary(9)]);
    await fake.reconnect();
    expect(await screen.findByRole('button', { name: /Conversation #9/ })).toBeTruthy();
    expect(fake.sent('snapshot.get')).toHaveLength(2);
  });
});
