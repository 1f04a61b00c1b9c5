// A Connector for component and model tests: the whole browser surface of the pages, with no module mocks.
// Requests are a vi.fn answered by per-type handlers; `emit` pushes background events as the real port
// would; hand-offs, saved drafts, the active tab and the permission prompts are state the test controls.
import { act } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Connector } from '@/utils/connector';
import type {
  BackgroundEvent,
  ConversationSummary,
  OlderRows,
  PageContext,
  PageRequest,
  PanelStatus,
  ReplyOf,
  RequestOf,
  RequestType,
  Snapshot,
  ThreadMessage,
  ThreadView,
} from '@/utils/protocol';
import type { Handoff } from '@/utils/protocol/mailboxes';

export type Handlers = { [T in RequestType]?: (request: RequestOf<T>) => ReplyOf<T> | Promise<ReplyOf<T>> };

/** Who answers the permission prompts, and what they answer. */
export interface Answers {
  origin: boolean;
  notifications: boolean;
  /** The prompt for reading the active tab's address (the `tabs` permission). */
  page: boolean;
}

export interface FakeOptions {
  /** Drafts an earlier panel saved. */
  drafts?: Record<string, string>;
  /** What the context menu or a notification left before this panel opened. */
  handoff?: Handoff;
  /** The page in the active tab; `readable: false` when its address is hidden without asking. */
  page?: PageContext | null;
  readable?: boolean;
  answers?: Partial<Answers>;
}

const defaultReplies: Handlers = {
  'snapshot.get': () => snapshot(),
  'settings.get': () => ({
    installationUrl: '', inboxIdentifier: '', name: '', email: '', identifier: '', identifierHash: '', notifications: false,
  }),
  connect: () => ({ ok: true }),
  'thread.open': ({ conversationId }) => thread(conversationId, []),
  'thread.older': ({ conversationId }) => olderRows(conversationId, []),
};

export function fakeConnector(handlers: Handlers = {}, options: FakeOptions = {}) {
  const listeners = new Set<{ onEvent: (event: BackgroundEvent) => void; onConnect?: () => void }>();
  const takers = new Set<(handoff: Handoff) => void>();
  const pageWatchers = new Set<() => void>();
  let pendingHandoff: Handoff | null = options.handoff ?? null;
  const taken: Handoff[] = [];
  let savedDrafts: Record<string, string> = { ...options.drafts };
  let activePage: PageContext | null = options.page ?? null;
  let readable = options.readable ?? true;
  const answers: Answers = { origin: true, notifications: true, page: true, ...options.answers };
  let echoes = 0;

  const request = vi.fn(async (req: PageRequest): Promise<unknown> => {
    const handler = (handlers[req.type] ?? defaultReplies[req.type]) as ((r: PageRequest) => unknown) | undefined;
    if (handler) return handler(req);
    if (req.type === 'message.send') return { conversationId: req.conversationId, echoId: `echo-${++echoes}` };
    return null;
  });

  /** The real connector hands each hand-off over once and asks the background to clear it. */
  const deliver = () => {
    const handoff = pendingHandoff;
    if (!handoff || takers.size === 0) return;
    pendingHandoff = null;
    taken.push(handoff);
    for (const take of takers) take(handoff);
  };

  /** The file store shared with the background (IndexedDB in the extension). */
  const files = new Map<string, { blob: Blob; name: string }>();
  let fileSeq = 0;

  const connector: Connector = {
    panelId: 'panel-under-test',
    request: request as unknown as Connector['request'],
    putFile: vi.fn(async (blob: Blob, name: string) => {
      const id = `file-${++fileSeq}`;
      files.set(id, { blob, name });
      return { id, name, size: blob.size, type: blob.type };
    }),
    deleteFile: vi.fn(async (id: string) => void files.delete(id)),
    readFile: vi.fn(async (id: string) => files.get(id)?.blob),
    subscribe: vi.fn((onEvent: (event: BackgroundEvent) => void, onConnect?: () => void) => {
      const listener = { onEvent, onConnect };
      listeners.add(listener);
      onConnect?.();
      return () => void listeners.delete(listener);
    }),
    setView: vi.fn((_conversationId: number | null, _fresh?: boolean) => {}),
    onHandoff: vi.fn((take: (handoff: Handoff) => void) => {
      takers.add(take);
      queueMicrotask(deliver); // the real one reads the mailbox first
      return () => void takers.delete(take);
    }),
    loadDrafts: vi.fn(async () => ({ ...savedDrafts })),
    saveDrafts: vi.fn(async (drafts: Record<string, string>) => void (savedDrafts = { ...drafts })),
    readPage: vi.fn(async () => (readable ? activePage : null)),
    requestPage: vi.fn(async () => (readable || answers.page ? activePage : null)),
    watchPage: vi.fn((onChange: () => void) => {
      pageWatchers.add(onChange);
      return () => void pageWatchers.delete(onChange);
    }),
    requestOrigin: vi.fn(async (_origin: string) => answers.origin),
    requestNotifications: vi.fn(async () => answers.notifications),
    openSettings: vi.fn(() => {}),
    openPanel: vi.fn(() => {}),
  };

  return {
    connector,
    request,
    /** The files in the store, by id. */
    files,
    /** The views this panel reported, in order. */
    setView: vi.mocked(connector.setView),
    /** The requests of one type, in order. */
    sent: <T extends RequestType>(type: T) =>
      request.mock.calls.map(([r]) => r).filter((r) => r.type === type) as unknown as RequestOf<T>[],
    /** A background event, as the port delivers it. */
    emit: (event: BackgroundEvent) => act(() => listeners.forEach((l) => l.onEvent(event))),
    /** The port reconnected (the worker restarted). */
    reconnect: () => act(() => listeners.forEach((l) => l.onConnect?.())),
    subscribed: () => listeners.size,
    /** The context menu or a notification leaves a hand-off; an open panel takes it at once. */
    handoff: (handoff: Handoff) =>
      act(async () => {
        pendingHandoff = handoff;
        deliver();
      }),
    /** The hand-off still waiting for a panel, and those taken. */
    pendingHandoff: () => pendingHandoff,
    taken,
    /** What the panel last saved as its drafts. */
    drafts: () => ({ ...savedDrafts }),
    /** The active tab shows another page (a tab switch or a load): watchers hear of it. */
    switchTab: (page: PageContext | null, opts: { readable?: boolean } = {}) =>
      act(async () => {
        activePage = page;
        readable = opts.readable ?? true;
        pageWatchers.forEach((watch) => watch());
        await new Promise((r) => setTimeout(r, 0));
      }),
    /** The active tab's page, without telling the watchers. */
    setPage(page: PageContext | null, opts: { readable?: boolean } = {}) {
      activePage = page;
      readable = opts.readable ?? true;
    },
    watchers: () => pageWatchers.size,
    /** What the user answers at the next permission prompts. */
    answer: (next: Partial<Answers>) => void Object.assign(answers, next),
  };
}

