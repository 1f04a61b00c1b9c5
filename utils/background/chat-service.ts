// The background's single owner of the customer session: REST client, cable, cached state, outbox,
// badge and notifications. Everything it holds in memory is rebuilt from storage by `load()`.
import { ApiError } from '../api/errors';
import { createClientApi, type ClientApi } from '../api/client';
import type { Message } from '../api/schemas';
import { badgeText, badgeTitle } from '../badge';
import type { CableEvent } from '../cable/events';
import { connectRoom } from '../cable/room-cable';
import { pageLine } from '../page-context';
import type { BackgroundEvent, ConnectionState, ConnectResult, PageContext, SettingsInput, Snapshot, ThreadView } from '../protocol';
import { EMPTY_SETTINGS, isConfigured, settingsItem, type Settings } from '../settings';
import { strings } from '../strings';
import { isAgentMessage } from '../unread';
import { applyConversation, applyMessage, placeholderConversation, trimForStorage, unreadOf, type ConversationState } from './chat-state';
import { connect, sessionKey } from './connect';
import { backoffMs, createOutbox, type OutboxTransport } from './outbox-queue';
import { CACHED_MESSAGES, chatItem, outboxItem, sessionItem, type StoredSession } from './storage';
import { summarize, threadView } from './views';

export interface ServiceDeps {
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  setBadge(text: string, title: string): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  hasOrigin(origin: string): Promise<boolean>;
  /** Tests shorten the cable's timings. */
  cable?: { confirmTimeoutMs?: number; staleAfterSeconds?: number };
}

export interface EventSink {
  post(event: BackgroundEvent): void;
}

const PAGE = 30; // messages added to the thread window per "load older"
const MESSAGES_PAGE = 20; // the server's page size for GET messages

