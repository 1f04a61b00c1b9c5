import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '@/utils/api/schemas';
import {
  applyConversation,
  applyMessage,
  firstUnreadOf,
  mergeMessages,
  placeholderConversation,
  trimForStorage,
  unreadOf,
  upsertMessage,
} from '@/utils/background/chat-state';
import { summarize, threadView } from '@/utils/background/views';

const msg = (id: number, over: Partial<Message> = {}): Message => ({
  id, content: `m${id}`, message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1000 + id, conversation_id: 1, ...over,
});
const conv = (over: Partial<Conversation> = {}): Conversation => ({
  id: 1, status: 'open', contact_last_seen_at: 0, agent_last_seen_at: 0, messages: [], ...over,
});

describe('chat state', () => {
  it('keeps the held object of a message that came again unchanged, and replaces one that changed', () => {
    const held = [msg(1), msg(2)];
    const merged = mergeMessages(held, [msg(1), msg(2, { content: 'edited' })]);
    expect(merged[0]).toBe(held[0]);
    expect(merged[1]).not.toBe(held[1]);
    expect(merged[1]!.content).toBe('edited');
  });

  it('merges by id, sorts by time and lets a newer copy replace the held one', () => {
    const merged = mergeMessages([msg(2), msg(1)], [msg(2, { content: 'edited', status: 'read' }), msg(3)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(merged[1]).toMatchObject({ content: 'edited', status: 'read' });
  });

  it('never keeps private notes or activity messages', () => {
    expect(mergeMessages([], [msg(1, { private: true }), msg(2, { message_type: 2 }), msg(3)]).map((m) => m.id)).toEqual([3]);
  });

  it('counts unread agent and template messages after the last view, not the customer\'s own', () => {
    const state = applyConversation(undefined, conv({ contact_last_seen_at: 1003, messages: [msg(1), msg(2), msg(3), msg(4, { message_type: 0 }), msg(5, { message_type: 3 })] }), true);
    expect(unreadOf(state)).toBe(2);
  });

  it('keeps seen-at times moving forward only and takes custom attributes when present', () => {
    const first = applyConversation(undefined, conv({ contact_last_seen_at: 50, custom_attributes: { page_url: 'u' } }), true);
    const later = applyConversation(first, conv({ contact_last_seen_at: 10 }), false);
    expect(later.contactLastSeenAt).toBe(50);
    expect(later.customAttributes).toEqual({ page_url: 'u' });
  });

  it('a cable conversation event keeps the held history; a REST one marks it complete', () => {
    const held = { ...applyConversation(undefined, conv({ messages: [msg(1), msg(2)] }), true), hasOlder: true };
    const fromCable = applyConversation(held, conv({ status: 'resolved', messages: [msg(3)] }), false);
    expect(fromCable.messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(fromCable.hasOlder).toBe(true);
    expect(fromCable.status).toBe('resolved');
    expect(applyConversation(held, conv(), true).hasOlder).toBe(false);
  });

  it('applies a live message once, however often it arrives', () => {
    let state = applyConversation(undefined, conv(), true);
    state = applyMessage(state, msg(7));
    state = applyMessage(state, msg(7));
    expect(state.messages).toHaveLength(1);
    expect(state.lastActivityAt).toBe(1007);
  });

  it('a live message goes into its place without re-sorting, and leaves the other messages as they were', () => {
    const held = [msg(1), msg(3), msg(5)];
    const next = upsertMessage(held, msg(4));
    expect(next.map((m) => m.id)).toEqual([1, 3, 4, 5]);
    expect(next[0]).toBe(held[0]);
    expect(next[3]).toBe(held[2]);
    expect(held.map((m) => m.id)).toEqual([1, 3, 5]); // not changed in place
    expect(upsertMessage([], msg(1)).map((m) => m.id)).toEqual([1]);
    expect(upsertMessage(held, msg(9)).map((m) => m.id)).toEqual([1, 3, 5, 9]);
    expect(upsertMessage(held, msg(0)).map((m) => m.id)).toEqual([0, 1, 3, 5]);
  });

  it('a newer copy of a held message replaces it where it is, keeping what the copy lacks', () => {
    const held = [msg(1), msg(2, { sender: { name: 'Dana' } }), msg(3)];
    const { sender: _lacking, ...copy } = msg(2, { status: 'read', content: 'edited' });
    const next = upsertMessage(held, copy);
    expect(next.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(next[1]).toMatchObject({ status: 'read', content: 'edited', sender: { name: 'Dana' } });
    expect(next[0]).toBe(held[0]);
    expect(next[2]).toBe(held[2]);
  });

  it('a message whose time changed moves to its new place, once', () => {
    const next = upsertMessage([msg(1), msg(2), msg(3)], msg(1, { created_at: 2000 }));
    expect(next.map((m) => m.id)).toEqual([2, 3, 1]);
  });

  it('a same-second tie is ordered by id', () => {
    const next = upsertMessage([msg(1, { created_at: 5 }), msg(3, { created_at: 5 })], msg(2, { created_at: 5 }));
    expect(next.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('a live private note or activity message is never held', () => {
    const held = [msg(1)];
    expect(upsertMessage(held, msg(2, { private: true }))).toBe(held);
    expect(upsertMessage(held, msg(3, { message_type: 2 }))).toBe(held);
  });

  it('a placeholder is an open, empty conversation whose history is still to fetch', () => {
    expect(placeholderConversation(8)).toMatchObject({ id: 8, status: 'open', messages: [], hasOlder: true, contactLastSeenAt: 0 });
    expect(applyMessage(placeholderConversation(8), msg(4, { conversation_id: 8 })).lastActivityAt).toBe(1004);
  });

  it('trims the stored copy to the newest messages and remembers there are older ones', () => {
    const state = applyConversation(undefined, conv({ messages: Array.from({ length: 10 }, (_, i) => msg(i + 1)) }), true);
    const trimmed = trimForStorage(state, 4);
    expect(trimmed.messages.map((m) => m.id)).toEqual([7, 8, 9, 10]);
    expect(trimmed.hasOlder).toBe(true);
  });

  it('summarizes and builds a thread window with pending outbox items after stored messages', () => {
    const state = applyConversation(undefined, conv({ agent_last_seen_at: 1001, custom_attributes: { page_title: 'Pricing' }, messages: [msg(1, { message_type: 0 }), msg(2, { message_type: 0 }), msg(3, { sender: { name: 'Dana Agent', available_name: 'Dana', avatar_url: 'https://x/a.png', type: 'user' } })] }), true);
    expect(summarize(state)).toMatchObject({ id: 1, unread: 1, pageTitle: 'Pricing', lastMessage: { content: 'm3', fromAgent: true } });
    const view = threadView(state, 2, [
      { echoId: 'e1', conversationId: 1, content: 'pending', state: 'failed', attempts: 8, nextAttemptAt: 0, createdAt: 5_000_000, error: 'server' },
      { echoId: 'e2', conversationId: 9, content: 'other', state: 'queued', attempts: 0, nextAttemptAt: 0, createdAt: 5_000_000 },
    ]);
    expect(view.messages.map((m) => m.key)).toEqual(['m2', 'm3', 'ee1']);
    expect(view.hasOlder).toBe(true);
    expect(view.messages[0]).toMatchObject({ from: 'me', delivery: 'sent' });
    expect(view.messages[1]).toMatchObject({ from: 'agent', sender: { name: 'Dana', avatarUrl: 'https://x/a.png' } });
    expect(view.messages[2]).toMatchObject({ delivery: 'failed', error: 'server' }); // a code, for the panel to word
    const read = threadView(state, 3, []);
    expect(read.messages[0]!.delivery).toBe('read');
  });
});

describe('the "New messages" line', () => {
  it('marks the first reply the customer had not seen, when it is in the window', () => {
    const state = applyConversation(undefined, conv({ contact_last_seen_at: 1002, messages: [msg(1), msg(2, { message_type: 0 }), msg(3), msg(4)] }), true);
    expect(firstUnreadOf(state)?.id).toBe(3);
    expect(threadView(state, 10, [], 3).firstUnreadKey).toBe('m3');
    expect(threadView(state, 1, [], 3).firstUnreadKey).toBeUndefined(); // scrolled out of the window
    expect(threadView(state, 10, []).firstUnreadKey).toBeUndefined();
  });
});

describe('an older page', () => {
  it('goes in front of what is held, without touching it', () => {
    const held = [msg(10), msg(11)];
    const merged = mergeMessages(held, [msg(9), msg(8, { private: true }), msg(7)]);
    expect(merged.map((m) => m.id)).toEqual([7, 9, 10, 11]);
    expect(merged[2]).toBe(held[0]);
  });

  it('that overlaps what is held is merged by id as any answer', () => {
    const merged = mergeMessages([msg(10), msg(11)], [msg(9), msg(10, { content: 'edited' })]);
    expect(merged.map((m) => m.id)).toEqual([9, 10, 11]);
    expect(merged[1]!.content).toBe('edited');
  });
});

describe('a live message older than what is held', () => {
  it('of a history that goes further back is not held: it would be a hole that paging back never fills', () => {
    const state = { ...placeholderConversation(1), messages: [msg(50), msg(51)], hasOlder: true };
    expect(applyMessage(state, msg(10, { content: 'read now' }))).toBe(state);
    expect(applyMessage(state, msg(50, { content: 'edited' })).messages[0]!.content).toBe('edited');
    expect(applyMessage(state, msg(52)).messages.map((m) => m.id)).toEqual([50, 51, 52]);
  });

  it('of a complete history is held in its place', () => {
    const state = { ...placeholderConversation(1), messages: [msg(50), msg(51)], hasOlder: false };
    expect(applyMessage(state, msg(10)).messages.map((m) => m.id)).toEqual([10, 50, 51]);
  });
});