export type FakeConnector = ReturnType<typeof fakeConnector>;

export function status(extra: Partial<PanelStatus> = {}): PanelStatus {
  return { configured: true, connection: 'online', ...extra };
}

export function snapshot(
  conversations: ConversationSummary[] = [],
  extra: { status?: Partial<PanelStatus>; unsent?: ThreadMessage[] } = {},
): Snapshot {
  return { status: status(extra.status), conversations, unsent: extra.unsent ?? [] };
}

export function summary(id: number, extra: Partial<ConversationSummary> = {}): ConversationSummary {
  return { id, status: 'open', lastMessage: null, lastActivityAt: 1_700_000_000, unread: 0, ...extra };
}

let seq = 0;
export function message(extra: Partial<ThreadMessage> = {}): ThreadMessage {
  const id = 'id' in extra ? extra.id : ++seq + 1000;
  return {
    key: id === undefined ? `e${extra.echoId ?? seq}` : `m${id}`,
    ...(id === undefined ? {} : { id }),
    content: 'Hello',
    contentType: 'text',
    contentAttributes: {},
    attachments: [],
    createdAt: 1_700_000_000,
    from: 'agent',
    sender: { name: 'Alex Kim' },
    delivery: 'sent',
    ...extra,
  };
}

/** A message of the customer's still in the outbox (no id yet). */
export function pendingMessage(echoId: string, extra: Partial<ThreadMessage> = {}): ThreadMessage {
  return message({ id: undefined, key: `e${echoId}`, echoId, from: 'me', sender: null, delivery: 'sending', ...extra });
}

export function thread(conversationId: number, messages: ThreadMessage[], extra: Partial<ThreadView> = {}): ThreadView {
  return { conversationId, status: 'open', messages, hasOlder: false, ...extra };
}

/** The answer to 'thread.older': the rows before those the panel holds, with the thread's facts. */
export function olderRows(conversationId: number, upsert: ThreadMessage[], extra: Partial<OlderRows> = {}): OlderRows {
  return { conversationId, status: 'open', hasOlder: false, upsert, remove: [], ...extra };
}

/** A promise with its resolve exposed, to look at the UI while a request is pending. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Unix seconds for a local date and time. */
export const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime() / 1000;
