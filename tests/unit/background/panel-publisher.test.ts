import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OutboxItem } from '@/utils/background/outbox-queue';
import { createPanelPublisher, panelStatus } from '@/utils/background/panel-publisher';
import { createPanels } from '@/utils/background/panels';
import { OLDER_PAGE, createStore } from '@/utils/background/store';
import { conv, msg, panel, session } from './fixtures';

beforeEach(() => fakeBrowser.reset());

const item = (echoId: string, over: Partial<OutboxItem> = {}): OutboxItem => ({
  echoId, conversationId: 1, content: `text ${echoId}`, state: 'queued', attempts: 0, nextAttemptAt: 0, createdAt: 2_000_000, ...over,
});

/** A bound session, a store holding conversations 1 and 2, one panel on the list, and a publisher. */
async function setup() {
  const { session: s } = await session();
  const store = createStore();
  store.setConnection('online');
  store.applyConversation(conv({ id: 1, messages: [msg(1), msg(2, { message_type: 0 })] }), true);
  store.applyConversation(conv({ id: 2, messages: [msg(3, { conversation_id: 2 })] }), true);
  const panels = createPanels();
  const one = panel(panels);
  const publisher = createPanelPublisher(store, s, panels);
  return { session: s, store, panels, one, publisher };
}

describe('panel publisher', () => {
  it('first tells the status and every conversation, then nothing while nothing changes', async () => {
    const { one, publisher } = await setup();
    publisher.publish();
    expect(one.take('status')).toEqual([{ type: 'status', status: { configured: true, inboxName: 'Help desk', connection: 'online' } }]);
    const [list] = one.take('conversations');
    expect(list!.upsert.map((c) => c.id).sort()).toEqual([1, 2]);
    expect(list!.remove).toEqual([]);
    expect(one.events).toEqual([]); // no unsent messages: nothing said about them
    publisher.publish();
    expect(one.events).toEqual([]);
  });

  it('an unchanged status is not sent again; a changed one is', async () => {
    const { one, store, publisher } = await setup();
    publisher.publish();
    one.take();
    store.setConnection('online'); // a new value, the same status
    store.setPresence(true);
    publisher.publish();
    expect(one.take()).toEqual([{ type: 'status', status: { configured: true, inboxName: 'Help desk', agentsOnline: true, connection: 'online' } }]);
    store.setPresence(true);
    publisher.publish();
    expect(one.events).toEqual([]);
  });

  it('sends the summaries of the conversations that changed, and those that went', async () => {
    const { one, store, publisher } = await setup();
    publisher.publish();
    one.take();
    store.applyMessage(msg(4, { conversation_id: 2 }));
    publisher.publish();
    const [patch] = one.take('conversations');
    expect(patch!.upsert.map((c) => [c.id, c.unread])).toEqual([[2, 2]]);
    expect(patch!.remove).toEqual([]);
    store.resynced([conv({ id: 2 })]);
    publisher.publish();
    expect(one.take('conversations')[0]!.remove).toEqual([1]);
  });

  it('a panel that starts showing a thread gets its whole view once', async () => {
    const { one, publisher } = await setup();
    publisher.publish();
    one.take();
    one.show(1);
    publisher.publish();
    const events = one.take();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'thread', thread: { conversationId: 1, status: 'open', hasOlder: false } });
    expect(events[0]!.type === 'thread' && events[0]!.thread.messages.map((m) => m.key)).toEqual(['m1', 'm2']);
    publisher.publish();
    expect(one.events).toEqual([]);
  });

  it('a new message in a shown thread is ONE thread.patch with one upsert, and no full view', async () => {
    const { one, store, publisher } = await setup();
    one.show(1);
    publisher.publish();
    one.take();
    store.applyMessage(msg(5));
    publisher.publish();
    expect(one.take('thread')).toEqual([]);
    const patches = one.take('thread.patch');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.patch).toMatchObject({ conversationId: 1, status: 'open', hasOlder: false, remove: [] });
    expect(patches[0]!.patch.upsert.map((m) => m.key)).toEqual(['m5']);
    expect(one.take('conversations')[0]!.upsert.map((c) => c.id)).toEqual([1]);
    expect(one.events).toEqual([]);
  });

  it('an edited message, a read receipt and a new status travel as patches of their rows', async () => {
    const { one, store, publisher } = await setup();
    one.show(1);
    publisher.publish();
    one.take();
    store.applyMessage(msg(1, { content: 'edited' }));
    publisher.publish();
    expect(one.take('thread.patch')[0]!.patch.upsert).toMatchObject([{ key: 'm1', content: 'edited' }]);

    store.applyConversation(conv({ id: 1, agent_last_seen_at: 5_000 }), false); // the agent read message 2
    publisher.publish();
    const [read] = one.take('thread.patch');
    expect(read!.patch.upsert.find((m) => m.key === 'm2')).toMatchObject({ from: 'me', delivery: 'read' });
    expect(read!.patch.remove).toEqual([]);

    store.applyConversation(conv({ id: 1, status: 'resolved' }), false);
    publisher.publish();
    expect(one.take('thread.patch')[0]!.patch).toMatchObject({ status: 'resolved', upsert: [], remove: [] });
  });

  // Source bug: utils/background/views.ts threadRows tags EVERY held message 'read' once agent_last_seen_at
  // passes it, though only the customer's own messages show a read state: each time the agent reads, every
  // agent message in the window is sent again (and re-rendered) for nothing.
  it('a read receipt patches only the customer’s own rows', async () => {
    const { one, store, publisher } = await setup();
    one.show(1);
    publisher.publish();
    one.take();
    store.applyConversation(conv({ id: 1, agent_last_seen_at: 5_000 }), false);
    publisher.publish();
    expect(one.take('thread.patch')[0]!.patch.upsert.map((m) => m.key)).toEqual(['m2']);
  });

  it('a message in the outbox is a row of its own until the server has it', async () => {
    const { one, store, publisher } = await setup();
    one.show(1);
    publisher.publish();
    one.take();
    store.setPending([item('a')]);
    publisher.publish();
    expect(one.take('thread.patch')[0]!.patch.upsert).toMatchObject([{ key: 'ea', delivery: 'sending' }]);
    store.setPending([item('a', { state: 'sending' })]);
    publisher.publish();
    for (const { patch } of one.take('thread.patch')) expect(patch.upsert).toMatchObject([{ key: 'ea', delivery: 'sending' }]);
    store.setPending([item('a', { state: 'failed', error: 'server' })]);
    publisher.publish();
    expect(one.take('thread.patch')[0]!.patch.upsert).toMatchObject([{ key: 'ea', delivery: 'failed', error: 'server' }]);
    store.setPending([]);
    store.applyMessage(msg(6, { message_type: 0, echo_id: 'a' }));
    publisher.publish();
    const [sent] = one.take('thread.patch');
    expect(sent!.patch.remove).toEqual(['ea']);
    expect(sent!.patch.upsert.map((m) => m.key)).toEqual(['m6']);
  });

  it('messages of conversations still being created go to every panel, when they change', async () => {
    const { one, panels, store, publisher } = await setup();
    const two = panel(panels);
    publisher.publish();
    one.take();
    two.take();
    store.setPending([item('n', { conversationId: null }), item('t')]);
    publisher.publish();
    for (const p of [one, two]) expect(p.take('unsent')).toMatchObject([{ messages: [{ key: 'en', delivery: 'sending' }] }]);
    store.setPending([item('n', { conversationId: null }), item('t', { state: 'failed', error: 'server' })]);
    publisher.publish();
    expect(one.take('unsent')).toEqual([]); // only another conversation's message changed
    store.setPending([item('n', { conversationId: null, state: 'failed', error: 'invalid' })]);
    publisher.publish();
    expect(one.take('unsent')).toMatchObject([{ messages: [{ key: 'en', delivery: 'failed', error: 'invalid' }] }]);
    store.setPending([]);
    publisher.publish();
    expect(one.take('unsent')).toEqual([{ type: 'unsent', messages: [] }]);
  });

  it('tells typing changes and started conversations once', async () => {
    const { one, store, publisher } = await setup();
    publisher.publish();
    one.take();
    store.setTyping(1, { name: 'Alex' });
    store.conversationStarted('e-1', 42);
    publisher.publish();
    expect(one.take()).toEqual([
      { type: 'typing', conversationId: 1, agent: { name: 'Alex' } },
      { type: 'conversation.started', echoId: 'e-1', conversationId: 42 },
    ]);
    publisher.publish();
    expect(one.events).toEqual([]);
    store.setTyping(1, null);
    publisher.publish();
    expect(one.take()).toEqual([{ type: 'typing', conversationId: 1, agent: null }]);
  });

  it('each panel gets its own thread; leaving a thread and coming back gets the whole view again', async () => {
    const { one, panels, store, publisher } = await setup();
    const two = panel(panels);
    one.show(1);
    two.show(2);
    publisher.publish();
    expect(one.take('thread').map((e) => e.thread.conversationId)).toEqual([1]);
    expect(two.take('thread').map((e) => e.thread.conversationId)).toEqual([2]);
    store.applyMessage(msg(7, { conversation_id: 2 }));
    publisher.publish();
    expect(one.take('thread.patch')).toEqual([]);
    expect(two.take('thread.patch')).toHaveLength(1);

    one.show(2);
    publisher.publish();
    expect(one.take('thread').map((e) => e.thread.conversationId)).toEqual([2]);
    one.show(null);
    publisher.publish();
    one.show(2);
    publisher.publish();
    expect(one.take('thread').map((e) => e.thread.conversationId)).toEqual([2]);
    two.detach();
    store.applyMessage(msg(8, { conversation_id: 2 }));
    publisher.publish();
    expect(two.take('thread.patch')).toEqual([]);
    expect(one.take('thread.patch')).toHaveLength(1);
  });

  it('a thread not held yet is shown as an empty one with older history, then filled', async () => {
    const { one, store, publisher } = await setup();
    one.show(9);
    publisher.publish();
    expect(one.take('thread')).toMatchObject([{ thread: { conversationId: 9, messages: [], hasOlder: true } }]);
    store.applyConversation(conv({ id: 9, messages: [msg(20, { conversation_id: 9 })] }), true);
    publisher.publish();
    expect(one.take('thread.patch')[0]!.patch).toMatchObject({ hasOlder: false, upsert: [{ key: 'm20' }] });
  });
});

