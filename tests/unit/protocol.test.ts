import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePanelMessage } from '@/utils/background/panel-message';
import { createRuntimeConnector } from '@/utils/connector';
import type { BackgroundEvent, RequestOf, RequestType } from '@/utils/protocol';
import { CodedError, ERROR_CODES } from '@/utils/protocol/errors';
import { draftsMailbox, handoffMailbox } from '@/utils/protocol/mailboxes';
import { appErrorSchema, requests } from '@/utils/protocol/requests';

beforeEach(() => fakeBrowser.reset());

const settings = { installationUrl: 'https://x', inboxIdentifier: 'i' };
const page = { url: 'https://p', title: 'P' };
const status = { configured: true, connection: 'online' };
const row = {
  key: 'm1', id: 1, content: 'hi', contentType: 'text', contentAttributes: {}, attachments: [], createdAt: 1, from: 'agent',
  sender: { name: 'A' }, delivery: 'sent',
};
const view = { conversationId: 1, status: 'open', messages: [row], hasOlder: false };

/** Per request: requests it accepts, requests it refuses, replies it accepts, replies it refuses. */
const cases: { [T in RequestType]: { good: object[]; bad: unknown[]; replies: unknown[]; badReplies: unknown[] } } = {
  connect: {
    good: [{ settings }, { settings: { ...settings, name: 'Ann', email: 'a@b.c', identifier: 'u', identifierHash: 'h' } }],
    bad: [{}, { settings: { installationUrl: 'https://x' } }, { settings: { ...settings, name: 3 } }],
    replies: [{ ok: true }, { ok: true, inboxName: 'Help' }, { ok: false, error: 'permission_needed', origin: 'https://x' }],
    badReplies: [{ ok: false, error: 'HTTP 502' }, { ok: false }, { ok: 'yes' }, null],
  },
  'settings.get': {
    good: [{}],
    bad: [null, 'settings'],
    replies: [{ ...settings, name: '', email: '', identifier: '', identifierHash: '', notifications: true }],
    badReplies: [{ ...settings, name: '', email: '', identifier: '', identifierHash: '' }, { ...settings, notifications: 'on' }],
  },
  'settings.notifications': {
    good: [{ on: true }, { on: false }],
    bad: [{}, { on: 'true' }, { on: 1 }],
    replies: [null],
    badReplies: [undefined, {}, true],
  },
  'snapshot.get': {
    good: [{}],
    bad: [null],
    replies: [{ status, conversations: [], unsent: [] }, {
      status: { ...status, inboxName: 'Help', agentsOnline: false, issue: 'live_silent' },
      conversations: [{ id: 1, status: 'open', lastMessage: { content: 'x', fromAgent: true, createdAt: 1 }, lastActivityAt: 1, unread: 2, pageTitle: 'P' }],
      unsent: [{ ...row, key: 'ee', id: undefined, echoId: 'e', from: 'me', sender: null, delivery: 'failed', error: 'server' }],
    }],
    badReplies: [
      { configured: true, connection: 'online', conversations: [], unsent: [] }, // the old shape, before `status`
      { status, conversations: [] },
      { status: { ...status, issue: 'No answer' }, conversations: [], unsent: [] }, // issues are codes
      { status: { ...status, connection: 'asleep' }, conversations: [], unsent: [] },
    ],
  },
  'thread.open': {
    good: [{ conversationId: 1 }],
    bad: [{ conversationId: '1' }, { conversationId: 1.5 }, {}],
    replies: [view, { ...view, firstUnreadKey: 'm1' }],
    badReplies: [
      { ...view, messages: [{ ...row, delivery: 'failed', error: 'HTTP 500' }] }, // an error is a code, never text
      { ...view, messages: [{ ...row, from: 'system' }] },
      { ...view, hasOlder: undefined },
    ],
  },
  'thread.older': {
    good: [{ conversationId: 1 }],
    bad: [{ conversationId: null }],
    replies: [{ ...view, hasOlder: true }],
    badReplies: [{ conversationId: 1 }],
  },
  'message.send': {
    good: [{ conversationId: null, content: 'hi', page }, { conversationId: 1, content: 'hi' }],
    bad: [{ conversationId: 1, content: '' }, { conversationId: 1 }, { content: 'hi' }, { conversationId: null, content: 'hi', page: { url: 'x' } }],
    replies: [{ conversationId: null, echoId: 'e' }, { conversationId: 3, echoId: 'e' }],
    badReplies: [{ conversationId: null }, { echoId: 'e' }],
  },
  'message.retry': {
    good: [{ echoId: 'e' }],
    bad: [{}, { echoId: 1 }],
    replies: [null],
    badReplies: [{ ok: true }],
  },
  'message.submit': {
    good: [{ conversationId: 1, messageId: 2, values: [{ title: 'A', value: 'a' }] }, { conversationId: 1, messageId: 2, values: { csat_survey_response: { rating: 4 } } }],
    bad: [{ conversationId: 1, values: [] }, { conversationId: 1, messageId: '2', values: [] }],
    replies: [null],
    badReplies: [{}],
  },
  typing: {
    good: [{ conversationId: 1, on: true }],
    bad: [{ conversationId: 1 }, { conversationId: 1, on: 'yes' }],
    replies: [null],
    badReplies: [false],
  },
  'conversation.resolve': {
    good: [{ conversationId: 1 }],
    bad: [{ conversationId: 'all' }],
    replies: [null],
    badReplies: [{ status: 'resolved' }],
  },
  'handoff.take': {
    good: [{ at: 1_700_000_000_000 }],
    bad: [{}, { at: '1' }],
    replies: [null],
    badReplies: ['taken'],
  },
};

