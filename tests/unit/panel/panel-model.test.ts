import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPanelModel } from '@/utils/panel/panel-model';
import type { Snapshot, ThreadView } from '@/utils/protocol';
import { deferred, fakeConnector, message, pendingMessage, snapshot, status, summary, thread, type FakeOptions, type Handlers } from '../components/fake-connector';

afterEach(() => vi.useRealTimers());

const PAGE = { url: 'https://shop.example.com/cart', title: 'Your cart' };
const tick = () => new Promise((r) => setTimeout(r, 0));

function panel(handlers: Handlers = {}, options: FakeOptions = {}) {
  const fake = fakeConnector(handlers, options);
  return { fake, model: createPanelModel(fake.connector) };
}

describe('panel model', () => {
  it('subscribes at once and fetches the snapshot on (re)connection', async () => {
    const { fake, model } = panel({ 'snapshot.get': () => snapshot([summary(1)], { status: { inboxName: 'Help' }, unsent: [pendingMessage('a')] }) });
    expect(fake.subscribed()).toBe(1);
    await tick();
    expect(model.connection.status.value).toMatchObject({ configured: true, inboxName: 'Help' });
    expect(model.list.conversations.value.map((c) => c.id)).toEqual([1]);
    expect(model.list.unsent.value.map((m) => m.key)).toEqual(['ea']);
    await fake.reconnect();
    expect(fake.sent('snapshot.get')).toHaveLength(2);
  });

  it('a reconnection while a thread is shown fetches that thread again too', async () => {
    const views: ThreadView[] = [thread(5, [message({ id: 1 })]), thread(5, [message({ id: 1 }), message({ id: 2 })])];
    const { fake, model } = panel({ 'thread.open': () => views.shift()! });
    await tick(); // the first snapshot is in
    await model.openConversation(5);
    await fake.reconnect();
    await vi.waitFor(() => expect(model.thread.current.value?.messages).toHaveLength(2));
    expect(fake.sent('thread.open')).toEqual([{ type: 'thread.open', conversationId: 5, panel: 'panel-under-test' }, { type: 'thread.open', conversationId: 5, panel: 'panel-under-test' }]);
  });

  it('routes each background event to the model it concerns', async () => {
    const { fake, model } = panel();
    await tick();
    await model.openConversation(5);
    fake.emit({ type: 'status', status: status({ connection: 'offline', issue: 'reconnecting' }) });
    expect(model.connection.status.value).toMatchObject({ connection: 'offline', issue: 'reconnecting' });
    fake.emit({ type: 'conversations', upsert: [summary(5), summary(6)], remove: [] });
    expect(model.list.conversations.value.map((c) => c.id).sort()).toEqual([5, 6]);
    fake.emit({ type: 'unsent', messages: [pendingMessage('u')] });
    expect(model.list.unsent.value).toHaveLength(1);
    fake.emit({ type: 'thread', thread: thread(5, [message({ id: 1, createdAt: 1 })]) });
    fake.emit({ type: 'thread.patch', patch: { conversationId: 5, status: 'open', hasOlder: false, upsert: [message({ id: 2, createdAt: 2 })], remove: [] } });
    expect(model.thread.current.value!.messages.map((m) => m.key)).toEqual(['m1', 'm2']);
    fake.emit({ type: 'typing', conversationId: 5, agent: { name: 'Alex' } });
    expect(model.thread.agentTyping.value).toEqual({ name: 'Alex' });
  });

  it('a failed snapshot is an error, in a code', async () => {
    const { model } = panel({ 'snapshot.get': () => Promise.reject(new Error('x')) });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await tick();
    expect(model.connection.error.value).toBe('internal');
    log.mockRestore();
  });

  it('tells the background which thread the user can see: none while hidden', async () => {
    const { fake, model } = panel();
    expect(fake.setView).toHaveBeenLastCalledWith(null, false);
    await model.openConversation(5);
    expect(fake.setView).toHaveBeenLastCalledWith(5, true);
    model.setPageVisible(false);
    expect(fake.setView).toHaveBeenLastCalledWith(null);
    await model.openConversation(6);
    expect(fake.setView).toHaveBeenLastCalledWith(null); // still hidden
    model.setPageVisible(true);
    expect(fake.setView).toHaveBeenLastCalledWith(6, true); // opened while hidden: anew
    model.setPageVisible(false);
    model.setPageVisible(true);
    expect(fake.setView).toHaveBeenLastCalledWith(6, false); // only shown again
    model.startNewConversation();
    expect(fake.setView).toHaveBeenLastCalledWith(null, false);
    const shown = fake.setView.mock.calls.map(([id]) => id).filter((id, i, all) => id !== all[i - 1]);
    expect(shown).toEqual([null, 5, null, 6, null, 6, null]);
  });

  it('keeps the draft when going back to the list, and brings it back', async () => {
    const { model } = panel();
    await model.openConversation(5);
    model.composer.setDraft('half');
    model.showList();
    expect(model.view.value).toEqual({ kind: 'list' });
    expect(model.composer.draft.value).toBe('');
    await model.openConversation(5);
    expect(model.composer.draft.value).toBe('half');
  });

  it('a new conversation starts empty (or with a given text) and asks for the focus', () => {
    const { model } = panel();
    const focus = model.composer.focus.value;
    model.startNewConversation({ text: '> quote\n\n' });
    expect(model.view.value).toEqual({ kind: 'new' });
    expect(model.composer.draft.value).toBe('> quote\n\n');
    expect(model.composer.focus.value).toBe(focus + 1);
  });

  it('shows in the new view only the unsent messages it sent, and follows the conversation they start', async () => {
    const answer = deferred<Snapshot>();
    const { fake, model } = panel({ 'snapshot.get': () => answer.promise });
    model.startNewConversation();
    model.composer.setDraft('Hello');
    await model.composer.send();
    fake.emit({ type: 'unsent', messages: [pendingMessage('echo-1'), pendingMessage('someone-else')] });
    expect(model.pendingNew.value.map((m) => m.echoId)).toEqual(['echo-1']);
    fake.emit({ type: 'conversation.started', echoId: 'echo-1', conversationId: 42 });
    expect(model.view.value).toEqual({ kind: 'thread', conversationId: 42 });
    expect(model.pendingNew.value).toEqual([]);
  });

  it('does not jump to a started conversation once the user has left the new view', async () => {
    const { fake, model } = panel();
    model.startNewConversation();
    model.composer.setDraft('Hello');
    await model.composer.send();
    model.showList();
    fake.emit({ type: 'conversation.started', echoId: 'echo-1', conversationId: 42 });
    expect(model.view.value).toEqual({ kind: 'list' });
  });

  it('dispose: no more events, and the typing indicator is turned off', async () => {
    const { fake, model } = panel();
    await model.openConversation(5);
    model.composer.setDraft('h');
    model.dispose();
    expect(fake.subscribed()).toBe(0);
    expect(fake.sent('typing').at(-1)).toEqual({ type: 'typing', conversationId: 5, on: false });
    const calls = fake.setView.mock.calls.length;
    model.showList();
    expect(fake.setView.mock.calls.length).toBe(calls);
  });
});

