// The validator itself: it must reject what the overlaid schemas forbid, or the contract tests prove nothing.
import { describe, expect, it } from 'vitest';
import { validateComponent, validateOperation } from './openapi';

const MSGS = '/contacts/{contact_identifier}/conversations/{conversation_id}/messages';

describe('openapi overlay', () => {
  it('accepts a faithful message and rejects wrong types', () => {
    const good = { id: 1, content: null, message_type: 3, content_type: 'input_csat', content_attributes: {}, created_at: 1, conversation_id: 2, extra: true };
    expect(validateOperation('POST', MSGS, good).valid).toBe(true);
    expect(validateOperation('POST', MSGS, { ...good, id: '1' }).valid).toBe(false);
    expect(validateOperation('POST', MSGS, { ...good, content_attributes: '{}' }).valid).toBe(false);
    expect(validateOperation('GET', MSGS, [good, { ...good, created_at: 'yesterday' }]).valid).toBe(false);
  });

  it('conversation messages use public_message; inbox_id is an integer', () => {
    const msg = { id: 1, content: 'x', message_type: 3, content_type: 'article', content_attributes: {}, created_at: 1, conversation_id: 2 };
    const conv = { id: 1, inbox_id: 1, messages: [msg], contact: {} };
    expect(validateComponent('public_conversation', conv).valid).toBe(true);
    expect(validateComponent('public_conversation', { ...conv, inbox_id: '1' }).valid).toBe(false);
    expect(validateComponent('public_conversation', { ...conv, messages: [{ ...msg, message_type: '3' }] }).valid).toBe(false);
  });

  it('contact: nullable email and name, phone_number string or null', () => {
    expect(validateComponent('public_contact', { id: 1, name: null, email: null, phone_number: null }).valid).toBe(true);
    expect(validateComponent('public_contact', { id: 1, phone_number: 5 }).valid).toBe(false);
    expect(validateComponent('public_contact', { id: 'x' }).valid).toBe(false);
  });
});
