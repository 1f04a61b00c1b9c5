// The cable edge, fuzzed: the event parser on any payload, and raw frames through the real ActionCable
// client on a fake socket. Nothing throws past the edge; a malformed event becomes onMalformed (a resync);
// every event handed on keeps the invariants and clones; and the link still delivers afterwards.
import * as fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCableEvent, PARSER_FAILURE, type CableEvent } from '@/utils/cable/events';
import * as arb from './arbitraries';
import { IDENTIFIER, subscribedRoom } from './fake-socket';
import { expectCloneable, expectConversation, expectMessage } from './invariants';

/** Hundreds of cases per test: far more than vitest's 5 s default on a busy 2-core machine. */
const SLOW = { timeout: 60_000 };

const EVENTS = ['message.created', 'message.updated', 'conversation.created', 'conversation.status_changed', 'conversation.updated', 'conversation.typing_on', 'conversation.typing_off', 'presence.update', 'contact.merged'];

const typing = fc.record({ conversation: fc.record({ id: fc.integer({ min: 1, max: 1e6 }) }), user: arb.sender, is_private: fc.boolean() });
const presence = fc.record({ account_id: fc.nat(), users: fc.dictionary(fc.integer({ min: 1 }).map(String), fc.constantFrom('online', 'busy', 'offline')) });
const messageKeys = ['id', 'content', 'created_at', 'content_attributes', 'sender', 'conversation'];
const conversationKeys = ['id', 'status', 'messages', 'last_activity_at', 'custom_attributes', 'meta'];

/** `data` for an event: its valid shape, that shape with a hostile field, or anything. */
const dataFor = (event: string): fc.Arbitrary<unknown> => {
  const [valid, keys]: [fc.Arbitrary<object>, string[]] = event.startsWith('message.')
    ? [arb.message, messageKeys]
    : event.includes('typing')
      ? [typing, ['conversation', 'user', 'is_private']]
      : event === 'presence.update'
        ? [presence, ['users']]
        : [arb.conversation, conversationKeys];
  return fc.oneof(valid, arb.mutated(valid, keys).map((m) => m.value), arb.hostileValue);
};
const payload = fc.oneof(
  fc.constantFrom(...EVENTS).chain((event) => dataFor(event).map((data) => ({ event, data }))),
  fc.record({ event: fc.oneof(fc.string(), arb.hostileValue), data: arb.hostileValue }, { requiredKeys: [] }),
  arb.hostileValue,
);

function expectEvent(event: CableEvent) {
  if (event.kind === 'message') expectMessage(event.message);
  if (event.kind === 'conversation') expectConversation(event.conversation);
  if (event.kind === 'typing') expect(event.agentName.length).toBeLessThanOrEqual(255);
  expectCloneable(event);
}

describe('parseCableEvent', SLOW, () => {
  it('returns an event, an ignored event or an error for any payload, and never throws', () => {
    fc.assert(fc.property(payload, (value) => {
      const parsed = parseCableEvent(value);
      if (parsed.ok && parsed.event) expectEvent(parsed.event);
      if (!parsed.ok) {
        expect(parsed.error.startsWith(PARSER_FAILURE)).toBe(false);
        expect(parsed.error.length).toBeLessThanOrEqual(400);
      }
    }), arb.RUNS);
  });

  it('hands on every valid message unchanged', () => {
    fc.assert(fc.property(arb.message, fc.boolean(), (message, created) => {
      const data = JSON.parse(JSON.stringify(message));
      const parsed = parseCableEvent({ event: created ? 'message.created' : 'message.updated', data });
      expect(parsed).toEqual({ ok: true, event: { kind: 'message', created, message: data } });
    }), arb.RUNS);
  });
});

describe('raw frames through the ActionCable client', SLOW, () => {
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterEach(() => void vi.restoreAllMocks());

  const envelope = payload.map((message) => JSON.stringify({ identifier: IDENTIFIER, message }));
  const control = fc.record({
    type: fc.constantFrom('welcome', 'ping', 'confirm_subscription', 'reject_subscription', 'disconnect', 'other'),
    identifier: fc.oneof(fc.constant(IDENTIFIER), fc.string()),
    message: arb.hostileValue,
    reconnect: fc.constant(true),
  }, { requiredKeys: ['type'] }).map((frame) => JSON.stringify(frame));
  const frame = fc.oneof(fc.string(), fc.json(), envelope, envelope, control);
  const good = { id: 1, content: 'still here', message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1_764_590_400, conversation_id: 2 };

  it('nothing throws past the edge, events keep the invariants, and the link still delivers', () => {
    fc.assert(fc.property(fc.array(frame, { minLength: 1, maxLength: 8 }), (frames) => {
      const { room, socket, handlers } = subscribedRoom();
      try {
        expect(handlers.onConnected).toHaveBeenCalled();
        for (const text of frames) expect(() => socket.receive(text)).not.toThrow();
        for (const [event] of handlers.onEvent.mock.calls) expectEvent(event);
        for (const [error] of handlers.onMalformed.mock.calls) expect(String(error).startsWith(PARSER_FAILURE)).toBe(false);
        // A frame the library itself acts on (reject, disconnect) may end the subscription: not the parser's doing.
        if (socket.readyState !== 1 || handlers.onRejected.mock.calls.length) return;
        handlers.onEvent.mockClear();
        socket.receive(JSON.stringify({ identifier: IDENTIFIER, message: { event: 'message.created', data: good } }));
        expect(handlers.onEvent).toHaveBeenCalledWith({ kind: 'message', created: true, message: good });
      } finally {
        room.close();
      }
    }), arb.RUNS);
  });
});
