import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCableEventHandler } from '@/utils/background/cable-events';
import type { Notifier } from '@/utils/background/notifications';
import type { SessionOutbox } from '@/utils/background/outbox';
import { createSession } from '@/utils/background/session';
import { createStore } from '@/utils/background/store';
import { SETTINGS, conv, msg, stored } from './fixtures';

beforeEach(() => fakeBrowser.reset());

/** A store holding conversation 1, a session whose server has conversation 9, and spies for the rest. */
async function setup() {
  const fetch = vi.fn(async (input: string | URL | Request) => {
    const path = new URL(String(input)).pathname;
    const body = path.endsWith('/conversations/9')
      ? { id: 9, status: 'open', contact_last_seen_at: 0, agent_last_seen_at: 0, messages: [msg(90, { conversation_id: 9 }), msg(91, { conversation_id: 9 })] }
      : { error: 'not found' };
    return new Response(JSON.stringify(body), { status: path.endsWith('/conversations/9') ? 200 : 404 });
  });
  const session = createSession({ fetch: fetch as never, hasOrigin: async () => true });
  await session.adopt(SETTINGS, stored());
  const store = createStore();
  store.applyConversation(conv({ id: 1, contact_last_seen_at: 5_000, messages: [msg(1)] }), true);
  const echoed = vi.fn(async (_echoId: string) => null);
  const agentReplied = vi.fn();
  const handler = createCableEventHandler(session, store, { echoed } as unknown as SessionOutbox, { agentReplied } as Notifier);
  return { store, handler, echoed, agentReplied, fetch };
}

describe('cable events', () => {
  it('an agent’s new reply is held and notified, once however often it comes', async () => {
    const { store, handler, agentReplied } = await setup();
    const reply = msg(2, { created_at: 6_000 });
    handler.handle({ kind: 'message', created: true, message: reply });
    handler.handle({ kind: 'message', created: true, message: reply });
    expect(store.held(1)!.messages.map((m) => m.id)).toEqual([1, 2]);
    expect(agentReplied).toHaveBeenCalledOnce();
    expect(agentReplied).toHaveBeenCalledWith(reply);
    handler.handle({ kind: 'message', created: true, message: msg(3, { message_type: 3 }) }); // a template
    expect(agentReplied).toHaveBeenCalledTimes(2);
  });

  it('an update (the "read" burst, an edit) is applied but never notified', async () => {
    const { store, handler, agentReplied } = await setup();
    handler.handle({ kind: 'message', created: false, message: msg(1, { content: 'edited' }) });
    handler.handle({ kind: 'message', created: false, message: msg(4) });
    expect(store.held(1)!.messages.map((m) => m.content)).toEqual(['edited', 'm4']);
    expect(agentReplied).not.toHaveBeenCalled();
  });

  it('our own message’s echo completes its outbox item, and is not notified', async () => {
    const { store, handler, echoed, agentReplied } = await setup();
    handler.handle({ kind: 'message', created: true, message: msg(5, { message_type: 0, echo_id: 'abc' }) });
    handler.handle({ kind: 'message', created: true, message: msg(6, { message_type: 0, echo_id: 42 as never }) });
    handler.handle({ kind: 'message', created: true, message: msg(7, { message_type: 0, echo_id: null }) });
    expect(echoed.mock.calls).toEqual([['abc'], ['42']]);
    expect(store.held(1)!.messages.map((m) => m.id)).toEqual([1, 5, 6, 7]);
    expect(agentReplied).not.toHaveBeenCalled();
  });

  it('private notes and activity messages are never the contact’s to see', async () => {
    const { store, handler, agentReplied } = await setup();
    const before = store.held(1);
    handler.handle({ kind: 'message', created: true, message: msg(8, { private: true }) });
    handler.handle({ kind: 'message', created: true, message: msg(9, { message_type: 2 }) });
    expect(store.held(1)).toBe(before);
    expect(agentReplied).not.toHaveBeenCalled();
  });

  it('a message of a conversation not held yet is shown at once, and the rest of it fetched', async () => {
    const { store, handler, fetch } = await setup();
    handler.handle({ kind: 'message', created: true, message: msg(91, { conversation_id: 9 }) });
    expect(store.held(9)!.messages.map((m) => m.id)).toEqual([91]);
    await vi.waitFor(() => expect(store.held(9)!.messages.map((m) => m.id)).toEqual([90, 91]));
    expect(store.held(9)!.hasOlder).toBe(false);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('a conversation that cannot be fetched is left as it is', async () => {
    const { store, handler } = await setup();
    await handler.fetchConversation(404);
    expect(store.held(404)).toBeUndefined();
  });

  it('a conversation event keeps the held history', async () => {
    const { store, handler } = await setup();
    store.applyOlder(1, [], true);
    handler.handle({ kind: 'conversation', conversation: conv({ id: 1, status: 'resolved' }) });
    expect(store.held(1)).toMatchObject({ status: 'resolved', hasOlder: true, messages: [{ id: 1 }] });
  });

  it('typing and presence are shown', async () => {
    const { store, handler } = await setup();
    handler.handle({ kind: 'typing', on: true, conversationId: 1, agentName: 'Alex', avatarUrl: 'https://x/a.png' });
    expect(store.typing.value.get(1)).toEqual({ name: 'Alex', avatarUrl: 'https://x/a.png' });
    handler.handle({ kind: 'typing', on: true, conversationId: 2, agentName: '' });
    expect(store.typing.value.get(2)).toEqual({ name: 'Support' });
    handler.handle({ kind: 'typing', on: false, conversationId: 1, agentName: 'Alex' });
    expect(store.typing.value.get(1)).toBeNull();
    handler.handle({ kind: 'presence', online: true });
    expect(store.agentsOnline.value).toBe(true);
  });
});