describe('panel status', () => {
  it('without a session: not configured, whatever the link says', async () => {
    const { session: s } = await session({ bound: false });
    const store = createStore();
    store.setConnection('offline', 'reconnecting');
    expect(panelStatus(store, s)).toEqual({ configured: false, connection: 'unconfigured' });
  });

  it('with one: the inbox, presence, the connection and why, and a full storage', async () => {
    const { session: s } = await session();
    const store = createStore();
    store.setConnection('offline', 'live_refused');
    store.setPresence(false);
    store.setStorageFull(true);
    expect(panelStatus(store, s)).toEqual({
      configured: true, inboxName: 'Help desk', agentsOnline: false, connection: 'offline', issue: 'live_refused', storageFull: true,
    });
  });
});

describe('thread view', () => {
  it('shows the window of newest messages, the outbox after them, and the "New messages" mark when it is in it', async () => {
    const { session: s } = await session();
    const store = createStore();
    const threadView = (st: typeof store, id: number) => createPanelPublisher(st, s, createPanels()).view(undefined, id);
    store.applyConversation(conv({ contact_last_seen_at: 1034, messages: Array.from({ length: 40 }, (_, i) => msg(i + 1)) }), true);
    store.setPending([item('z')]);
    const view = threadView(store, 1);
    expect(view.messages).toHaveLength(31); // the first page, and the pending one
    expect(view.messages[0]!.key).toBe('m11');
    expect(view.messages.at(-1)!.key).toBe('ez');
    expect(view.hasOlder).toBe(true);
    expect(view).not.toHaveProperty('firstUnreadKey');
    store.opened(1, store.held(1)!.messages[34]);
    expect(threadView(store, 1).firstUnreadKey).toBe('m35');
    store.opened(1, store.held(1)!.messages[0]);
    expect(threadView(store, 1).firstUnreadKey).toBe('m1'); // the window grew to show it
  });
});

