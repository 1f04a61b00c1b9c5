// The inputs of issue 19 that used to break the product, each parsed at the edge (REST and cable).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClientApi } from '@/utils/api/client';
import { FREE_FORM, LIMITS } from '@/utils/api/limits';
import { conversationSchema, messageSchema } from '@/utils/api/schemas';
import { parseCableEvent } from '@/utils/cable/events';
import { dayKey, dayLabel, formatTime, fullDateTime, relativeTime } from '@/utils/format';
import { depthOf, expectCloneable, expectConversation, expectMessage, nested } from '../fuzz/invariants';

const NOW_MS = Date.UTC(2026, 10, 29, 12, 0, 0);
const NOW = NOW_MS / 1000;
const message = (fields: Record<string, unknown> = {}) => ({
  id: 7, content: 'Hi', message_type: 1, content_type: 'text', content_attributes: {}, created_at: NOW - 60,
  conversation_id: 3, ...fields,
});
const conversation = (fields: Record<string, unknown> = {}) => ({
  id: 3, status: 'open', contact_last_seen_at: 0, agent_last_seen_at: NOW - 30, messages: [message()], ...fields,
});
const api = (body: string) =>
  createClientApi({
    installationUrl: 'https://chat.example.com',
    inboxIdentifier: 'inbox',
    fetch: async () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
  });

beforeEach(() => void vi.useFakeTimers({ now: NOW_MS, toFake: ['Date'] }));
afterEach(() => void vi.useRealTimers());

describe('created_at: 1e20', () => {
  it('keeps the message, with the time it was received, and every formatter can show it', () => {
    const parsed = messageSchema.parse(message({ created_at: 1e20 }));
    expect(parsed).toMatchObject({ id: 7, content: 'Hi', created_at: NOW });
    for (const format of [formatTime, dayKey, dayLabel, relativeTime, fullDateTime]) expect(format(parsed.created_at)).not.toBe('');
  });

  it('takes the conversation time a cable event carries', () => {
    const data = message({ created_at: 1e20, conversation: { last_activity_at: NOW - 5 } });
    const parsed = parseCableEvent({ event: 'message.created', data });
    expect(parsed).toMatchObject({ ok: true, event: { kind: 'message', message: { id: 7, created_at: NOW - 5 } } });
  });

  it("takes its neighbour's time in a history, so the order holds and is the same at every resync", () => {
    const messages = [message({ id: 1, created_at: NOW - 90 }), message({ id: 2, created_at: 1e20 }), message({ id: 3, created_at: NOW - 10 })];
    const parsed = conversationSchema.parse(conversation({ messages }));
    expect(parsed.messages.map((m) => [m.id, m.created_at])).toEqual([[1, NOW - 90], [2, NOW - 90], [3, NOW - 10]]);
  });

  it('reads milliseconds, numeric strings and ISO dates as the same time; NaN-like values fall back', async () => {
    for (const created_at of [(NOW - 60) * 1000, String(NOW - 60), new Date((NOW - 60) * 1000).toISOString()]) {
      expect(messageSchema.parse(message({ created_at })).created_at).toBe(NOW - 60);
    }
    for (const created_at of [-1, 0, 'soon', null, {}, '1e400', 946_684_799]) {
      expect(messageSchema.parse(message({ created_at })).created_at).toBe(NOW);
    }
    const overREST = await api(JSON.stringify(message({ created_at: 1e20 }))).createMessage('s', 3, 'Hi', 'e');
    expect(overREST.created_at).toBe(NOW);
  });
});

describe('last_activity_at out of range', () => {
  it('is dropped (null) so the held time stays, and never becomes a message time', () => {
    const parsed = conversationSchema.parse(conversation({ last_activity_at: 1e20, timestamp: -3, messages: [message({ created_at: 'x' })] }));
    expect(parsed.last_activity_at).toBeNull();
    expect(parsed.timestamp).toBeNull();
    expect(parsed.messages[0]!.created_at).toBe(NOW);
    expectConversation(parsed);
  });

  it('keeps 0 as "never seen" and drops absurd seen-at times instead of marking everything read', () => {
    const parsed = conversationSchema.parse(conversation({ contact_last_seen_at: 1e20, agent_last_seen_at: 0 }));
    expect(parsed.contact_last_seen_at).toBeNull();
    expect(parsed.agent_last_seen_at).toBe(0);
    const event = parseCableEvent({ event: 'conversation.updated', data: conversation({ last_activity_at: Number.MAX_VALUE }) });
    expect(event).toMatchObject({ ok: true, event: { kind: 'conversation', conversation: { last_activity_at: null } } });
  });
});

