// Every Client API answer parser, fuzzed through the client itself with a fake fetch: whatever the body,
// a call returns a value that keeps the invariants, or fails with an ApiError (bad_response for a 200).
// Never any other exception: callers branch on ApiError.kind and would crash on anything else.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClientApi, type ClientApi } from '@/utils/api/client';
import { ApiError } from '@/utils/api/errors';
import * as arb from './arbitraries';
import { expectCloneable, expectContactSession, expectConversation, expectInbox, expectMessage } from './invariants';

/** Hundreds of cases per test: far more than vitest's 5 s default on a busy 2-core machine. */
const SLOW = { timeout: 60_000 };

const messageKeys = ['id', 'content', 'message_type', 'created_at', 'conversation_id', 'content_attributes', 'sender', 'attachments'];
const conversationKeys = ['id', 'status', 'messages', 'contact_last_seen_at', 'last_activity_at', 'custom_attributes'];
const nothing = (value: unknown) => expect(value).toBeUndefined();

/** An endpoint: a call that checks what it got, and the bodies to answer it with. */
const endpoint = <T>(name: string, call: (api: ClientApi) => Promise<T>, check: (value: T) => void, body: fc.Arbitrary<string>) =>
  [name, async (api: ClientApi) => {
    const value = await call(api);
    check(value);
    expectCloneable(value ?? null);
  }, body] as const;

const endpoints = [
  endpoint('getInbox', (api) => api.getInbox(), expectInbox, arb.bodies(arb.inbox, ['identifier', 'name', 'identity_validation_enabled'])),
  endpoint('createContact', (api) => api.createContact({ name: 'A' }), expectContactSession, arb.bodies(arb.contactSession, ['id', 'source_id', 'pubsub_token', 'name'])),
  endpoint('getContact', (api) => api.getContact('s', { identifier: 'u' }), expectContactSession, arb.bodies(arb.contactSession, ['id', 'source_id', 'pubsub_token'])),
  endpoint('updateContact', (api) => api.updateContact('s', { name: 'A' }), nothing, arb.bodies(arb.contactSession, ['id'])),
  endpoint('listConversations', (api) => api.listConversations('s'), (list) => list.forEach(expectConversation), arb.bodies(arb.conversation, conversationKeys)),
  endpoint('createConversation', (api) => api.createConversation('s', { page_url: 'https://x' }), expectConversation, arb.bodies(arb.conversation, conversationKeys)),
  endpoint('getConversation', (api) => api.getConversation('s', 3), expectConversation, arb.bodies(arb.conversation, conversationKeys)),
  endpoint('resolveConversation', (api) => api.resolveConversation('s', 3), expectConversation, arb.bodies(arb.conversation, conversationKeys)),
  endpoint('toggleTyping', (api) => api.toggleTyping('s', 3, true), nothing, arb.bodies(arb.message, ['id'])),
  endpoint('updateLastSeen', (api) => api.updateLastSeen('s', 3), nothing, arb.bodies(arb.message, ['id'])),
  endpoint('listMessages', (api) => api.listMessages('s', 3, 10), (list) => list.forEach(expectMessage), arb.bodies(arb.message, messageKeys)),
  endpoint('createMessage', (api) => api.createMessage('s', 3, 'Hi', 'e'), expectMessage, arb.bodies(arb.message, messageKeys)),
  endpoint('submitMessage', (api) => api.submitMessage('s', 3, 7, [{ title: 'a', value: 'a' }]), expectMessage, arb.bodies(arb.message, messageKeys)),
];

const clientAnswering = (status: number, body: string) =>
  createClientApi({
    installationUrl: 'https://chat.example.com',
    inboxIdentifier: 'inbox',
    fetch: async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }),
  });

/** Runs a call: null when it returned a good value, the ApiError it failed with, or it throws. */
async function outcome(run: () => Promise<void>): Promise<ApiError | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    expect(error.message.length).toBeLessThan(2_000);
    return error;
  }
}

describe.each(endpoints)('%s', SLOW, (_, run, body) => {
  it('answers any 200 body with a bounded value or a bad_response', async () => {
    await fc.assert(fc.asyncProperty(body, async (text) => {
      const error = await outcome(() => run(clientAnswering(200, text)));
      if (error) expect(error.kind).toBe('bad_response');
    }), { ...arb.RUNS, numRuns: 200 });
  });

  it('answers any other status with an ApiError', async () => {
    const status = fc.integer({ min: 300, max: 599 }).filter((s) => s !== 304);
    await fc.assert(fc.asyncProperty(status, fc.oneof(fc.string(), fc.json()), async (code, text) => {
      const error = await outcome(() => run(clientAnswering(code, text)));
      expect(error).toBeInstanceOf(ApiError);
      expect(error!.status).toBe(code);
    }), { ...arb.RUNS, numRuns: 50 });
  });
});
