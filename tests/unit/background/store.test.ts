import { effect } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';
import { unreadOf } from '@/utils/background/chat-state';
import type { OutboxItem } from '@/utils/background/outbox-queue';
import { OLDER_PAGE, THREAD_PAGE, createStore } from '@/utils/background/store';
import { conv, msg } from './fixtures';

const item = (echoId: string, over: Partial<OutboxItem> = {}): OutboxItem => ({
  echoId, conversationId: 1, content: 'hi', state: 'queued', attempts: 0, nextAttemptAt: 0, createdAt: 1, ...over,
});

describe('store', () => {
  it('holds conversations from REST, and a change to one leaves the others as they were', () => {
    const store = createStore();
    store.applyConversation(conv({ id: 1, messages: [msg(1)] }), true);
    store.applyConversation(conv({ id: 2, messages: [msg(2, { conversation_id: 2 })] }), true);
    const two = store.held(2);
    store.applyConversation(conv({ id: 1, status: 'resolved' }), false);
    expect(store.held(1)).toMatchObject({ status: 'resolved', messages: [{ id: 1 }] });
    expect(store.held(2)).toBe(two);
    expect(store.held(3)).toBeUndefined();
  });

  it('a live message of a conversation not held yet is kept, and says it must be fetched', () => {
    const store = createStore();
    expect(store.applyMessage(msg(5, { conversation_id: 4 }))).toBe(false);
    expect(store.held(4)).toMatchObject({ id: 4, hasOlder: true, messages: [{ id: 5 }] });
    expect(store.applyMessage(msg(6, { conversation_id: 4 }))).toBe(true);
    expect(store.held(4)!.messages.map((m) => m.id)).toEqual([5, 6]);
  });

  it('adds an older page, and remembers whether there is more', () => {
    const store = createStore();
    store.applyConversation(conv({ messages: [msg(10)] }), false);
    store.applyOlder(1, [msg(8), msg(9)], true);
    expect(store.held(1)).toMatchObject({ hasOlder: true });
    expect(store.held(1)!.messages.map((m) => m.id)).toEqual([8, 9, 10]);
    store.applyOlder(1, [msg(7)], false);
    expect(store.held(1)!.hasOlder).toBe(false);
  });

  it('a resync drops what the server no longer has, merges the rest and clears the connection issue', () => {
    const store = createStore();
    store.applyConversation(conv({ id: 1, messages: [msg(1)] }), true);
    store.applyConversation(conv({ id: 2 }), true);
    store.setConnection('online', 'live_silent');
    store.resynced([conv({ id: 1, messages: [msg(2)] }), conv({ id: 3 })]);
    expect([...store.conversations.value.keys()].sort()).toEqual([1, 3]);
    expect(store.held(1)!.messages.map((m) => m.id)).toEqual([1, 2]);
    expect(store.connection.value).toEqual({ state: 'online' });
  });

  it('a resync is one change for whoever watches the store', () => {
    const store = createStore();
    let runs = 0;
    const stop = effect(() => {
      void store.conversations.value;
      void store.connection.value;
      runs++;
    });
    store.setConnection('online', 'reconnecting');
    const before = runs;
    store.resynced([conv({ id: 1 }), conv({ id: 2 }), conv({ id: 3 })]);
    expect(runs).toBe(before + 1);
    stop();
  });

  it('marks a thread read up to its newest message, at once', () => {
    const store = createStore();
    store.applyConversation(conv({ contact_last_seen_at: 0, messages: [msg(1), msg(2)] }), true);
    expect(unreadOf(store.held(1)!)).toBe(2);
    store.markedRead(1, 500_000);
    expect(store.held(1)).toMatchObject({ contactLastSeenAt: 1002, readUpToId: 2 });
    expect(unreadOf(store.held(1)!)).toBe(0);
    store.markedRead(1, 5_000_000);
    expect(store.held(1)!.contactLastSeenAt).toBe(5000);
    store.markedRead(9); // not held: nothing to mark
    expect(store.held(9)).toBeUndefined();
  });

  it('opening a thread places the "New messages" mark and widens the window to show every unread reply', () => {
    const store = createStore();
    const messages = Array.from({ length: 60 }, (_, i) => msg(i + 1));
    store.applyConversation(conv({ contact_last_seen_at: 1020, messages }), true);
    expect(store.windowOf(1)).toBe(THREAD_PAGE);
    store.opened(1, store.held(1)!.messages[19]); // message 20: 41 messages from it
    expect(store.unreadMarks.value.get(1)).toBe(20);
    expect(store.windowOf(1)).toBe(46);
    store.opened(1, undefined); // nothing unread: no mark, and the window never shrinks
    expect(store.unreadMarks.value.has(1)).toBe(false);
    expect(store.windowOf(1)).toBe(46);
  });

  it('the window opened on unread replies has a ceiling', () => {
    const store = createStore();
    store.applyConversation(conv({ messages: Array.from({ length: 500 }, (_, i) => msg(i + 1)) }), true);
    store.opened(1, store.held(1)!.messages[0]);
    expect(store.windowOf(1)).toBe(200);
  });

  it('a thread opened again where no panel shows it starts with a small window, however far it was paged', () => {
    const store = createStore();
    store.applyConversation(conv({ messages: Array.from({ length: 500 }, (_, i) => msg(i + 1)) }), true);
    for (let i = 0; i < 10; i++) store.growWindow(1);
    store.opened(1, undefined); // another panel still shows it: the window stays
    expect(store.windowOf(1)).toBe(THREAD_PAGE + 10 * OLDER_PAGE);
    store.opened(1, undefined, true);
    expect(store.windowOf(1)).toBe(THREAD_PAGE);
  });

  it('"load older" grows the window a page at a time', () => {
    const store = createStore();
    store.growWindow(1);
    expect(store.windowOf(1)).toBe(THREAD_PAGE + OLDER_PAGE);
    store.growWindow(1);
    expect(store.windowOf(1)).toBe(THREAD_PAGE + 2 * OLDER_PAGE);
  });

  it('holds the connection, presence, typing, the outbox’s items and started conversations', () => {
    const store = createStore();
    expect(store.connection.value).toEqual({ state: 'unconfigured' });
    store.setConnection('offline', 'reconnecting');
    expect(store.connection.value).toEqual({ state: 'offline', issue: 'reconnecting' });
    store.setConnection('online');
    expect(store.connection.value).toEqual({ state: 'online' });
    store.setPresence(true);
    expect(store.agentsOnline.value).toBe(true);
    store.setTyping(1, { name: 'Alex' });
    store.setTyping(2, null);
    expect([...store.typing.value]).toEqual([[1, { name: 'Alex' }], [2, null]]);

    const items = [item('a'), item('b', { state: 'failed', error: 'server' })];
    store.setPending(items);
    expect(store.pending.value).toEqual(items);
    items[0]!.state = 'sending'; // the queue mutates its own items: the store holds copies
    expect(store.pending.value[0]!.state).toBe('queued');

    store.conversationStarted('a', 42);
    store.conversationStarted('b', 43);
    expect([...store.started.value]).toEqual([['a', 42], ['b', 43]]);
    expect(store.storageFull.value).toBe(false);
    store.setStorageFull(true);
    expect(store.storageFull.value).toBe(true);
  });

  it('restores the cache, and forgets everything of a contact on reset', () => {
    const store = createStore();
    store.restore([{ id: 1, status: 'open', contactLastSeenAt: 0, agentLastSeenAt: 0, lastActivityAt: 0, customAttributes: {}, messages: [msg(1)], hasOlder: false }]);
    expect(store.held(1)!.messages).toHaveLength(1);
    store.growWindow(1);
    store.opened(1, msg(1));
    store.setTyping(1, { name: 'Alex' });
    store.setPresence(false);
    store.setConnection('online');
    store.reset();
    expect(store.conversations.value.size).toBe(0);
    expect(store.windows.value.size).toBe(0);
    expect(store.unreadMarks.value.size).toBe(0);
    expect(store.typing.value.size).toBe(0);
    expect(store.agentsOnline.value).toBeUndefined();
    expect(store.connection.value).toEqual({ state: 'online' }); // the link's state is not the contact's
  });

  it('holds a bounded window of a long history: the newest messages, and knows older ones exist', () => {
    const store = createStore();
    const history = Array.from({ length: 10_000 }, (_, i) => msg(i + 1, { created_at: 1_000_000 + i }));
    store.resynced([conv({ id: 1, messages: history })]);
    const held = store.held(1)!;
    expect(held.messages.length).toBe(THREAD_PAGE + 300);
    expect(held.messages.at(-1)!.id).toBe(10_000);
    expect(held.hasOlder).toBe(true);
    // A reader who scrolled up keeps what the window shows, and the margin above it.
    store.growWindow(1);
    store.growWindow(1);
    store.applyConversation(conv({ id: 1, messages: history }), true);
    expect(store.held(1)!.messages.length).toBe(THREAD_PAGE + 2 * OLDER_PAGE + 300);
    // A short history is held whole.
    store.resynced([conv({ id: 2, messages: history.slice(0, 5).map((m) => ({ ...m, conversation_id: 2 })) })]);
    expect(store.held(2)).toMatchObject({ hasOlder: false });
    expect(store.held(2)!.messages).toHaveLength(5);
  });
});