describe('content_attributes 3,000 levels deep', () => {
  it('is cut to 8 levels; the message is kept and posts through structuredClone', () => {
    const raw = message({ content_attributes: nested(3_000), custom_attributes: nested(3_000), additional_attributes: nested(3_000) });
    expect(() => structuredClone(raw)).toThrow(); // what made the worker fail "Could not serialize message"
    const parsed = messageSchema.parse(raw);
    expect(parsed.content).toBe('Hi');
    expect(depthOf(parsed.content_attributes)).toBe(FREE_FORM.depth);
    expect(depthOf(parsed.custom_attributes)).toBeLessThanOrEqual(FREE_FORM.depth);
    expect(depthOf(parsed.additional_attributes)).toBeLessThanOrEqual(FREE_FORM.depth);
    expectCloneable(parsed);
    expectMessage(parsed);
    expect(depthOf(raw.content_attributes)).toBe(3_000); // what was received is copied, never cut in place
  });

  it('arrives the same way from JSON text, over REST and over the cable', async () => {
    const deep = '{"a":'.repeat(3_000) + '{}' + '}'.repeat(3_000);
    const text = JSON.stringify(message()).replace('"content_attributes":{}', `"content_attributes":${deep}`);
    const overREST = await api(text).createMessage('s', 3, 'Hi', 'e');
    expectCloneable(overREST);
    const overCable = parseCableEvent({ event: 'message.created', data: JSON.parse(text) });
    expect(overCable.ok && overCable.event).toBeTruthy();
    expectCloneable(overCable);
    const conversationText = `[${JSON.stringify(conversation()).replace('"contact_last_seen_at"', `"meta":${deep},"contact_last_seen_at"`)}]`;
    const list = await api(conversationText).listConversations('s');
    expect(depthOf(list[0]!.meta)).toBe(FREE_FORM.depth);
    expectCloneable(list);
  });

  it('is cut in width and total size too: 100,000 keys, 10,000 items, 1 MB strings', () => {
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const parsed = messageSchema.parse(message({ content_attributes: { wide, list: Array(10_000).fill('x'), long: 'y'.repeat(1 << 20) } }));
    const attributes = parsed.content_attributes as { wide: object; list: unknown[]; long: string };
    expect(Object.keys(attributes.wide)).toHaveLength(FREE_FORM.entries);
    expect(attributes.list).toHaveLength(FREE_FORM.entries);
    expect(attributes.long).toHaveLength(FREE_FORM.string);
    expectMessage(parsed);
  });
});

describe('a 1 MB message of tens of thousands of URLs', () => {
  it('parses quickly, cut for display with "…" at the end', async () => {
    const content = Array.from({ length: 40_000 }, (_, i) => `https://example.com/p/${i}`).join(' ');
    expect(content.length).toBeGreaterThan(1_000_000);
    const body = JSON.stringify(message({ content }));
    const started = performance.now();
    const parsed = await api(body).createMessage('s', 3, 'Hi', 'e');
    const event = parseCableEvent({ event: 'message.created', data: JSON.parse(body) });
    expect(performance.now() - started).toBeLessThan(250);
    expect(parsed.content).toHaveLength(LIMITS.content);
    expect(parsed.content!.endsWith('…')).toBe(true);
    expect(event.ok && event.event?.kind === 'message' && event.event.message.content).toBe(parsed.content);
  });
});

describe('names, URLs and ids', () => {
  it('cuts names, blanks oversized URLs, and never cuts a surrogate pair in half', () => {
    const sender = { id: 9, name: '😀'.repeat(1_000), available_name: 'n'.repeat(10_000), avatar_url: `https://x/${'a'.repeat(1 << 20)}`, type: 'user' };
    const attachments = [{ id: 1, file_type: 'image', data_url: `https://x/${'b'.repeat(9_000)}` }, { id: 2, file_type: 'image', data_url: 'https://x/ok.png', thumb_url: 'c'.repeat(9_000) }];
    const parsed = messageSchema.parse(message({ sender, attachments, content_type: 't'.repeat(1_000), status: 's'.repeat(1_000) }));
    expect(parsed.sender!.name).toBe('😀'.repeat(127));
    expect(parsed.sender!.available_name).toHaveLength(LIMITS.name);
    expect(parsed.sender!.avatar_url).toBe('');
    expect(parsed.attachments).toEqual([{ id: 2, file_type: 'image', data_url: 'https://x/ok.png', thumb_url: '' }]);
    expect(parsed.content_type).toHaveLength(LIMITS.token);
    expectMessage(parsed);
  });

  it('needs finite safe-integer ids: a message without one is a bad answer, one in a history is left out', async () => {
    for (const id of [1e20, 1.5, '7', null, Number.NaN]) expect(messageSchema.safeParse(message({ id })).success).toBe(false);
    const error = await api('{"id": 1e400, "content": "x", "message_type": 1, "conversation_id": 3}').createMessage('s', 3, 'x', 'e').catch((e) => e);
    expect(error.kind).toBe('bad_response');
    const parsed = conversationSchema.parse(conversation({ messages: [message({ id: 'x' }), message({ id: 8 })] }));
    expect(parsed.messages.map((m) => m.id)).toEqual([8]);
  });

  it('gives wrong-typed cosmetic fields a harmless value instead of dropping the message', () => {
    const parsed = messageSchema.parse(message({
      content: 5, content_type: null, content_attributes: [1, 2], sender: 'agent', attachments: 'none', echo_id: {}, status: [], private: 'no',
    }));
    expect(parsed).toMatchObject({ id: 7, content: null, content_type: 'text', content_attributes: {}, sender: null, attachments: [], echo_id: null, status: null, private: false });
    const conv = conversationSchema.parse(conversation({ status: 42, messages: 'none', custom_attributes: 'x', uuid: 1 }));
    expect(conv).toMatchObject({ id: 3, status: 'open', messages: [], custom_attributes: null, uuid: null });
  });

  it('keeps a "__proto__" key as a key and never as a prototype', () => {
    const parsed = messageSchema.parse(JSON.parse(JSON.stringify(message()).replace('"content_attributes":{}', '"content_attributes":{"__proto__":{"polluted":true}}')));
    expect(Object.getPrototypeOf(parsed.content_attributes)).toBe(Object.prototype);
    expect(Object.keys(parsed.content_attributes)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