export function createChatService(deps: ServiceDeps) {
  let settings: Settings = EMPTY_SETTINGS;
  let session: StoredSession | null = null;
  let api: ClientApi | null = null;
  let cable: ReturnType<typeof connectRoom> | null = null;
  const conversations = new Map<number, ConversationState>();
  const windows = new Map<number, number>();
  /** Each attached panel and the thread it shows (null: none). */
  const sinks = new Map<EventSink, number | null>();
  const isVisible = (id: number) => [...sinks.values()].includes(id);
  let connection: ConnectionState = 'unconfigured';
  let connectionDetail: string | undefined;
  let lastBadge: string | null = null;
  let resyncTimer: ReturnType<typeof setTimeout> | undefined;
  let resyncAttempt = 0;
  let flushQueued = false;
  let saving = Promise.resolve();

  const transport: OutboxTransport = {
    createConversation: (attrs) => api!.createConversation(session!.sourceId, attrs),
    createMessage: (id, content, echoId) => api!.createMessage(session!.sourceId, id, content, echoId),
    latestMessages: (id) => api!.listMessages(session!.sourceId, id),
  };
  const outbox = createOutbox([], () => (api && session ? transport : null), {
    save: (items) => outboxItem.setValue(items),
    conversationCreated(item, conversation) {
      conversations.set(conversation.id, applyConversation(conversations.get(conversation.id), conversation, true));
      broadcast({ type: 'conversation.started', echoId: item.echoId, conversationId: conversation.id });
      changed();
    },
    sent: (_item, message) => upsertMessage(message),
    changed,
  });

  const ready = load();
  // The options page writes `notifications` itself; keep the held copy current.
  settingsItem.watch((next) => (settings = { ...settings, notifications: next.notifications }));

  async function load() {
    const [storedSettings, storedSession, chat, items] = await Promise.all([
      settingsItem.getValue(), sessionItem.getValue(), chatItem.getValue(), outboxItem.getValue(),
    ]);
    settings = storedSettings;
    session = storedSession && isConfigured(settings) && storedSession.key === sessionKey(settings) ? storedSession : null;
    if (chat && session && chat.key === session.key) for (const c of chat.conversations) conversations.set(c.id, c);
    outbox.load(items);
    if (session) {
      api = createClientApi({ ...settings, fetch: deps.fetch });
      openCable();
      void outbox.recover();
    }
    changed();
  }

  // ---- publishing ---------------------------------------------------------------------------------
  function snapshot(): Snapshot {
    return {
      configured: session !== null,
      ...(session?.inboxName ? { inboxName: session.inboxName } : {}),
      connection: session ? connection : 'unconfigured',
      ...(connectionDetail ? { connectionDetail } : {}),
      conversations: [...conversations.values()].map(summarize),
    };
  }

  function view(id: number): ThreadView {
    const state = conversations.get(id) ?? placeholderConversation(id);
    return threadView(state, windows.get(id) ?? PAGE, outbox.items());
  }

  function broadcast(event: BackgroundEvent) {
    for (const sink of sinks.keys()) sink.post(event);
  }

  /** Coalesces a burst of changes into one storage write, one panel update and one badge update. */
  function changed() {
    if (flushQueued) return;
    flushQueued = true;
    setTimeout(() => {
      flushQueued = false;
      const data = { key: session?.key ?? '', conversations: [...conversations.values()].map((c) => trimForStorage(c, CACHED_MESSAGES)) };
      saving = saving.then(() => chatItem.setValue(session ? data : null)).catch((e) => console.error('Could not save the chat cache', e));
      broadcast({ type: 'snapshot', snapshot: snapshot() });
      for (const [sink, shown] of sinks) if (shown !== null) sink.post({ type: 'thread', thread: view(shown) });
      void updateBadge();
    }, 0);
  }

  async function updateBadge() {
    const total = [...conversations.values()].reduce((sum, c) => sum + unreadOf(c), 0);
    const text = badgeText(total);
    if (text === lastBadge) return;
    lastBadge = text;
    await deps.setBadge(text, badgeTitle(total)).catch((e) => console.error('Could not set the badge', e));
  }

  function setConnection(state: ConnectionState, detail?: string) {
    connection = state;
    connectionDetail = detail;
    changed();
  }

  // ---- server state -------------------------------------------------------------------------------
  function openCable() {
    cable?.close();
    cable = null;
    if (!session) return;
    setConnection('connecting');
    cable = connectRoom(
      { installationUrl: settings.installationUrl, pubsubToken: session.pubsubToken, WebSocket: deps.WebSocket, ...deps.cable },
      {
        onConnected: () => {
          setConnection('online');
          void resync(); // nothing is replayed after a reconnect: refetch
          void outbox.drain();
        },
        onDisconnected: () => setConnection('connecting', strings.reconnecting),
        onEvent: (event) => onCableEvent(event),
        onMalformed: (error) => {
          console.warn('Dropped a malformed cable event; resyncing', error);
          scheduleResync(1_000);
        },
        onRejected: (reason) => void checkSession(reason),
      },
    );
  }

  async function resync() {
    clearTimeout(resyncTimer);
    if (!api || !session) return;
    const sourceId = session.sourceId;
    try {
      const list = await api.listConversations(sourceId);
      if (session?.sourceId !== sourceId) return;
      const seen = new Set<number>();
      for (const conversation of list) {
        seen.add(conversation.id);
        conversations.set(conversation.id, applyConversation(conversations.get(conversation.id), conversation, true));
      }
      for (const id of conversations.keys()) if (!seen.has(id)) conversations.delete(id);
      resyncAttempt = 0;
      if (connection !== 'online' && connectionDetail) setConnection(connection);
      for (const id of new Set(sinks.values())) if (id !== null) markReadIfUnread(id);
      changed();
    } catch (error) {
      resyncAttempt += 1;
      setConnection(connection === 'online' ? 'online' : 'offline', describe(error));
      scheduleResync(backoffMs(resyncAttempt, error));
    }
  }

  function scheduleResync(ms: number) {
    clearTimeout(resyncTimer);
    resyncTimer = setTimeout(() => void resync(), ms);
  }

  /** reject_subscription, or silence (Chatwoot 4.x): find out whether the session still exists. */
  async function checkSession(reason: 'rejected' | 'timeout') {
    if (!api || !session) return;
    cable?.close();
    cable = null;
    try {
      const contact = await api.getContact(session.sourceId, identityOf(session));
      if (contact.pubsub_token !== session.pubsubToken) {
        session = { ...session, pubsubToken: contact.pubsub_token };
        await sessionItem.setValue(session);
        openCable();
        return;
      }
      setConnection('offline', reason === 'timeout' ? strings.liveNoAnswer : strings.liveRefused);
      void resync();
      setTimeout(() => !cable && openCable(), 30_000);
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') {
        // The contact is gone on the server: start a fresh session with the same settings.
        const outcome = await connect(settings, null, deps);
        if (outcome.ok) return adoptSession(outcome.session);
      }
      setConnection('offline', describe(error));
      setTimeout(() => !cable && openCable(), 30_000);
    }
  }

  async function adoptSession(next: StoredSession) {
    if (session?.key !== next.key || session.sourceId !== next.sourceId) {
      conversations.clear();
      windows.clear();
    }
    session = next;
    await sessionItem.setValue(next);
    api = createClientApi({ ...settings, fetch: deps.fetch });
    openCable();
    changed();
  }

  function onCableEvent(event: CableEvent) {
    switch (event.kind) {
      case 'message': {
        const { message } = event;
        const held = conversations.get(message.conversation_id);
        const isNew = !held?.messages.some((m) => m.id === message.id);
        upsertMessage(message);
        if (message.echo_id !== null && message.echo_id !== undefined) void outbox.echoed(String(message.echo_id));
        // message.updated (e.g. the "read" burst after update_last_seen) is never new activity.
        if (event.created && isNew && isAgentMessage(message)) onAgentReply(message);
        break;
      }
      case 'conversation':
        conversations.set(event.conversation.id, applyConversation(conversations.get(event.conversation.id), event.conversation, false));
        changed();
        break;
      case 'typing':
        broadcast({
          type: 'typing',
          conversationId: event.conversationId,
          agent: event.on ? { name: event.agentName || strings.agentFallbackName, ...(event.avatarUrl ? { avatarUrl: event.avatarUrl } : {}) } : null,
        });
        break;
      case 'presence':
        break;
    }
  }

  function upsertMessage(message: Message) {
    if (message.private || message.message_type === 2) return;
    const held = conversations.get(message.conversation_id);
    if (!held) void fetchConversation(message.conversation_id);
    conversations.set(message.conversation_id, applyMessage(held ?? placeholderConversation(message.conversation_id), message));
    changed();
  }

  async function fetchConversation(id: number) {
    if (!api || !session) return;
    const conversation = await api.getConversation(session.sourceId, id).catch(() => null);
    if (conversation) {
      conversations.set(id, applyConversation(conversations.get(id), conversation, true));
      changed();
    }
  }

  function onAgentReply(message: Message) {
    const id = message.conversation_id;
    if (isVisible(id)) return markRead(id);
    if (!settings.notifications) return;
    const name = message.sender?.available_name || message.sender?.name || strings.agentFallbackName;
    void deps.notify(`hoory:${id}:${message.id}`, name, message.content?.slice(0, 200) || strings.newReply).catch(() => {});
  }

  function markReadIfUnread(id: number) {
    const held = conversations.get(id);
    if (held && (unreadOf(held) > 0 || held.contactLastSeenAt === 0)) markRead(id);
  }

  function markRead(id: number) {
    const held = conversations.get(id);
    if (!api || !session || !held) return;
    const newest = held.messages[held.messages.length - 1];
    conversations.set(id, {
      ...held,
      contactLastSeenAt: Math.max(held.contactLastSeenAt, Math.floor(Date.now() / 1000), newest?.created_at ?? 0),
      readUpToId: Math.max(held.readUpToId ?? 0, newest?.id ?? 0),
    });
    changed();
    void api.updateLastSeen(session.sourceId, id).catch((e) => console.warn('update_last_seen failed', e));
  }

  // ---- requests from the pages --------------------------------------------------------------------
  async function doConnect(input: SettingsInput): Promise<ConnectResult> {
    await ready;
    const outcome = await connect(input, session, deps);
    if (!outcome.ok) return outcome;
    settings = { ...(await settingsItem.getValue()), ...outcome.settings };
    await settingsItem.setValue(settings);
    await adoptSession(outcome.session);
    return { ok: true, ...(outcome.inboxName ? { inboxName: outcome.inboxName } : {}) };
  }

  /** The thread's view, painted from what is held; an unknown conversation is fetched and pushed later. */
  async function openThread(id: number): Promise<ThreadView> {
    await ready;
    if (!windows.has(id)) windows.set(id, PAGE);
    if (!conversations.has(id)) void fetchConversation(id);
    return view(id);
  }

  async function loadOlder(id: number): Promise<ThreadView> {
    await ready;
    const held = conversations.get(id) ?? placeholderConversation(id);
    const shown = windows.get(id) ?? PAGE;
    if (held.messages.length <= shown && held.hasOlder && api && session) {
      const older = await api.listMessages(session.sourceId, id, held.messages[0]?.id);
      const current = conversations.get(id) ?? held;
      conversations.set(id, {
        ...applyMessagesBatch(current, older),
        hasOlder: older.length >= MESSAGES_PAGE,
      });
      changed();
    }
    windows.set(id, shown + PAGE);
    return view(id);
  }

  async function send(conversationId: number | null, content: string, page?: PageContext) {
    await ready;
    if (!session) throw new Error(strings.notConfigured);
    const echoId = crypto.randomUUID();
    await outbox.enqueue({
      echoId,
      conversationId,
      content: page ? `${content}\n\n${pageLine(page)}` : content,
      ...(conversationId === null && page ? { customAttributes: { page_url: page.url, page_title: page.title } } : {}),
    });
    return { conversationId, echoId };
  }

  return {
    ready,
    snapshot: async () => (await ready, snapshot()),
    connect: doConnect,
    openThread,
    loadOlder,
    send,
    retry: async (echoId: string) => (await ready, outbox.retry(echoId)),
    async submit(conversationId: number, messageId: number, values: unknown) {
      await ready;
      if (!api || !session) throw new Error(strings.notConfigured);
      upsertMessage(await api.submitMessage(session.sourceId, conversationId, messageId, values));
    },
    async typing(conversationId: number, on: boolean) {
      await ready;
      if (api && session) await api.toggleTyping(session.sourceId, conversationId, on).catch(() => {});
    },
    async resolve(conversationId: number) {
      await ready;
      if (!api || !session) throw new Error(strings.notConfigured);
      const conversation = await api.resolveConversation(session.sourceId, conversationId);
      conversations.set(conversationId, applyConversation(conversations.get(conversationId), conversation, true));
      changed();
    },
    /** A panel attached: it gets events, and says which thread it shows, until it goes. */
    attach(sink: EventSink) {
      sinks.set(sink, null);
      return {
        detach: () => void sinks.delete(sink),
        async setView(conversationId: number | null) {
          if (!sinks.has(sink)) return;
          sinks.set(sink, conversationId);
          await ready;
          if (conversationId !== null) markReadIfUnread(conversationId);
        },
      };
    },
    /** Periodic wake-up (alarm): reconnect what a stopped worker or a lost network left down. */
    async tick() {
      await ready;
      if (session && !cable) openCable();
      void outbox.drain();
    },
    /** Close the socket and timers (tests; a real worker just stops). */
    stop() {
      cable?.close();
      cable = null;
      session = null;
      api = null;
      clearTimeout(resyncTimer);
    },
    /** For tests and diagnostics. */
    state: () => ({ conversations, visible: new Set(sinks.values()), connection, session }),
  };
}

export type ChatService = ReturnType<typeof createChatService>;

function applyMessagesBatch(state: ConversationState, messages: Message[]): ConversationState {
  return messages.reduce(applyMessage, state);
}

function identityOf(session: StoredSession) {
  return session.identifier ? { identifier: session.identifier, identifierHash: session.identifierHash } : undefined;
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === 'unreachable') return strings.serverUnreachable;
    if (error.kind === 'rate_limited') return strings.rateLimited;
    return error.message;
  }
  return String(error);
}
