// Tells each panel what changed since it was last told: its status when it changed, the summaries of the
// conversations that changed, and the rows of its thread that changed. A panel that starts showing a
// thread gets that thread's whole view once.
import type { BackgroundEvent, ConversationSummary, OlderRows, PanelStatus, ThreadView } from '../protocol';
import { placeholderConversation, type ConversationState } from './chat-state';
import type { EventSink, Panels } from './panels';
import type { Session } from './session';
import type { Store } from './store';
import { outboxMessage, summarize, threadFacts, threadRows } from './views';

interface SentThread {
  conversationId: number;
  rows: Map<string, { source: unknown; tag: string }>;
  facts: string;
}

export function panelStatus(store: Store, session: Session): PanelStatus {
  const bound = session.current.peek();
  const { state, issue } = store.connection.peek();
  const online = store.agentsOnline.peek();
  return {
    configured: bound !== null,
    ...(bound?.stored.inboxName ? { inboxName: bound.stored.inboxName } : {}),
    ...(online !== undefined ? { agentsOnline: online } : {}),
    connection: bound ? state : 'unconfigured',
    ...(bound && issue ? { issue } : {}),
    ...(store.storageFull.peek() ? { storageFull: true } : {}),
  };
}

/** The rows of a thread's window before `before` (all of them without it, or when it is not found). */
function olderSlice(store: Store, id: number, before?: string) {
  const state = store.held(id) ?? placeholderConversation(id);
  const window = store.windowOf(id);
  const rows = threadRows(state, window, store.pending.peek(), store.csatDisplay.peek().get(id));
  const end = before === undefined ? -1 : rows.findIndex((row) => row.key === before);
  return { older: end === -1 ? rows : rows.slice(0, end), facts: threadFacts(state, window, rows, store.unreadMarks.peek().get(id)) };
}

/**
 * The rows of a thread's window before `before` (the oldest row a panel holds), after its window grew:
 * what "load older" adds, built and sent alone. Without `before` (or not found), the whole window.
 */
export function olderRows(store: Store, id: number, before?: string): OlderRows {
  const { older, facts } = olderSlice(store, id, before);
  return { conversationId: id, ...facts, upsert: older.map((row) => row.build()), remove: [] };
}

export type PanelPublisher = ReturnType<typeof createPanelPublisher>;

export function createPanelPublisher(store: Store, session: Session, panels: Panels) {
  let status = '';
  let summaries = new Map<number, ConversationState>();
  let unsent = '';
  let typing = store.typing.peek();
  let started = new Set<string>();
  const threads = new Map<EventSink, SentThread>();

  const broadcast = (event: BackgroundEvent) => {
    for (const [sink] of panels.sinks()) sink.post(event);
  };

  function publishList() {
    const nextStatus = panelStatus(store, session);
    if (JSON.stringify(nextStatus) !== status) {
      status = JSON.stringify(nextStatus);
      broadcast({ type: 'status', status: nextStatus });
    }
    const held = store.conversations.peek();
    const upsert: ConversationSummary[] = [];
    for (const [id, state] of held) if (summaries.get(id) !== state) upsert.push(summarize(state));
    const remove = [...summaries.keys()].filter((id) => !held.has(id));
    summaries = new Map(held);
    if (upsert.length || remove.length) broadcast({ type: 'conversations', upsert, remove });
    const waiting = store.pending.peek().filter((item) => item.conversationId === null);
    const signature = waiting.map((i) => `${i.echoId}|${i.state === 'failed'}|${i.error ?? ''}`).join();
    if (signature !== unsent) {
      unsent = signature;
      broadcast({ type: 'unsent', messages: waiting.map(outboxMessage) });
    }
  }

  function publishEvents() {
    for (const [id, agent] of store.typing.peek()) {
      if (typing.get(id) !== agent) broadcast({ type: 'typing', conversationId: id, agent });
    }
    typing = store.typing.peek();
    for (const [echoId, conversationId] of store.started.peek()) {
      if (!started.has(echoId)) broadcast({ type: 'conversation.started', echoId, conversationId });
    }
    started = new Set(store.started.peek().keys());
  }

  /** A thread's rows and header facts now, and the record of them the next publication diffs against. */
  function threadNow(id: number) {
    const state = store.held(id) ?? placeholderConversation(id);
    const window = store.windowOf(id);
    const rows = threadRows(state, window, store.pending.peek(), store.csatDisplay.peek().get(id));
    const facts = threadFacts(state, window, rows, store.unreadMarks.peek().get(id));
    const told: SentThread = { conversationId: id, rows: new Map(rows.map((r) => [r.key, { source: r.source, tag: r.tag }])), facts: JSON.stringify(facts) };
    return { rows, facts, told };
  }

  function publishThread(sink: EventSink, id: number) {
    const sent = threads.get(sink);
    const { rows, facts, told } = threadNow(id);
    threads.set(sink, told);
    if (sent?.conversationId !== id) {
      sink.post({ type: 'thread', thread: { conversationId: id, messages: rows.map((r) => r.build()), ...facts } });
      return;
    }
    const upsert = rows.filter((r) => {
      const before = sent.rows.get(r.key);
      return !before || before.source !== r.source || before.tag !== r.tag;
    });
    const remove = [...sent.rows.keys()].filter((key) => !told.rows.has(key));
    if (!upsert.length && !remove.length && sent.facts === told.facts) return;
    sink.post({ type: 'thread.patch', patch: { conversationId: id, ...facts, upsert: upsert.map((r) => r.build()), remove } });
  }

  return {
    /** The thread's whole view for the panel `panelId` ('thread.open'), noted as sent to it: the publication
     *  that follows its view message sends what changed since, not the whole view again. */
    view(panelId: string | undefined, id: number): ThreadView {
      const { rows, facts, told } = threadNow(id);
      const sink = panels.sinkOf(panelId);
      if (sink) threads.set(sink, told);
      return { conversationId: id, messages: rows.map((r) => r.build()), ...facts };
    },
    /** olderRows for the panel `panelId`, noted as sent to it: the next patch does not carry them again. */
    older(panelId: string | undefined, id: number, before?: string): OlderRows {
      const { older, facts } = olderSlice(store, id, before);
      const sink = panels.sinkOf(panelId);
      const sent = sink && threads.get(sink);
      if (sent?.conversationId === id) {
        for (const row of older) sent.rows.set(row.key, { source: row.source, tag: row.tag });
        sent.facts = JSON.stringify(facts);
      }
      return { conversationId: id, ...facts, upsert: older.map((row) => row.build()), remove: [] };
    },
    publish() {
      publishList();
      publishEvents();
      for (const [sink, id] of panels.sinks()) {
        if (id === null) threads.delete(sink);
        else publishThread(sink, id);
      }
      for (const sink of threads.keys()) if (!panels.sinks().some(([s]) => s === sink)) threads.delete(sink);
    },
  };
}
