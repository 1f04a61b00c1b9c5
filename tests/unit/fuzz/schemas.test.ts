// The REST and cable schemas, fuzzed: valid values pass unchanged; a hostile cosmetic field never costs
// the record; whatever is given, parsing never throws and its result keeps the invariants and clones.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactSessionSchema, conversationSchema, inboxSchema, messageListSchema, messageSchema } from '@/utils/api/schemas';
import * as arb from './arbitraries';
import { expectCloneable, expectContactSession, expectConversation, expectInbox, expectMessage } from './invariants';

/** Hundreds of cases per test: far more than vitest's 5 s default on a busy 2-core machine. */
const SLOW = { timeout: 60_000 };

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const MESSAGE_KEYS = ['id', 'content', 'message_type', 'content_type', 'content_attributes', 'created_at', 'conversation_id', 'attachments', 'sender', 'echo_id', 'status', 'private', 'conversation'];
const MESSAGE_IDENTITY = ['id', 'message_type', 'conversation_id'];
const CONVERSATION_KEYS = ['id', 'uuid', 'inbox_id', 'status', 'contact_last_seen_at', 'agent_last_seen_at', 'messages', 'custom_attributes', 'timestamp', 'last_activity_at', 'contact', 'meta'];

describe('valid values round-trip unchanged', SLOW, () => {
  it('messages', () => {
    fc.assert(fc.property(arb.message, (value) => {
      const sent = wire(value);
      expect(messageSchema.parse(sent)).toEqual(sent);
    }), arb.RUNS);
  });

  it('conversations, contact sessions and inboxes', () => {
    fc.assert(fc.property(arb.conversation, arb.contactSession, arb.inbox, (conversation, session, inbox) => {
      for (const [schema, value] of [[conversationSchema, conversation], [contactSessionSchema, session], [inboxSchema, inbox]] as const) {
        const sent = wire(value);
        expect(schema.parse(sent)).toEqual(sent);
      }
    }), arb.RUNS);
  });
});

describe('a hostile field', SLOW, () => {
  it('in a message: kept unless it is an identity field, and bounded', () => {
    fc.assert(fc.property(arb.mutated(arb.message, MESSAGE_KEYS), ({ value, key }) => {
      const parsed = messageSchema.safeParse(value);
      if (!MESSAGE_IDENTITY.includes(key)) expect(parsed.success).toBe(true);
      if (!parsed.success) return;
      expect(parsed.data.id).toBe(value.id);
      expectMessage(parsed.data);
      expectCloneable(parsed.data);
      // Bounds are idempotent: the value posted to the panel parses to itself.
      expect(messageSchema.parse(parsed.data)).toEqual(parsed.data);
    }), arb.RUNS);
  });

  it('in a message of a history or a page: the others are all kept', () => {
    const history = fc.tuple(fc.array(arb.message, { maxLength: 4 }), arb.mutated(arb.message, MESSAGE_KEYS));
    fc.assert(fc.property(history, arb.conversation, ([messages, { value, key }], conversation) => {
      const parsed = conversationSchema.parse({ ...conversation, messages: [...messages, value] });
      const dropped = messages.length + 1 - parsed.messages.length;
      expect(dropped).toBeLessThanOrEqual(MESSAGE_IDENTITY.includes(key) ? 1 : 0);
      expectConversation(parsed);
      expectCloneable(parsed);
      const page = messageListSchema.safeParse([...messages, value]);
      if (page.success) page.data.forEach(expectMessage);
    }), arb.RUNS);
  });

  it('in a conversation: kept unless it is the id, and bounded', () => {
    fc.assert(fc.property(arb.mutated(arb.conversation, CONVERSATION_KEYS), ({ value, key }) => {
      const parsed = conversationSchema.safeParse(value);
      if (key !== 'id') expect(parsed.success).toBe(true);
      if (!parsed.success) return;
      expectConversation(parsed.data);
      expectCloneable(parsed.data);
      expect(conversationSchema.parse(parsed.data)).toEqual(parsed.data);
    }), arb.RUNS);
  });

  it('in a contact session or an inbox: parsed and bounded, or refused (never thrown)', () => {
    const session = arb.mutated(arb.contactSession, ['id', 'source_id', 'pubsub_token', 'name', 'email']);
    const inbox = arb.mutated(arb.inbox, ['identifier', 'name', 'identity_validation_enabled', 'working_hours']);
    fc.assert(fc.property(session, inbox, (s, i) => {
      const parsedSession = contactSessionSchema.safeParse(s.value);
      if (!['id', 'source_id', 'pubsub_token'].includes(s.key)) expect(parsedSession.success).toBe(true);
      if (parsedSession.success) expectContactSession(parsedSession.data);
      const parsedInbox = inboxSchema.safeParse(i.value);
      expect(parsedInbox.success).toBe(true);
      if (parsedInbox.success) expectInbox(parsedInbox.data);
      expectCloneable([parsedSession.data ?? null, parsedInbox.data ?? null]);
    }), arb.RUNS);
  });
});

describe('anything at all', SLOW, () => {
  it('never throws, and what parses keeps the invariants', () => {
    fc.assert(fc.property(arb.hostileValue, fc.jsonValue(), (hostile, json) => {
      for (const value of [hostile, json]) {
        const message = messageSchema.safeParse(value);
        if (message.success) expectMessage(message.data);
        const conversation = conversationSchema.safeParse(value);
        if (conversation.success) expectConversation(conversation.data);
        contactSessionSchema.safeParse(value);
        inboxSchema.safeParse(value);
      }
    }), arb.RUNS);
  });
});
