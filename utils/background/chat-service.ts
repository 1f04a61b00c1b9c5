// The background's single owner of the customer session. It holds the chat and answers the pages; the
// parts live beside it: the live link (cable + resync), the outbox (sending), the publisher (storage, panels,
// badge), the panels (who shows what). Everything held in memory is rebuilt from storage by `load()`.
import { createClientApi, type ClientApi } from '../api/client';
import type { Message } from '../api/schemas';
import type { CableEvent } from '../cable/events';
import { pageLine } from '../page-context';
import type { ConnectionState, ConnectResult, PageContext, SettingsInput, ThreadView } from '../protocol';
import { EMPTY_SETTINGS, isConfigured, settingsItem, type Settings } from '../settings';
import { strings } from '../strings';
import { isAgentMessage } from '../unread';
import { applyConversation, applyMessage, firstUnreadOf, placeholderConversation, unreadOf, type ConversationState } from './chat-state';
import { connect, sessionKey } from './connect';
import { createLiveLink } from './live-link';
import { createOutbox, type OutboxTransport } from './outbox-queue';
import { createPanels, type EventSink } from './panels';
import { createPublisher, THREAD_PAGE as PAGE } from './publisher';
import { chatItem, outboxItem, sessionItem, type StoredSession } from './storage';

export interface ServiceDeps {
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  setBadge(text: string, title: string): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  hasOrigin(origin: string): Promise<boolean>;
  /** Tests shorten the cable's timings. */
  cable?: { confirmTimeoutMs?: number; staleAfterSeconds?: number };
}

const MESSAGES_PAGE = 20; // the server's page size for GET messages

