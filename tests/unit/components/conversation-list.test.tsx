import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/panel-app';
import { createPanelModel } from '@/utils/panel/models';
import { at, fakeConnector, message, snapshot, summary, thread } from './fake-connector';

const NOW = new Date(2026, 2, 10, 15, 0);

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

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

    expect(within(items[0]).getByText('2 unread')).toBeTruthy();
    expect(within(items[0]).getByText('We are on it')).toBeTruthy();
    expect(within(items[0]).getByText('5 min')).toBeTruthy();
    expect(within(items[0]).getByText('Open')).toBeTruthy();
    expect(within(items[1]).getByText('You: My printer is on fire')).toBeTruthy();
    expect(within(items[1]).getByText('Pending')).toBeTruthy();
    expect(within(items[2]).getByText('Resolved')).toBeTruthy();
    expect(within(items[2]).getByText('Yesterday')).toBeTruthy();
    expect(within(items[2]).queryByText(/unread/)).toBeNull();
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
    expect(fake.sent('thread.open')).toEqual([{ type: 'thread.open', conversationId: 7 }]);

    const log = await screen.findByRole('log', { name: 'Messages' });
    expect(within(log).getByText('Yesterday')).toBeTruthy();
    expect(within(log).getByText('Today')).toBeTruthy();
    // One name per group: the two agent messages are on different days, so the name shows twice.
    expect(within(log).getAllByText('Alex Kim')).toHaveLength(2);
    expect(within(log).getByText('14:30')).toBeTruthy();
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
    expect(fake.setView.mock.calls.map(([id]) => id)).toEqual([null, expect.any(Number), null]);
  });

  it('shows the connection state and the not-configured screen', async () => {
    const fake = fakeConnector({ 'snapshot.get': () => snapshot([], { connection: 'offline', connectionDetail: 'No answer' }) });
    const model = createPanelModel(fake.connector);
    render(<PanelApp model={model} />);
    const pill = await screen.findByText('Offline');
    expect(pill.getAttribute('title')).toBe('No answer');
    // Connected is the normal state: no pill then.
    fake.emit({ type: 'snapshot', snapshot: snapshot([], { connection: 'online' }) });
    await waitFor(() => expect(screen.queryByText('Offline')).toBeNull());
    expect(screen.queryByText('Online')).toBeNull();

    const openSettings = vi.fn();
    cleanup();
    const unconfigured = fakeConnector({ 'snapshot.get': () => snapshot([], { configured: false, connection: 'unconfigured' }) });
    render(<PanelApp model={createPanelModel(unconfigured.connector)} openSettings={openSettings} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open settings' }));
    expect(openSettings).toHaveBeenCalledOnce();
  });

  it('shows the error banner and dismisses it', async () => {
    const model = createPanelModel(fakeConnector().connector);
    render(<PanelApp model={model} />);
    await screen.findByText(/No conversations yet/);
    model.error.value = 'Something broke';
    expect((await screen.findByRole('alert')).textContent).toContain('Something broke');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(model.error.value).toBeNull();
  });
});

describe('before the first snapshot', () => {
  it('shows loading, and the error if the background does not answer', async () => {
    const fake = fakeConnector({
      'snapshot.get': () => Promise.reject(new Error('The extension background did not answer')),
    });
    render(<PanelApp model={createPanelModel(fake.connector)} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect((await screen.findByRole('alert')).textContent).toContain('did not answer');
  });
});
