// What every parsed value must satisfy, whatever the server sent (issue 19): the limits of
// utils/api/limits.ts hold, times are sane, and the value survives structuredClone (it is posted to the
// panel and stored). Used by the fuzz tests and by the edge tests of tests/unit/api.
import { expect } from 'vitest';
import { isRecord } from '@/utils/api/bounds';
import { FREE_FORM, LIMITS } from '@/utils/api/limits';
import type { Attachment, ContactSession, Conversation, Inbox, Message, Sender } from '@/utils/api/schemas';
import { EARLIEST_SECONDS } from '@/utils/api/time';

/** Nesting levels of objects and arrays (a scalar is 0, {} is 1), measured without recursion. */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** An object nested `levels` deep, built without recursion: { a: { a: { … } } }. */
export function nested(levels: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 1; i < levels; i++) {
    const child: Record<string, unknown> = {};
    node.a = child;
    node = child;
  }
  return root;
}

export function expectCloneable(value: unknown) {
  expect(structuredClone(value)).toEqual(value);
  expect(() => JSON.stringify(value)).not.toThrow();
}

const latest = () => Date.now() / 1000 + 367 * 86_400;
const isSaneTime = (t: unknown) => typeof t === 'number' && t >= EARLIEST_SECONDS && t <= latest();
const isShort = (s: unknown, max: number) => s === null || s === undefined || (typeof s === 'string' && s.length <= max);

/** Free-form data under one object: every string, key and nesting within FREE_FORM. */
export function expectFreeForm(value: unknown) {
  expect(depthOf(value)).toBeLessThanOrEqual(FREE_FORM.depth);
  expect(freeFormViolation(value)).toBeNull();
}

/** The first thing out of bounds, described, or null; plain checks, as a walk can visit thousands of nodes. */
function freeFormViolation(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string' && node.length > FREE_FORM.string) return `a string of ${node.length}`;
    if (typeof node === 'number' && !Number.isFinite(node)) return `the number ${node}`;
    if (typeof node !== 'object' || node === null) continue;
    const keys = Object.keys(node);
    if (keys.length > FREE_FORM.entries) return `${keys.length} entries`;
    const long = keys.find((key) => key.length > FREE_FORM.key);
    if (long) return `a key of ${long.length}`;
    stack.push(...Object.values(node));
  }
  return null;
}

function expectExtras(value: object, typed: readonly string[]) {
  for (const [key, item] of Object.entries(value)) if (!typed.includes(key)) expectFreeForm(item);
}

export function expectSender(sender: Sender | null | undefined) {
  if (sender === null || sender === undefined) return;
  expect(isRecord(sender)).toBe(true);
  for (const key of ['name', 'available_name'] as const) expect(isShort(sender[key], LIMITS.name)).toBe(true);
  for (const key of ['avatar_url', 'thumbnail'] as const) expect(isShort(sender[key], LIMITS.url)).toBe(true);
  expect(sender.id === undefined || Number.isSafeInteger(sender.id)).toBe(true);
  expectExtras(sender, ['id', 'name', 'available_name', 'avatar_url', 'thumbnail', 'type', 'availability_status']);
}

export function expectAttachment(attachment: Attachment) {
  expect(typeof attachment.data_url).toBe('string');
  expect(attachment.data_url.length).toBeLessThanOrEqual(LIMITS.url);
  expect(isShort(attachment.thumb_url, LIMITS.url)).toBe(true);
  expect(typeof attachment.file_type === 'string' && attachment.file_type.length <= LIMITS.token).toBe(true);
}

export function expectMessage(message: Message) {
  expect(Number.isSafeInteger(message.id)).toBe(true);
  expect(Number.isSafeInteger(message.message_type)).toBe(true);
  expect(Number.isSafeInteger(message.conversation_id)).toBe(true);
  expect(isSaneTime(message.created_at)).toBe(true);
  expect(isShort(message.content, LIMITS.content)).toBe(true);
  expect(isShort(message.content_type, LIMITS.token) && typeof message.content_type === 'string').toBe(true);
  expect(isShort(message.status, LIMITS.token)).toBe(true);
  expect(isRecord(message.content_attributes)).toBe(true);
  expectFreeForm(message.content_attributes);
  expect(message.attachments === undefined || message.attachments.length <= 100).toBe(true);
  message.attachments?.forEach(expectAttachment);
  expectSender(message.sender);
  expectExtras(message, ['id', 'content', 'message_type', 'content_type', 'created_at', 'conversation_id', 'attachments', 'sender', 'echo_id', 'status', 'private']);
}

export function expectConversation(conversation: Conversation) {
  expect(Number.isSafeInteger(conversation.id)).toBe(true);
  expect(typeof conversation.status === 'string' && conversation.status.length <= LIMITS.token).toBe(true);
  for (const key of ['contact_last_seen_at', 'agent_last_seen_at'] as const) {
    const seen = conversation[key];
    expect(seen === null || seen === undefined || seen === 0 || isSaneTime(seen)).toBe(true);
  }
  for (const key of ['last_activity_at', 'timestamp'] as const) {
    const time = conversation[key];
    expect(time === null || time === undefined || isSaneTime(time)).toBe(true);
  }
  conversation.messages.forEach(expectMessage);
  expectExtras(conversation, ['id', 'uuid', 'inbox_id', 'status', 'contact_last_seen_at', 'agent_last_seen_at', 'messages', 'timestamp', 'last_activity_at']);
}

export function expectContactSession(session: ContactSession) {
  expect(Number.isSafeInteger(session.id)).toBe(true);
  for (const key of ['source_id', 'pubsub_token'] as const) {
    expect(session[key].length).toBeGreaterThan(0);
    expect(session[key].length).toBeLessThanOrEqual(LIMITS.credential);
  }
  expect(isShort(session.name, LIMITS.name) && isShort(session.email, LIMITS.name)).toBe(true);
  expectExtras(session, ['id', 'source_id', 'pubsub_token', 'name', 'email']);
}

export function expectInbox(inbox: Inbox) {
  expect(isShort(inbox.identifier, LIMITS.name) && isShort(inbox.name, LIMITS.name)).toBe(true);
  expectExtras(inbox, ['identifier', 'name', 'identity_validation_enabled', 'working_hours_enabled', 'csat_survey_enabled']);
}