export function createChatService(deps: ServiceDeps) {
  let settings: Settings = EMPTY_SETTINGS;
  let session: StoredSession | null = null;
  let api: ClientApi | null = null;
  const conversations = new Map<number, ConversationState>();
  /** How many of each thread's newest messages the panel shows (grows with "load older"). */
  const windows = new Map<number, number>();
  const unreadMarks = new Map<number, number>();
  const panels = createPanels();
  let connection: ConnectionState = 'unconfigured';
  let connectionDetail: string | undefined;
  let agentsOnline: boolean | undefined;
  let stopped = false;
  const publisher = createPublisher({
    conversations,
    windows,
    unreadMarks,
    panels,
    session: () => session,
    connection: () => ({ state: connection, detail: connectionDetail }),
    agentsOnline: () => agentsOnline,
    pending: () => outbox.items(),
    setBadge: deps.setBadge,
  });
  const { view, snapshot } = publisher;
  const changed = () => void (stopped || publisher.changed());

  const transport: OutboxTransport = {
    createConversation: (attrs) => api!.createConversation(session!.sourceId, attrs),
    createMessage: (id, content, echoId) => api!.createMessage(session!.sourceId, id, content, echoId),
    latestMessages: (id) => api!.listMessages(session!.sourceId, id),
    newestConversationId: () => Math.max(0, ...conversations.keys()),
    async orphanConversation(after) {
      const list = await api!.listConversations(session!.sourceId);
      return list.find((c) => c.id > after && !c.messages.some((m) => m.message_type === 0));
    },
  };
  const outbox = createOutbox([], () => (api && session ? transport : null), {
    save: (items) => outboxItem.setValue(items),
    conversationCreated(item, conversation) {
      conversations.set(conversation.id, applyConversation(conversations.get(conversation.id), conversation, true));
      panels.broadcast({ type: 'conversation.started', echoId: item.echoId, conversationId: conversation.id });
      changed();
    },
    sent: (_item, message) => upsertMessage(message),
    changed,
  });

  const link = createLiveLink({
    cableOptions: { WebSocket: deps.WebSocket, ...deps.cable },
    session: () => session,
    installationUrl: () => settings.installationUrl,
    api: () => api,
    connection: () => connection,
    setConnection,
    resynced(list) {
      const seen = new Set(list.map((c) => c.id));
      for (const conversation of list) {
        conversations.set(conversation.id, applyConversation(conversations.get(conversation.id), conversation, true));
      }
      for (const id of conversations.keys()) if (!seen.has(id)) conversations.delete(id);
      if (connectionDetail) setConnection(connection); // clears a stale error detail
      for (const id of panels.visible()) markReadIfUnread(id);
      changed();
    },
    event: onCableEvent,
    online: () => void outbox.drain(),
    async tokenChanged(pubsubToken) {
      session = { ...session!, pubsubToken };
      await sessionItem.setValue(session);
    },
    async sessionLost() {
      const outcome = await connect(settings, null, deps);
      if (outcome.ok) await adoptSession(outcome.session);
      return outcome.ok;
    },
  });

  const ready = load();
  // The options page writes `notifications` itself; keep the held copy current.
  settingsItem.watch((next) => (settings = { ...settings, notifications: next?.notifications ?? false }));

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
      link.open();
      void outbox.recover();
    }
    changed();
  }

  function setConnection(state: ConnectionState, detail?: string) {
    connection = state;
    connectionDetail = detail;
    changed();
  }

  // ---- server state -------------------------------------------------------------------------------
  async function adoptSession(next: StoredSession) {
    if (session?.key !== next.key || session.sourceId !== next.sourceId) {
      // Another server, inbox or contact: the held chat and the unsent messages belonged to the old one.
      conversations.clear();
      windows.clear();
      await outbox.clear();
    }
    session = next;
    await sessionItem.setValue(next);
    api = createClientApi({ ...settings, fetch: deps.fetch });
    link.open();
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
        panels.broadcast({
          type: 'typing',
          conversationId: event.conversationId,
          agent: event.on ? { name: event.agentName || strings.agentFallbackName, ...(event.avatarUrl ? { avatarUrl: event.avatarUrl } : {}) } : null,
        });
        break;
      case 'presence':
        if (agentsOnline !== event.online) {
          agentsOnline = event.online;
          changed();
        }
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
    if (panels.isVisible(id)) return markRead(id);
    if (!settings.notifications) return;
    const name = message.sender?.available_name || message.sender?.name || strings.agentFallbackName;
    void deps.notify(`hoory:${id}:${message.id}`, name, message.content?.slice(0, 200) || strings.newReply).catch(() => {});
  }

  /** A panel now shows this thread: remember where its unread replies begin, then read them. */
  function opened(id: number) {
    const held = conversations.get(id);
    const first = held && firstUnreadOf(held);
    if (first && held) {
      unreadMarks.set(id, first.id);
      const fromFirst = held.messages.length - held.messages.indexOf(first);
      windows.set(id, Math.max(windows.get(id) ?? PAGE, Math.min(fromFirst + 5, 200))); // show them all
    } else {
      unreadMarks.delete(id);
    }
    markReadIfUnread(id);
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
    attach: (sink: EventSink) =>
      panels.attach(sink, (conversationId) => {
        if (conversationId === null) return;
        void ready.then(() => {
          opened(conversationId);
          // Its view may have changed while no panel showed it (a hidden panel reports none): push it.
          changed();
        });
      }),
    /** Periodic wake-up (alarm): reconnect what a stopped worker or a lost network left down. */
    async tick() {
      await ready;
      if (session && !link.isOpen()) link.open();
      void outbox.drain();
    },
    /** Close the socket and timers (tests; a real worker just stops). */
    stop() {
      stopped = true;
      link.close();
      session = null;
      api = null;
    },
    /** For tests and diagnostics. */
    state: () => ({ conversations, visible: panels.visible(), connection, session }),
  };
}

export type ChatService = ReturnType<typeof createChatService>;

function applyMessagesBatch(state: ConversationState, messages: Message[]): ConversationState {
  return messages.reduce(applyMessage, state);
}