describe('panel model: start (hand-offs, drafts, the active page)', () => {
  it('takes a page hand-off: a new conversation with the quote and the page attached', async () => {
    const { fake, model } = panel({}, { handoff: { kind: 'page', page: PAGE, selection: 'Error 42', at: 1 } });
    const stop = model.start();
    await tick();
    expect(model.view.value).toEqual({ kind: 'new' });
    expect(model.composer.draft.value).toBe('> Error 42\n\n');
    expect(model.page.page.value).toEqual(PAGE);
    expect(model.page.attach.value).toBe(true);
    expect(fake.taken).toHaveLength(1);
    stop();
  });

  it('takes a conversation hand-off: that thread is opened', async () => {
    const { fake, model } = panel();
    const stop = model.start();
    await tick();
    await fake.handoff({ kind: 'conversation', conversationId: 7, at: 2 });
    expect(model.view.value).toEqual({ kind: 'thread', conversationId: 7 });
    expect(fake.sent('thread.open')).toEqual([{ type: 'thread.open', conversationId: 7, panel: 'panel-under-test' }]);
    stop();
  });

  it('shows the active page and follows tab changes until stopped', async () => {
    const { fake, model } = panel({}, { page: PAGE });
    const stop = model.start();
    await vi.waitFor(() => expect(model.page.page.value).toEqual(PAGE));
    await fake.switchTab({ url: 'https://b.example/', title: 'B' });
    expect(model.page.page.value).toEqual({ url: 'https://b.example/', title: 'B' });
    stop();
    expect(fake.watchers()).toBe(0);
  });

  it('restores saved drafts, and saves them 400 ms after the last change', async () => {
    vi.useFakeTimers();
    const { fake, model } = panel({}, { drafts: { c5: 'saved' } });
    const stop = model.start();
    await vi.advanceTimersByTimeAsync(0);
    await model.openConversation(5);
    expect(model.composer.draft.value).toBe('saved');
    vi.mocked(fake.connector.saveDrafts).mockClear();
    model.composer.setDraft('saved, and more');
    await vi.advanceTimersByTimeAsync(200);
    model.composer.setDraft('saved, and more still');
    await vi.advanceTimersByTimeAsync(399);
    expect(fake.connector.saveDrafts).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.connector.saveDrafts).toHaveBeenCalledOnce();
    expect(fake.drafts()).toEqual({ c5: 'saved, and more still' });
    stop();
    model.composer.setDraft('after the panel closed');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.connector.saveDrafts).toHaveBeenCalledOnce();
  });

  it('never saves over the saved drafts before it has read them', async () => {
    vi.useFakeTimers();
    const saved = deferred<Record<string, string>>();
    const { fake, model } = panel();
    vi.mocked(fake.connector.loadDrafts).mockReturnValueOnce(saved.promise);
    const stop = model.start();
    model.startNewConversation();
    model.composer.setDraft('typed early');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.connector.saveDrafts).not.toHaveBeenCalled();
    saved.resolve({ c9: 'from before' });
    await vi.advanceTimersByTimeAsync(0);
    model.composer.setDraft('typed early, then more');
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.drafts()).toEqual({ c9: 'from before', new: 'typed early, then more' });
    stop();
  });
});
