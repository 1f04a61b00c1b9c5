// The panel for keyboard and screen-reader users: arrow keys between conversations with one Tab stop,
// Escape back to the list with the focus on the conversation left, the composer focused when a thread
// opens, and a new agent message said once in the panel's live region (history and own messages never).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '@/components/panel/panel-app';
import { createPanelModel } from '@/utils/panel/panel-model';
import type { ThreadView } from '@/utils/protocol';
import { fakeConnector, message, snapshot, summary, thread } from '../components/fake-connector';

afterEach(cleanup);

async function panel(views: Record<number, ThreadView> = {}) {
  const fake = fakeConnector({
    'snapshot.get': () => snapshot([summary(3, { lastActivityAt: 300 }), summary(2, { lastActivityAt: 200 }), summary(1, { lastActivityAt: 100 })]),
    'thread.open': ({ conversationId }) => views[conversationId] ?? thread(conversationId, []),
  });
  const model = createPanelModel(fake.connector);
  render(<PanelApp model={model} />);
  await screen.findByRole('button', { name: /Conversation #3/ });
  return { fake, model };
}

const items = () => [...document.querySelectorAll<HTMLButtonElement>('.conversation')];
const focusedId = () => (document.activeElement as HTMLElement | null)?.dataset.conversationId;
const announcer = () => screen.getByTestId('announcer');
const frame = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('the conversation list from the keyboard', () => {
  it('is one Tab stop; arrows, Home and End move between conversations', async () => {
    await panel();
    expect(items().map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    items()[0]!.focus();
    const list = screen.getByRole('list', { name: 'Conversations' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(focusedId()).toBe('2');
    expect(items().map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(list, { key: 'End' });
    expect(focusedId()).toBe('1');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(focusedId()).toBe('1');
    fireEvent.keyDown(list, { key: 'Home' });
    expect(focusedId()).toBe('3');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(focusedId()).toBe('3');
  });

  it('opens with Enter (a button): the composer takes the focus; Escape comes back to that conversation', async () => {
    const { model } = await panel();
    items()[1]!.focus();
    fireEvent.click(items()[1]!); // Enter on a focused button is a click
    await screen.findByRole('textbox', { name: 'Message' });
    await frame();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(model.view.value.kind).toBe('list');
    await frame();
    expect(focusedId()).toBe('2');
  });

  it('Escape from the new conversation goes back to “New conversation”; a handled Escape does not', async () => {
    const { model } = await panel();
    fireEvent.click(screen.getByRole('button', { name: 'New conversation' }));
    const box = await screen.findByRole('textbox', { name: 'Message' });
    const handled = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    handled.preventDefault();
    box.dispatchEvent(handled);
    expect(model.view.value.kind).toBe('new');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(model.view.value.kind).toBe('list');
    await frame();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New conversation' }));
  });
});

describe('the live region', () => {
  it('says a new agent message once, with its sender; not the history, older messages or own ones', async () => {
    const history = [message({ id: 10, content: 'Earlier reply' }), message({ id: 11, from: 'me', sender: null, content: 'My question' })];
    const { fake, model } = await panel({ 3: thread(3, history) });
    await act(() => model.openConversation(3));
    await screen.findByText('Earlier reply');
    expect(announcer().textContent).toBe('');
    expect(announcer().getAttribute('role')).toBe('status');

    const reply = message({ id: 12, content: 'Which plan are you on?', sender: { name: 'Ana' } });
    await fake.emit({ type: 'thread.patch', patch: { conversationId: 3, status: 'open', hasOlder: true, upsert: [reply], remove: [] } });
    expect(announcer().textContent).toBe('New message from Ana: Which plan are you on?');

    // Older messages loaded above, the customer's own message, and a re-sent row: nothing new to say.
    const older = message({ id: 5, content: 'Much older' });
    const mine = message({ id: 13, from: 'me', sender: null, content: 'Pro' });
    await fake.emit({ type: 'thread.patch', patch: { conversationId: 3, status: 'open', hasOlder: false, upsert: [older, mine, { ...reply, delivery: 'read' }], remove: [] } });
    expect(announcer().textContent).toBe('New message from Ana: Which plan are you on?');
    expect(announcer().querySelectorAll('p')).toHaveLength(1);
  });

  it('says the same words twice when they come twice (a new node each time)', async () => {
    const { fake, model } = await panel({ 3: thread(3, []) });
    await act(() => model.openConversation(3));
    await screen.findByRole('log');
    const say = (id: number) =>
      fake.emit({ type: 'thread.patch', patch: { conversationId: 3, status: 'open', hasOlder: false, upsert: [message({ id, content: 'OK', sender: { name: 'Ana' } })], remove: [] } });
    await say(20);
    const first = announcer().querySelector('p');
    await say(21);
    expect(announcer().querySelector('p')).not.toBe(first);
    expect(announcer().textContent).toBe('New message from Ana: OK');
  });
});