describe('older rows for a panel', () => {
  /** Conversation 1 with 100 messages (a window of 30 shown), on screen in panels "a" and "b". */
  async function twoPanels() {
    const { session: s } = await session();
    const store = createStore();
    store.applyConversation(conv({ id: 1, messages: Array.from({ length: 100 }, (_, i) => msg(i + 1)) }), true);
    const panels = createPanels();
    const a = panel(panels, () => {}, 'a');
    const b = panel(panels, () => {}, 'b');
    a.show(1);
    b.show(1);
    const publisher = createPanelPublisher(store, s, panels);
    publisher.publish();
    a.take();
    b.take();
    return { store, publisher, a, b };
  }
  const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

  it('are not sent again to the panel that asked; another panel on the thread gets them in its patch', async () => {
    const { store, publisher, a, b } = await twoPanels();
    store.growWindow(1);
    const answer = publisher.older('a', 1, 'm71');
    expect(keys(answer.upsert)).toEqual(Array.from({ length: OLDER_PAGE }, (_, i) => `m${71 - OLDER_PAGE + i}`));
    publisher.publish();
    expect(a.events).toEqual([]);
    const [patch] = b.take('thread.patch');
    expect(keys(patch!.patch.upsert)).toEqual(keys(answer.upsert));
  });

  it('a change to one of them afterwards is still sent to the panel that asked', async () => {
    const { store, publisher, a } = await twoPanels();
    store.growWindow(1);
    publisher.older('a', 1, 'm71');
    store.applyMessage(msg(50, { content: 'edited' }));
    publisher.publish();
    const [patch] = a.take('thread.patch');
    expect(patch!.patch.upsert.map((r) => [r.key, r.content])).toEqual([['m50', 'edited']]);
  });

  it('for a panel not known (or showing another thread) they are only answered, and the patch still carries them', async () => {
    const { store, publisher, a } = await twoPanels();
    store.growWindow(1);
    expect(publisher.older(undefined, 1, 'm71').upsert).toHaveLength(OLDER_PAGE);
    expect(publisher.older('gone', 1, 'm71').upsert).toHaveLength(OLDER_PAGE);
    publisher.publish();
    expect(a.take('thread.patch')[0]!.patch.upsert).toHaveLength(OLDER_PAGE);
  });
});

describe('the view a panel opened', () => {
  it('is not sent again over its port: the publication after its view message carries only what changed since', async () => {
    const { session: s } = await session();
    const store = createStore();
    store.applyConversation(conv({ id: 1, messages: Array.from({ length: 40 }, (_, i) => msg(i + 1)) }), true);
    const panels = createPanels();
    const a = panel(panels, () => {}, 'a');
    const b = panel(panels, () => {}, 'b');
    const publisher = createPanelPublisher(store, s, panels);
    publisher.publish();
    a.take();
    b.take();
    const answer = publisher.view('a', 1); // 'thread.open' from panel a…
    expect(answer.messages.map((m) => m.key)).toEqual(Array.from({ length: 30 }, (_, i) => `m${11 + i}`));
    a.show(1); // …and its view message
    b.show(1);
    publisher.publish();
    expect(a.events).toEqual([]);
    expect(b.take('thread')).toHaveLength(1); // b did not ask: it gets the whole view
    store.applyMessage(msg(41));
    publisher.publish();
    expect(a.take('thread.patch')[0]!.patch.upsert.map((m) => m.key)).toEqual(['m41']);
  });
});
