import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePanelMessage } from '@/utils/background/panel-message';
import { createRuntimeConnector } from '@/utils/connector';
import { panelIdOf, type BackgroundEvent, type RequestOf, type RequestType } from '@/utils/protocol';
import { CodedError, ERROR_CODES } from '@/utils/protocol/errors';
import { appErrorSchema, replies } from '@/utils/protocol/replies';
import { requests } from '@/utils/protocol/requests';

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
    good: [{ conversationId: 1 }, { conversationId: 1, before: 'm40' }],
    bad: [{ conversationId: null }, { conversationId: 1, before: 40 }],
    replies: [{ conversationId: 1, status: 'open', hasOlder: true, upsert: view.messages, remove: [] }],
    badReplies: [{ conversationId: 1 }, { ...view, hasOlder: true }],
  },
  'message.send': {
    good: [
      { conversationId: null, content: 'hi', page },
      { conversationId: 1, content: 'hi' },
      // A file may go without a caption (the handler refuses a message with neither).
      { conversationId: 1, content: '', attachments: [{ id: 'f', name: 'a.png', size: 3, type: 'image/png' }] },
    ],
    bad: [
      { conversationId: 1 },
      { content: 'hi' },
      { conversationId: null, content: 'hi', page: { url: 'x' } },
      { conversationId: 1, content: '', attachments: [{ id: 'f' }] },
    ],
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
    good: [{}],
    bad: [null, 'take'],
    replies: [null, { kind: 'page', page, at: 1 }, { kind: 'page', page, selection: 'why?', at: 1 }, { kind: 'conversation', conversationId: 3, at: 2 }],
    badReplies: [undefined, { kind: 'page', at: 1 }, { kind: 'conversation', conversationId: '3', at: 1 }, { kind: 'tab', at: 1 }, { kind: 'page', page }],
  },
  'drafts.get': {
    good: [{}],
    bad: [null],
    replies: [{}, { c1: 'half a thought', new: 'hi' }],
    badReplies: [null, { c1: 3 }, ['c1']],
  },
  'screenshot.capture': {
    good: [{}],
    bad: [null],
    replies: [{ id: 'f', name: 'screenshot.png', size: 10, type: 'image/png' }],
    badReplies: [null, { id: 'f' }],
  },
  'drafts.save': {
    good: [{ drafts: {} }, { drafts: { c1: 'half a thought' } }],
    bad: [{}, { drafts: { c1: 1 } }, { drafts: 'c1' }, { drafts: ['x'] }, { drafts: null }],
    replies: [null],
    badReplies: [{}],
  },
};

