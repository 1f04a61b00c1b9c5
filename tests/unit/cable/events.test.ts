import { describe, expect, it } from 'vitest';
import { parseCableEvent } from '@/utils/cable/events';
import { depthOf, nested } from '../fuzz/invariants';

const NOW = Math.floor(Date.now() / 1000);
const message = { id: 1, content: 'Hi', message_type: 1, content_type: 'text', content_attributes: {}, created_at: NOW, conversation_id: 2 };
const typing = (fields: Record<string, unknown>) => ({ event: 'conversation.typing_on', data: { conversation: { id: 2 }, ...fields } });

describe('cable events', () => {
  it('shows typing with a name and avatar, without them when the user is unreadable', () => {
    expect(parseCableEvent(typing({ user: { id: 7, name: 'Dana Agent', available_name: 'Dana', avatar_url: 'https://x/a.png' }, is_private: false })))
      .toEqual({ ok: true, event: { kind: 'typing', on: true, conversationId: 2, agentName: 'Dana', avatarUrl: 'https://x/a.png' } });
    expect(parseCableEvent(typing({ user: 'Dana' }))).toEqual({ ok: true, event: { kind: 'typing', on: true, conversationId: 2, agentName: '' } });
    const long = parseCableEvent(typing({ user: { name: 'n'.repeat(100_000), avatar_url: `https://x/${'a'.repeat(100_000)}` } }));
    expect(long).toEqual({ ok: true, event: { kind: 'typing', on: true, conversationId: 2, agentName: 'n'.repeat(255) } });
  });

  it('ignores private-note typing, and typing whose privacy is unclear', () => {
    for (const is_private of [true, 'true', 1, 'yes', {}]) expect(parseCableEvent(typing({ is_private }))).toEqual({ ok: true, event: null });
    for (const is_private of [false, null, undefined]) expect(parseCableEvent(typing({ is_private })).ok).toBe(true);
  });

  it('reads presence leniently: an unreadable list means nobody is known to be online', () => {
    expect(parseCableEvent({ event: 'presence.update', data: { users: { 7: 'online', 9: 5 } } })).toEqual({ ok: true, event: { kind: 'presence', online: true } });
    for (const data of [null, 'x', { users: 'online' }, { users: ['online'] }]) {
      expect(parseCableEvent({ event: 'presence.update', data })).toEqual({ ok: true, event: { kind: 'presence', online: false } });
    }
  });

  it('reports a malformed event in one short line, whatever its name and keys', () => {
    const parsed = parseCableEvent({ event: 'message.created', data: { ...message, id: 'x'.repeat(1_000_000) } });
    expect(parsed).toEqual({ ok: false, error: 'message.created: id: expected number' });
    expect(parseCableEvent({ event: 5 })).toEqual({ ok: false, error: 'cable payload without an event name' });
    expect(parseCableEvent({ event: 'e'.repeat(1_000_000), data: {} })).toEqual({ ok: true, event: null });
    const typingError = parseCableEvent(typing({ conversation: { id: 'x' } }));
    expect(typingError).toEqual({ ok: false, error: 'conversation.typing_on: conversation.id: expected number' });
  });

  it('keeps a message whose cosmetic fields are absurd, bounded', () => {
    const data = { ...message, created_at: 1e20, content_attributes: nested(3_000), sender: { name: 5 }, attachments: [{}], status: {} };
    const parsed = parseCableEvent({ event: 'message.updated', data });
    expect(parsed.ok && parsed.event?.kind === 'message').toBe(true);
    if (!parsed.ok || parsed.event?.kind !== 'message') return;
    expect(parsed.event.message).toMatchObject({ id: 1, content: 'Hi', sender: { name: null }, attachments: [], status: null });
    expect(parsed.event.message.created_at).toBeGreaterThanOrEqual(NOW);
    expect(depthOf(parsed.event.message.content_attributes)).toBe(8);
    expect(structuredClone(parsed)).toEqual(parsed);
  });
});
