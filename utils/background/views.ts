// Turns held state into the views of the protocol (ConversationSummary, ThreadView) for the panel.
import { MessageType } from '../api/message-type';
import type { Message } from '../api/schemas';
import type { ConversationSummary, ThreadMessage, ThreadView } from '../protocol';
import type { ConversationState } from './chat-state';
import { unreadOf } from './chat-state';
import type { OutboxItem } from './outbox-queue';

function messagePreview(message: Message): string {
  if (message.content?.trim()) return message.content.trim().split('\n')[0]!.slice(0, 140);
  if (message.attachments?.length) return '📎';
  return '';
}

export function summarize(state: ConversationState): ConversationSummary {
  const last = state.messages[state.messages.length - 1];
  const pageTitle = state.customAttributes.page_title;
  return {
    id: state.id,
    status: state.status,
    lastMessage: last
      ? { content: messagePreview(last), fromAgent: last.message_type !== MessageType.incoming, createdAt: last.created_at }
      : null,
    lastActivityAt: state.lastActivityAt,
    unread: unreadOf(state),
    ...(typeof pageTitle === 'string' && pageTitle ? { pageTitle } : {}),
  };
}

export function toThreadMessage(message: Message, agentLastSeenAt: number, csatDisplay?: 'emoji' | 'star'): ThreadMessage {
  const mine = message.message_type === MessageType.incoming;
  const sender = message.sender;
  // Rich messages (issue 15): the attachment facts and sender kind are copied only when the server sent
  // them, checked here at the edge (coordinates may come as decimal strings, sizes as null).
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const num = (v: unknown) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
  };
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const type = mine ? undefined : sender?.type;
  const senderKind = type === 'user' ? 'human' : type === 'agent_bot' ? 'bot' : type === 'captain_assistant' ? 'ai' : undefined;
  const display = message.content_attributes?.display_type ?? csatDisplay;
  return {
    key: `m${message.id}`,
    id: message.id,
    content: message.content ?? '',
    contentType: message.content_type,
    contentAttributes: (message.content_attributes ?? {}) as Record<string, unknown>,
    attachments: (message.attachments ?? []).map((a) => ({
      fileType: a.file_type,
      url: a.data_url,
      ...(a.thumb_url ? { thumbUrl: a.thumb_url } : {}),
      ...defined({
        fileName: str(a.file_name),
        fileSize: num(a.file_size),
        width: num(a.width),
        height: num(a.height),
        extension: str(a.extension),
        lat: num(a.coordinates_lat),
        long: num(a.coordinates_long),
        fallbackTitle: str(a.fallback_title),
      }),
    })),
    createdAt: message.created_at,
    from: mine ? 'me' : sender?.type === 'agent_bot' ? 'bot' : 'agent',
    sender:
      mine || !sender
        ? null
        : {
            name: sender.available_name || sender.name || '',
            ...(sender.avatar_url || sender.thumbnail ? { avatarUrl: (sender.avatar_url || sender.thumbnail)! } : {}),
          },
    ...(senderKind ? { senderKind } : {}),
    ...(message.content_type === 'input_csat' && (display === 'star' || display === 'emoji') ? { csatDisplayType: display } : {}),
    delivery: mine && (message.status === 'read' || agentLastSeenAt >= message.created_at) ? 'read' : 'sent',
  };
}

export function outboxMessage(item: OutboxItem): ThreadMessage {
  return {
    key: `e${item.echoId}`,
    echoId: item.echoId,
    content: item.content,
    contentType: 'text',
    contentAttributes: {},
    // Its files by name and size: their bytes are in the file store, not at a URL yet.
    attachments: (item.attachments ?? []).map((file) => ({
      fileType: file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : file.type.startsWith('audio/') ? 'audio' : 'file',
      url: '',
      fileName: file.name,
      fileSize: file.size,
    })),
    createdAt: item.createdAt / 1000,
    from: 'me',
    sender: null,
    delivery: deliveryOf(item),
    ...(item.error ? { error: item.error } : {}),
    ...(uploadOf(item) !== undefined ? { progress: uploadOf(item) } : {}),
  };
}

/** A thread's view: its window of held messages, its messages still in the outbox, and its facts. */
export function threadView(
  state: ConversationState,
  window: number,
  pending: readonly OutboxItem[],
  firstUnreadId?: number,
  csatDisplay?: 'emoji' | 'star',
): ThreadView {
  const rows = threadRows(state, window, pending, csatDisplay);
  return { conversationId: state.id, messages: rows.map((r) => r.build()), ...threadFacts(state, window, rows, firstUnreadId) };
}

/** What a thread's header and list need besides its rows: status, older history, the "New messages" line. */
export function threadFacts(state: ConversationState, window: number, rows: readonly ThreadRow[], firstUnreadId?: number) {
  const markKey = firstUnreadId === undefined ? undefined : `m${firstUnreadId}`;
  return {
    status: state.status,
    hasOlder: state.messages.length > window || state.hasOlder,
    ...(markKey && rows.some((r) => r.key === markKey) ? { firstUnreadKey: markKey } : {}),
  };
}

/** A row of a thread's view, with what tells whether it changed since a panel last got it. */
export interface ThreadRow {
  key: string;
  source: Message | string;
  tag: string;
  build(): ThreadMessage;
}

/** The rows a thread shows: its window of held messages, then its messages still in the outbox. */
export function threadRows(state: ConversationState, window: number, pending: readonly OutboxItem[], csatDisplay?: 'emoji' | 'star'): ThreadRow[] {
  const rows: ThreadRow[] = state.messages.slice(-window).map((m) => ({
    key: `m${m.id}`,
    source: m,
    // Only the customer's own messages show a read state: a read receipt must not touch the agent's rows.
    tag: `${m.message_type === MessageType.incoming && (m.status === 'read' || state.agentLastSeenAt >= m.created_at) ? 'read' : 'sent'}|${csatDisplay ?? ''}`,
    build: () => toThreadMessage(m, state.agentLastSeenAt, csatDisplay),
  }));
  for (const item of pending) {
    if (item.conversationId !== state.id) continue;
    // Queued and sending both show as "Sending…": only what the panel shows makes a row change.
    const delivery = deliveryOf(item);
    rows.push({ key: `e${item.echoId}`, source: item.echoId, tag: `${delivery}|${item.error ?? ''}|${uploadOf(item)}`, build: () => outboxMessage(item) });
  }
  return rows;
}

/** A message whose files are on their way now: the percent sent, or null where it cannot be measured (a
 *  small upload, or fetch). Undefined otherwise. */
function uploadOf(item: OutboxItem): number | null | undefined {
  return item.state === 'sending' && item.attachments?.length ? (item.progress ?? null) : undefined;
}

/** What an unsent message shows: sending, waiting for the network (its last try found none), or failed. */
function deliveryOf(item: OutboxItem): 'sending' | 'waiting' | 'failed' {
  if (item.state === 'failed') return 'failed';
  return item.state === 'queued' && (item.error === 'unreachable' || item.error === 'no_network') ? 'waiting' : 'sending';
}
