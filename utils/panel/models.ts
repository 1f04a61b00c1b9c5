// The side panel's state as small signal models, with the actions that change them. Components read the
// signals and call the actions; only this module talks to the background (through a Connector).
import { batch, computed, effect, signal } from '@preact/signals';
import type { Connector } from '../connector';
import type {
  BackgroundEvent,
  ConnectionState,
  ConversationSummary,
  PageContext,
  ThreadMessage,
  ThreadView,
} from '../protocol';

export type PanelView = { kind: 'list' } | { kind: 'thread'; conversationId: number } | { kind: 'new' };
export interface Agent {
  name: string;
  avatarUrl?: string;
}

const AGENT_TYPING_TIMEOUT_MS = 30_000; // the widget clears a typing indicator by itself after 30 s
const OWN_TYPING_IDLE_MS = 3_000;

export function createPanelModel(connector: Connector) {
  const configured = signal<boolean | null>(null);
  const inboxName = signal<string | undefined>(undefined);
  const agentsOnline = signal<boolean | undefined>(undefined);
  const connection = signal<ConnectionState>('connecting');
  const connectionDetail = signal<string | undefined>(undefined);
  const conversations = signal<ConversationSummary[]>([]);
  const view = signal<PanelView>({ kind: 'list' });
  const thread = signal<ThreadView | null>(null);
  const loadingOlder = signal(false);
  const typing = signal<{ conversationId: number; agent: Agent } | null>(null);
  const draft = signal('');
  /** Unsent text of the other views ('new', or `c<conversation id>`): switching loses nothing. */
  const drafts = signal<Record<string, string>>({});
  const attachPage = signal(false);
  const page = signal<PageContext | null>(null);
  /** Messages of conversations the background is still creating, whoever sent them. */
  const unsent = signal<ThreadMessage[]>([]);
  /** Echo ids of the messages sent from this panel's "new conversation" view. */
  const newEchoIds = signal<string[]>([]);
  /** What the "new conversation" view shows until the conversation exists: sending, or failed with Retry. */
  const pendingNew = computed(() => {
    const sent = newEchoIds.value;
    return unsent.value.filter((m) => m.echoId !== undefined && sent.includes(m.echoId));
  });
  const error = signal<string | null>(null);
  /** The panel's document is visible (not a hidden tab or a minimized window). */
  const pageVisible = signal(true);

  const sortedConversations = computed(() =>
    [...conversations.value].sort((a, b) => b.lastActivityAt - a.lastActivityAt || b.id - a.id),
  );
  const currentThread = computed(() => {
    const v = view.value;
    return v.kind === 'thread' && thread.value?.conversationId === v.conversationId ? thread.value : null;
  });
  const agentTyping = computed(() => {
    const v = view.value;
    return v.kind === 'thread' && typing.value?.conversationId === v.conversationId ? typing.value.agent : null;
  });

  // The thread the user can actually see: it is read as replies arrive and gets no notification.
  const onScreen = computed(() => {
    const v = view.value;
    return pageVisible.value && v.kind === 'thread' ? v.conversationId : null;
  });
  const stopReportingView = effect(() => connector.setView(onScreen.value));

  /** Every view's unsent text, the current one included: what the panel keeps across closing. */
  const allDrafts = computed(() => withDraft(drafts.value, draftKey(view.value), draft.value));

  /** New conversations the background started, by the echo id of their first message: the event can
   *  arrive before the answer to the send request that tells us that echo id. */
  const started = new Map<string, number>();

  let typingClear: ReturnType<typeof setTimeout> | undefined;
  let ownTypingOff: ReturnType<typeof setTimeout> | undefined;
  let ownTypingConversation: number | null = null;

  function onEvent(event: BackgroundEvent) {
    switch (event.type) {
      case 'snapshot':
        batch(() => {
          configured.value = event.snapshot.configured;
          inboxName.value = event.snapshot.inboxName;
          agentsOnline.value = event.snapshot.agentsOnline;
          connection.value = event.snapshot.connection;
          connectionDetail.value = event.snapshot.connectionDetail;
          conversations.value = event.snapshot.conversations;
          unsent.value = event.snapshot.unsent;
        });
        break;
      case 'thread':
        if (view.value.kind === 'thread' && view.value.conversationId === event.thread.conversationId) {
          thread.value = event.thread;
        }
        break;
      case 'typing':
        clearTimeout(typingClear);
        typing.value = event.agent ? { conversationId: event.conversationId, agent: event.agent } : null;
        if (event.agent) typingClear = setTimeout(() => (typing.value = null), AGENT_TYPING_TIMEOUT_MS);
        break;
      case 'conversation.started':
        started.set(event.echoId, event.conversationId);
        followStarted();
        break;
    }
  }

  /** In the new-conversation view, go to the conversation our first message started, once it exists. */
  function followStarted() {
    if (view.value.kind !== 'new') return;
    const conversationId = newEchoIds.value.map((id) => started.get(id)).find((id) => id !== undefined);
    if (conversationId === undefined) return;
    newEchoIds.value = [];
    void openConversation(conversationId);
  }

  async function refresh() {
    try {
      onEvent({ type: 'snapshot', snapshot: await connector.request({ type: 'snapshot.get' }) });
      const v = view.value;
      if (v.kind === 'thread') thread.value = await connector.request({ type: 'thread.open', conversationId: v.conversationId });
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  /** Changes the view, keeping the draft of the one left and bringing back the one of the one entered. */
  function setView(next: PanelView) {
    batch(() => {
      drafts.value = withDraft(drafts.value, draftKey(view.value), draft.value);
      view.value = next;
      const key = draftKey(next);
      draft.value = (key && drafts.value[key]) || '';
    });
  }

  /** Drafts saved by an earlier panel; the current view's comes back unless the user already typed. */
  function restoreDrafts(saved: Record<string, string>) {
    batch(() => {
      drafts.value = { ...saved, ...drafts.value };
      const key = draftKey(view.value);
      if (key && !draft.value && saved[key]) draft.value = saved[key];
    });
  }

  async function openConversation(conversationId: number) {
    stopOwnTyping();
    setView({ kind: 'thread', conversationId });
    if (thread.value?.conversationId !== conversationId) thread.value = null;
    try {
      const opened = await connector.request({ type: 'thread.open', conversationId });
      if (view.value.kind === 'thread' && view.value.conversationId === conversationId) thread.value = opened;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }

  function showList() {
    stopOwnTyping();
    setView({ kind: 'list' });
  }

  function startNewConversation(options: { page?: PageContext; text?: string } = {}) {
    stopOwnTyping();
    batch(() => {
      setView({ kind: 'new' });
      newEchoIds.value = [];
      if (options.page) {
        page.value = options.page;
        attachPage.value = true;
      }
      if (options.text) draft.value = options.text;
    });
  }

  async function send() {
    const content = draft.value.trim();
    const v = view.value;
    if (!content || v.kind === 'list') return;
    const conversationId = v.kind === 'thread' ? v.conversationId : null;
    const withPage = attachPage.value && page.value ? page.value : undefined;
    stopOwnTyping();
    batch(() => {
      draft.value = '';
      error.value = null;
    });
    try {
      const { echoId } = await connector.request({ type: 'message.send', conversationId, content, page: withPage });
      attachPage.value = false; // the page goes with one message, not every one after it
      if (conversationId === null) {
        newEchoIds.value = [...newEchoIds.value, echoId];
        followStarted();
      }
    } catch (e) {
      // Never lose what the user typed.
      if (!draft.value) draft.value = content;
      error.value = (e as Error).message;
    }
  }

  function retry(echoId: string) {
    void connector.request({ type: 'message.retry', echoId }).catch((e) => (error.value = (e as Error).message));
  }

  async function loadOlder() {
    const current = currentThread.value;
    if (!current?.hasOlder || loadingOlder.value) return;
    loadingOlder.value = true;
    try {
      const older = await connector.request({ type: 'thread.older', conversationId: current.conversationId });
      if (view.value.kind === 'thread' && view.value.conversationId === older.conversationId) thread.value = older;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loadingOlder.value = false;
    }
  }

  /** Debounced `toggle_typing`: "on" once when typing starts, "off" after a pause. */
  function noteTyping() {
    const v = view.value;
    if (v.kind !== 'thread') return;
    if (ownTypingConversation !== v.conversationId) {
      stopOwnTyping();
      ownTypingConversation = v.conversationId;
      void connector.request({ type: 'typing', conversationId: v.conversationId, on: true }).catch(() => {});
    }
    clearTimeout(ownTypingOff);
    ownTypingOff = setTimeout(stopOwnTyping, OWN_TYPING_IDLE_MS);
  }

  function stopOwnTyping() {
    clearTimeout(ownTypingOff);
    if (ownTypingConversation === null) return;
    const conversationId = ownTypingConversation;
    ownTypingConversation = null;
    void connector.request({ type: 'typing', conversationId, on: false }).catch(() => {});
  }

  async function resolve() {
    const v = view.value;
    if (v.kind !== 'thread') return;
    await connector.request({ type: 'conversation.resolve', conversationId: v.conversationId }).catch((e) => {
      error.value = (e as Error).message;
    });
  }

  async function submit(messageId: number, values: unknown) {
    const v = view.value;
    if (v.kind !== 'thread') return;
    await connector
      .request({ type: 'message.submit', conversationId: v.conversationId, messageId, values })
      .catch((e) => (error.value = (e as Error).message));
  }

  const unsubscribe = connector.subscribe(onEvent, () => void refresh());

  return {
    configured, inboxName, agentsOnline, connection, connectionDetail, conversations, sortedConversations, view, thread,
    currentThread, loadingOlder, agentTyping, draft, allDrafts, restoreDrafts, attachPage, page, pendingNew, error,
    pageVisible,
    openConversation, showList, startNewConversation, send, retry, loadOlder, noteTyping, resolve, submit,
    dispose: () => {
      stopReportingView();
      stopOwnTyping();
      unsubscribe();
    },
  };
}

export type PanelModel = ReturnType<typeof createPanelModel>;

function draftKey(view: PanelView): string | null {
  if (view.kind === 'thread') return `c${view.conversationId}`;
  return view.kind === 'new' ? 'new' : null;
}

function withDraft(drafts: Record<string, string>, key: string | null, text: string): Record<string, string> {
  if (key === null || (drafts[key] ?? '') === (text.trim() ? text : '')) return drafts;
  const next = { ...drafts };
  if (text.trim()) next[key] = text;
  else delete next[key];
  return next;
}