describe('the request map', () => {
  it('has a case here for every request it defines', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(requests).sort());
    expect(Object.keys(replies).sort()).toEqual(Object.keys(requests).sort());
  });

  it.each(Object.keys(requests) as RequestType[])('%s: accepts its requests and refuses wrong shapes', (type) => {
    const request = requests[type];
    for (const good of cases[type].good) expect(request.safeParse({ type, ...good }).success, JSON.stringify(good)).toBe(true);
    for (const bad of cases[type].bad) {
      const raw = bad !== null && typeof bad === 'object' ? { type, ...bad } : bad;
      expect(request.safeParse(raw).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it.each(Object.keys(requests) as RequestType[])('%s: accepts its replies and refuses wrong shapes', (type) => {
    const reply = replies[type];
    for (const good of cases[type].replies) expect(reply.safeParse(good).success, JSON.stringify(good)).toBe(true);
    for (const bad of cases[type].badReplies) expect(reply.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('fills the settings fields left out with empty strings', () => {
    expect(requests.connect.parse({ type: 'connect', settings })).toMatchObject({
      settings: { ...settings, name: '', email: '', identifier: '', identifierHash: '' },
    });
  });

  it('keeps its types in step with its schemas', () => {
    const send: RequestOf<'message.send'> = { type: 'message.send', conversationId: null, content: 'hi' };
    const open: RequestOf<'thread.open'> = { type: 'thread.open', conversationId: 1 };
    const take: RequestOf<'handoff.take'> = { type: 'handoff.take' };
    const save: RequestOf<'drafts.save'> = { type: 'drafts.save', drafts: { c1: 'x' } };
    // @ts-expect-error: a thread is opened by its id
    const wrong: RequestOf<'thread.open'> = { type: 'thread.open' };
    // @ts-expect-error: the typing event says who types (null: nobody)
    const typing: BackgroundEvent = { type: 'typing', conversationId: 1 };
    // @ts-expect-error: there is no whole-snapshot event any more
    const snapshot: BackgroundEvent = { type: 'snapshot', snapshot: {} };
    expect([send, open, take, save, wrong, typing, snapshot]).toHaveLength(7);
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

/** The background's answers to the pages' requests, through the fake browser's runtime messaging. */
function answer(reply: (message: { type: string }) => unknown) {
  const seen: { type: string }[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: any) => {
    seen.push(message);
    return reply(message);
  });
  return seen;
}

describe('the runtime connector', () => {
  // The connector learns its window before any click (opening the panel must not wait); the fake browser
  // has a current window only once one is focused.
  beforeEach(async () => {
    await fakeBrowser.windows.create({ focused: true });
  });

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

  it('hands over what the context menu left: asked for when a panel starts taking them', async () => {
    const left = { kind: 'page' as const, page, selection: 'why?', at: 5 };
    const waiting: (typeof left | null)[] = [left];
    const seen = answer((message) => ({ ok: true, value: message.type === 'handoff.take' ? (waiting.shift() ?? null) : null }));
    const take = vi.fn();
    const stop = createRuntimeConnector().onHandoff(take);
    await vi.waitFor(() => expect(take).toHaveBeenCalledWith(left));
    expect(seen).toEqual([{ type: 'handoff.take' }]);
    stop();
  });

  it('nothing waiting, or a background that fails, hands over nothing', async () => {
    let fail = false;
    answer(() => (fail ? { ok: false, error: { code: 'internal' } } : { ok: true, value: null }));
    const take = vi.fn();
    createRuntimeConnector().onHandoff(take);
    fail = true;
    createRuntimeConnector().onHandoff(take);
    await new Promise((r) => setTimeout(r, 10));
    expect(take).not.toHaveBeenCalled();
  });

  it('keeps the drafts through the background', async () => {
    let held: Record<string, string> = {};
    const seen = answer((message: any) => {
      if (message.type === 'drafts.save') held = message.drafts;
      return { ok: true, value: message.type === 'drafts.get' ? held : null };
    });
    const connector = createRuntimeConnector();
    expect(await connector.loadDrafts()).toEqual({});
    await connector.saveDrafts({ c1: 'half a thought', new: 'hi' });
    expect(await connector.loadDrafts()).toEqual({ c1: 'half a thought', new: 'hi' });
    expect(seen.map((m) => m.type)).toEqual(['drafts.get', 'drafts.save', 'drafts.get']);
  });
});

describe('the runtime connector’s port', () => {
  /** A Port as runtime.connect gives one (the fake browser has none). */
  function fakePorts() {
    const ports: {
      name: string;
      posted: unknown[];
      receive(event: BackgroundEvent): void;
      drop(): void;
      disconnect: ReturnType<typeof vi.fn>;
    }[] = [];
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
      const onMessage = new Set<(m: unknown) => void>();
      const onDisconnect = new Set<() => void>();
      const port = {
        name: info.name,
        posted: [] as unknown[],
        receive: (event: BackgroundEvent) => onMessage.forEach((l) => l(event)),
        drop: () => onDisconnect.forEach((l) => l()),
        disconnect: vi.fn(),
      };
      ports.push(port);
      return {
        name: info.name,
        postMessage: (m: unknown) => void port.posted.push(m),
        disconnect: port.disconnect,
        onMessage: { addListener: (l: (m: unknown) => void) => onMessage.add(l) },
        onDisconnect: { addListener: (l: () => void) => onDisconnect.add(l) },
      };
    }) as never);
    return ports;
  }

  beforeEach(async () => {
    await fakeBrowser.windows.create({ focused: true });
  });

  it('connects, says which thread is shown, passes the events on, and reconnects when the worker stops', async () => {
    vi.useFakeTimers();
    const ports = fakePorts();
    const connector = createRuntimeConnector();
    const events: BackgroundEvent[] = [];
    const onConnect = vi.fn();
    connector.setView(4); // before connecting: sent once connected
    const stop = connector.subscribe((e) => events.push(e), onConnect);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe(`hoory-panel:${connector.panelId}`); // its id: its 'thread.older' requests name it
    expect(panelIdOf(ports[0]!.name)).toBe(connector.panelId);
    expect(connector.panelId).not.toBe(createRuntimeConnector().panelId);
    expect(ports[0]!.posted).toEqual([{ type: 'view', conversationId: 4 }]);
    expect(onConnect).toHaveBeenCalledOnce();

    ports[0]!.receive({ type: 'typing', conversationId: 4, agent: null });
    expect(events).toEqual([{ type: 'typing', conversationId: 4, agent: null }]);
    connector.setView(null);
    expect(ports[0]!.posted.at(-1)).toEqual({ type: 'view', conversationId: null });
    connector.setView(4, true); // opened anew (not shown again)
    expect(ports[0]!.posted.at(-1)).toEqual({ type: 'view', conversationId: 4, fresh: true });
    connector.setView(null);

    ports[0]!.drop(); // the worker stopped
    vi.advanceTimersByTime(100);
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ type: 'view', conversationId: null }]); // the view again
    expect(ports[1]!.name).toBe(ports[0]!.name); // the same panel
    expect(onConnect).toHaveBeenCalledTimes(2); // the panel refetches its snapshot

    stop();
    expect(ports[1]!.disconnect).toHaveBeenCalled();
    ports[1]!.drop();
    vi.advanceTimersByTime(10_000);
    expect(ports).toHaveLength(2); // closed: no reconnecting
    vi.useRealTimers();
  });

  it('tells a panel port by its name: a bare one has no id, any other name is no panel', () => {
    expect(panelIdOf('hoory-panel')).toBe('');
    expect(panelIdOf('hoory-panel:abc')).toBe('abc');
    expect(panelIdOf('hoory-panelx')).toBeNull();
    expect(panelIdOf('other:abc')).toBeNull();
  });

  it('backs off while the background keeps refusing', () => {
    vi.useFakeTimers();
    const ports = fakePorts();
    createRuntimeConnector().subscribe(() => {});
    const gaps: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = ports.length;
      ports.at(-1)!.drop();
      let waited = 0;
      while (ports.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      gaps.push(waited);
    }
    expect(gaps).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    vi.useRealTimers();
  });

  it('a "handoff" event makes a panel that takes hand-offs ask for it; it is not passed on as an event', async () => {
    const ports = fakePorts();
    const waiting = [null, { kind: 'conversation' as const, conversationId: 9, at: 6 }];
    answer((message) => ({ ok: true, value: message.type === 'handoff.take' ? (waiting.shift() ?? null) : null }));
    const connector = createRuntimeConnector();
    const events: BackgroundEvent[] = [];
    connector.subscribe((e) => events.push(e));
    const take = vi.fn();
    connector.onHandoff(take);
    ports[0]!.receive({ type: 'handoff' });
    await vi.waitFor(() => expect(take).toHaveBeenCalledWith({ kind: 'conversation', conversationId: 9, at: 6 }));
    expect(events).toEqual([]);
  });
});