describe('the request map', () => {
  it('has a case here for every request it defines', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(requests).sort());
  });

  it.each(Object.keys(requests) as RequestType[])('%s: accepts its requests and refuses wrong shapes', (type) => {
    const { request } = requests[type];
    for (const good of cases[type].good) expect(request.safeParse({ type, ...good }).success, JSON.stringify(good)).toBe(true);
    for (const bad of cases[type].bad) {
      const raw = bad !== null && typeof bad === 'object' ? { type, ...bad } : bad;
      expect(request.safeParse(raw).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it.each(Object.keys(requests) as RequestType[])('%s: accepts its replies and refuses wrong shapes', (type) => {
    const { reply } = requests[type];
    for (const good of cases[type].replies) expect(reply.safeParse(good).success, JSON.stringify(good)).toBe(true);
    for (const bad of cases[type].badReplies) expect(reply.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('fills the settings fields left out with empty strings', () => {
    expect(requests.connect.request.parse({ type: 'connect', settings })).toMatchObject({
      settings: { ...settings, name: '', email: '', identifier: '', identifierHash: '' },
    });
  });

  it('keeps its types in step with its schemas', () => {
    const send: RequestOf<'message.send'> = { type: 'message.send', conversationId: null, content: 'hi' };
    const open: RequestOf<'thread.open'> = { type: 'thread.open', conversationId: 1 };
    const take: RequestOf<'handoff.take'> = { type: 'handoff.take', at: 1 };
    // @ts-expect-error: a thread is opened by its id
    const wrong: RequestOf<'thread.open'> = { type: 'thread.open' };
    // @ts-expect-error: the typing event says who types (null: nobody)
    const typing: BackgroundEvent = { type: 'typing', conversationId: 1 };
    // @ts-expect-error: there is no whole-snapshot event any more
    const snapshot: BackgroundEvent = { type: 'snapshot', snapshot: {} };
    expect([send, open, take, wrong, typing, snapshot]).toHaveLength(6);
  });

  it('a failed reply carries a code (and an origin), never text', () => {
    for (const code of ERROR_CODES) expect(appErrorSchema.safeParse({ code }).success).toBe(true);
    expect(appErrorSchema.safeParse({ code: 'permission_needed', origin: 'https://x' }).success).toBe(true);
    expect(appErrorSchema.safeParse({ code: 'Not set up yet' }).success).toBe(false);
    expect(appErrorSchema.safeParse('not_configured').success).toBe(false);
  });
});

describe('the panel message', () => {
  it('is which thread the panel shows, or none', () => {
    expect(parsePanelMessage({ type: 'view', conversationId: 3 })).toEqual({ type: 'view', conversationId: 3 });
    expect(parsePanelMessage({ type: 'view', conversationId: null })).toEqual({ type: 'view', conversationId: null });
  });

  it('is refused in any other shape', () => {
    for (const bad of [
      { type: 'view', conversationId: 'x' },
      { type: 'view', conversationId: 1.5 },
      { type: 'view' },
      { type: 'open', conversationId: 3 },
      'view',
      null,
      undefined,
    ]) {
      expect(parsePanelMessage(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('keeps nothing but its own fields', () => {
    expect(parsePanelMessage({ type: 'view', conversationId: 3, eval: 'x' })).toEqual({ type: 'view', conversationId: 3 });
  });
});

describe('the runtime connector', () => {
  // The connector learns its window before any click (opening the panel must not wait); the fake browser
  // has a current window only once one is focused.
  beforeEach(async () => {
    await fakeBrowser.windows.create({ focused: true });
  });

  function answer(reply: (message: { type: string; at?: number }) => unknown) {
    const seen: { type: string; at?: number }[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: any) => {
      seen.push(message);
      return reply(message);
    });
    return seen;
  }

  it('returns the value of an ok reply and throws the code of a failed one', async () => {
    answer((message) =>
      message.type === 'snapshot.get'
        ? { ok: true, value: { status: { configured: false, connection: 'unconfigured' }, conversations: [], unsent: [] } }
        : message.type === 'connect'
          ? { ok: false, error: { code: 'permission_needed', origin: 'https://s.example' } }
          : { ok: false, error: { code: 'not_configured' } },
    );
    const connector = createRuntimeConnector();
    await expect(connector.request({ type: 'snapshot.get' })).resolves.toMatchObject({ status: { configured: false } });
    const failed = await connector.request({ type: 'thread.open', conversationId: 3 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CodedError);
    expect(failed).toMatchObject({ code: 'not_configured' });
    const refused = await connector.request({ type: 'connect', settings: { ...settings, name: '', email: '', identifier: '', identifierHash: '' } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'permission_needed', origin: 'https://s.example' });
  });

  it('a background that answers nothing is `no_background`', async () => {
    answer(() => undefined);
    const failed = await createRuntimeConnector().request({ type: 'snapshot.get' }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'no_background' });
  });

  it('hands over what the context menu left, and asks the background to clear that one', async () => {
    const seen = answer(() => ({ ok: true, value: null }));
    const left = { kind: 'page' as const, page, selection: 'why?', at: 5 };
    await handoffMailbox.setValue(left);
    const take = vi.fn();
    const stop = createRuntimeConnector().onHandoff(take);
    await vi.waitFor(() => expect(take).toHaveBeenCalledWith(left));
    await vi.waitFor(() => expect(seen).toContainEqual({ type: 'handoff.take', at: 5 }));

    // One written while the panel is open (a notification click) is handed over too.
    await handoffMailbox.setValue({ kind: 'conversation', conversationId: 9, at: 6 });
    await vi.waitFor(() => expect(take).toHaveBeenLastCalledWith({ kind: 'conversation', conversationId: 9, at: 6 }));
    await handoffMailbox.setValue(null); // cleared: nothing to take
    stop();
    await handoffMailbox.setValue({ kind: 'conversation', conversationId: 10, at: 7 });
    await new Promise((r) => setTimeout(r, 10));
    expect(take).toHaveBeenCalledTimes(2);
  });

  it('keeps the drafts in their mailbox', async () => {
    const connector = createRuntimeConnector();
    expect(await connector.loadDrafts()).toEqual({});
    await connector.saveDrafts({ c1: 'half a thought', new: 'hi' });
    expect(await draftsMailbox.getValue()).toEqual({ c1: 'half a thought', new: 'hi' });
    expect(await connector.loadDrafts()).toEqual({ c1: 'half a thought', new: 'hi' });
  });
});
